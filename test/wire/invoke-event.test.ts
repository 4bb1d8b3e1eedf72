/**
 * Invoke with InvocationType Event on the wire (`POST /2015-03-31/functions/{FunctionName}/invocations`
 * with `X-Amz-Invocation-Type: Event`): which requests are served, how the Qualifier parameter is
 * read, and Invoke's own validation next to InvokeAsync's.
 */
import { describe, expect, it } from 'vitest';
import { parseInvocation, type InvocationRequest } from '../../src/wire/parse-request.js';
import { validateInvocation } from '../../src/wire/validate-request.js';
import { describeLambdaRequest } from '../../src/wire/lambda-operation.js';
import { successResponse } from '../../src/wire/build-response.js';
import { MAX_INVOKE_EVENT_PAYLOAD_BYTES } from '../../src/wire/invoke-event.js';

const HOST = 'https://lambda.us-east-1.amazonaws.com';
const parse = (
  path: string,
  headers: Record<string, string> = { 'X-Amz-Invocation-Type': 'Event' },
  body = Buffer.from('{"id":1}'),
  method = 'POST',
) => parseInvocation({ method, url: `${HOST}${path}`, headers, body }, 'eu-west-1');

describe('which Invoke requests are served', () => {
  it('an Event invocation is parsed as operation Invoke (header name in any case)', () => {
    for (const headers of [{ 'X-Amz-Invocation-Type': 'Event' }, { 'x-amz-invocation-type': 'Event' }] as Record<
      string,
      string
    >[]) {
      expect(parse('/2015-03-31/functions/orders-fn/invocations', headers)).toMatchObject({
        operation: 'Invoke',
        functionName: 'orders-fn',
        ref: { name: 'orders-fn' },
        region: 'us-east-1',
        json: { ok: true, value: { id: 1 } },
      });
    }
  });

  it.each([
    ['RequestResponse', { 'x-amz-invocation-type': 'RequestResponse' }, 'RequestResponse'],
    ['DryRun', { 'x-amz-invocation-type': 'DryRun' }, 'DryRun'],
    ['no invocation type (RequestResponse)', {}, 'RequestResponse'],
  ])('%s is served with its invocation type', (_label, headers, type) => {
    expect(parse('/2015-03-31/functions/orders-fn/invocations', headers)).toMatchObject({
      operation: 'Invoke',
      invocationType: type,
    });
  });

  it('"event" in the wrong case is served, and refused as the service refuses a value outside the enum', () => {
    const request = parse('/2015-03-31/functions/orders-fn/invocations', { 'x-amz-invocation-type': 'event' })!;
    expect(request.badInvocationType).toBe('event');
    expect(validateInvocation(request)).toEqual({
      error: 'ValidationException',
      message:
        "1 validation error detected: Value 'event' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]",
    });
  });

  it('a GET, or another 2015-03-31 path, is not served', () => {
    expect(parse('/2015-03-31/functions/orders-fn/invocations', undefined, undefined, 'GET')).toBeUndefined();
    expect(parse('/2015-03-31/functions/orders-fn/response-streaming-invocations')).toBeUndefined();
    expect(parse('/2015-03-31/functions/orders-fn')).toBeUndefined();
  });

  it('InvokeAsync is still operation InvokeAsync', () => {
    expect(parse('/2014-11-13/functions/orders-fn/invoke-async', {})).toMatchObject({
      operation: 'InvokeAsync',
      functionName: 'orders-fn',
    });
  });

  it('reads ?Qualifier= into the reference; a qualified name keeps its own', () => {
    expect(parse('/2015-03-31/functions/orders-fn/invocations?Qualifier=live')).toMatchObject({
      ref: { name: 'orders-fn', qualifier: 'live' },
      qualifierParam: 'live',
    });
    expect(parse('/2015-03-31/functions/orders-fn/invocations?Qualifier=%24LATEST')?.ref?.qualifier).toBe('$LATEST');
    const arn = encodeURIComponent('arn:aws:lambda:eu-west-2:123456789012:function:orders-fn:prod');
    expect(parse(`/2015-03-31/functions/${arn}/invocations?Qualifier=live`)).toMatchObject({
      ref: { name: 'orders-fn', qualifier: 'prod', region: 'eu-west-2' },
      qualifierParam: 'live',
    });
  });
});

describe('Invoke validation, next to InvokeAsync', () => {
  const request = (path: string, bytes: number | string): InvocationRequest => {
    const body = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(JSON.stringify('x'.repeat(bytes - 2)));
    const invoke = path.startsWith('/2015');
    return parse(path, invoke ? { 'x-amz-invocation-type': 'Event' } : {}, body)!;
  };
  const INVOKE = '/2015-03-31/functions/f/invocations';
  const ASYNC = '/2014-11-13/functions/f/invoke-async';

  it('payload limits: 1 MB for Invoke (RequestTooLargeException), 256 KB for InvokeAsync (RequestEntityTooLargeException)', () => {
    expect(MAX_INVOKE_EVENT_PAYLOAD_BYTES).toBe(1_048_576);
    expect(validateInvocation(request(INVOKE, 1_048_576))).toBeUndefined();
    expect(validateInvocation(request(INVOKE, 1_048_577))).toEqual({
      error: 'RequestTooLargeException',
      message: 'Request must be smaller than 1048576 bytes for the InvokeFunction operation',
    });
    expect(validateInvocation(request(ASYNC, 262_144))).toBeUndefined();
    expect(validateInvocation(request(ASYNC, 262_145))).toEqual({
      error: 'RequestEntityTooLargeException',
      message: 'Request must be smaller than 262144 bytes for the InvokeAsync operation',
    });
  });

  it('a body that is not JSON is InvalidRequestContentException for both', () => {
    expect(validateInvocation(request(INVOKE, 'not json'))?.error).toBe('InvalidRequestContentException');
    expect(validateInvocation(request(ASYNC, 'not json'))?.error).toBe('InvalidRequestContentException');
  });

  it('a Qualifier outside its pattern is a ValidationException; one the name contradicts is InvalidParameterValueException', () => {
    expect(validateInvocation(request(`${INVOKE}?Qualifier=${encodeURIComponent('no way')}`, '{}'))).toMatchObject({
      error: 'ValidationException',
      message: expect.stringContaining("Value 'no way' at 'qualifier'"),
    });
    expect(validateInvocation(request('/2015-03-31/functions/f%3Aprod/invocations?Qualifier=live', '{}'))).toEqual({
      error: 'InvalidParameterValueException',
      message: 'The derived qualifier from the function name does not match the specified qualifier.',
    });
    expect(
      validateInvocation(request('/2015-03-31/functions/f%3Aprod/invocations?Qualifier=prod', '{}')),
    ).toBeUndefined();
  });

  it('a name that breaks the pattern is the same ValidationException as for InvokeAsync', () => {
    expect(validateInvocation(request('/2015-03-31/functions/bad%20name!/invocations', '{}'))?.error).toBe(
      'ValidationException',
    );
  });
});

describe('answers and messages', () => {
  it('success is 202 with an empty body and a request id', () => {
    const response = successResponse('Invoke');
    expect(response).toMatchObject({
      status: 202,
      headers: { 'content-length': '0', 'x-amzn-RequestId': expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    expect(response.body.byteLength).toBe(0);
    expect(Buffer.from(successResponse().body).toString()).toBe('{"Status":202}');
  });

  it('an unhandled streaming invoke says that only Invoke and InvokeAsync are served', () => {
    expect(describeLambdaRequest('POST', `${HOST}/2015-03-31/functions/f/response-streaming-invocations`)).toBe(
      `InvokeWithResponseStream (POST ${HOST}/2015-03-31/functions/f/response-streaming-invocations); only Invoke and InvokeAsync are served`,
    );
    expect(describeLambdaRequest('GET', `${HOST}/2015-03-31/functions/f`)).toBe(
      `GetFunction (GET ${HOST}/2015-03-31/functions/f)`,
    );
  });
});
