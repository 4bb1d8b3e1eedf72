/**
 * RequestResponse, DryRun and Event-with-handler through every door (./doors.ts, loopback
 * included), in mock mode: results, function errors as the Node runtime reports them, LogType Tail,
 * DryRun's 204, empty payloads, and Event deliveries to handlers with Lambda's retries.
 */
import { describe, expect, it } from 'vitest';
import {
  InvokeAsyncCommand,
  InvokeCommand,
  ResourceNotFoundException,
  type InvokeCommandInput,
} from '@aws-sdk/client-lambda';
import { mockLambda, NoFunctionAnswerError } from '../../src/index.js';
import { caught, lambdaClient } from '../support/sdk.js';
import { INVOCATION_DOORS, type Door } from './doors.js';
import { useDoor, UUID } from './door-table-support.js';

const sync = (FunctionName: string, input: Partial<InvokeCommandInput> = {}) =>
  new InvokeCommand({ FunctionName, ...input });
const text = (payload: Uint8Array | undefined) => Buffer.from(payload ?? new Uint8Array()).toString('utf8');

describe.each(INVOCATION_DOORS)('every invocation type through the $name door', (door: Door) => {
  const d = useDoor(door);

  it('RequestResponse: 200, the result as JSON, ExecutedVersion; the call log keeps the answer', async () => {
    const client = await d.connect(await mockLambda({ handlers: { 'pricing-fn': { total: 42 } } }));
    const out = await client.send(sync('pricing-fn', { Payload: '{"qty":2}' }));
    expect(out.StatusCode).toBe(200);
    expect(JSON.parse(text(out.Payload))).toEqual({ total: 42 });
    expect(out.ExecutedVersion).toBe('$LATEST');
    expect(out.FunctionError).toBeUndefined();
    expect(out.$metadata.requestId).toMatch(UUID);
    expect(d.lambda!.calls).toEqual([
      expect.objectContaining({
        operation: 'Invoke',
        invocationType: 'RequestResponse',
        functionName: 'pricing-fn',
        payload: { qty: 2 },
        status: 200,
        response: { statusCode: 200, payload: { total: 42 } },
      }),
    ]);
    d.lambda!.expectInvoked('pricing-fn', { qty: 2 }, { invocationType: 'RequestResponse' });
    d.lambda!.expectNotInvoked('pricing-fn', { invocationType: 'Event' });
  });

  it('RequestResponse: a handler gets (event, context); a version qualifier is the executed version', async () => {
    const seen: unknown[] = [];
    const lambda = await mockLambda();
    lambda.respond('pricing-fn', (event: { qty: number }, context) => {
      seen.push([
        context.functionName,
        context.functionVersion,
        context.invokedFunctionArn,
        typeof context.getRemainingTimeInMillis(),
      ]);
      expect(context.awsRequestId).toMatch(UUID);
      return { total: event.qty * 3 };
    });
    const client = await d.connect(lambda);
    const out = await client.send(sync('pricing-fn', { Payload: '{"qty":2}', Qualifier: '7' }));
    expect(JSON.parse(text(out.Payload))).toEqual({ total: 6 });
    expect(out.ExecutedVersion).toBe('7');
    expect(seen).toEqual([
      ['pricing-fn', '7', 'arn:aws:lambda:us-east-1:123456789012:function:pricing-fn:7', 'number'],
    ]);
  });

  it("RequestResponse: a handler that throws is 200 + FunctionError Unhandled + the runtime's error object", async () => {
    const lambda = await mockLambda({
      handlers: {
        'pricing-fn': () => {
          throw new RangeError('no price');
        },
      },
    });
    const client = await d.connect(lambda);
    const out = await client.send(sync('pricing-fn'));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    const body = JSON.parse(text(out.Payload)) as { errorType: string; errorMessage: string; trace: string[] };
    expect(body).toMatchObject({ errorType: 'RangeError', errorMessage: 'no price' });
    expect(body.trace[0]).toBe('RangeError: no price');
    expect(lambda.calls[0]!.response).toEqual({ statusCode: 200, payload: body, functionError: 'Unhandled' });
  });

  it("RequestResponse: LogType Tail returns the base64 end of the handler's console output", async () => {
    const lambda = await mockLambda({
      handlers: {
        'pricing-fn': (e: { n: number }) => {
          console.log('pricing', e.n);
          return 1;
        },
      },
    });
    const client = await d.connect(lambda);
    const [a, b] = await Promise.all([
      client.send(sync('pricing-fn', { Payload: '{"n":1}', LogType: 'Tail' })),
      client.send(sync('pricing-fn', { Payload: '{"n":2}', LogType: 'Tail' })),
    ]);
    const logA = Buffer.from(a.LogResult!, 'base64').toString('utf8');
    const logB = Buffer.from(b.LogResult!, 'base64').toString('utf8');
    expect(logA).toMatch(/^START RequestId: \S+ Version: \$LATEST\n.*\tINFO\tpricing 1\nEND RequestId/);
    expect(logA).not.toContain('pricing 2');
    expect(logB).toContain('\tINFO\tpricing 2\n');
    expect((await client.send(sync('pricing-fn', { Payload: '{"n":3}' }))).LogResult).toBeUndefined();
  });

  it('injectFunctionError: the next call fails as the function would; then the result again', async () => {
    const lambda = await mockLambda({ handlers: { 'pricing-fn': { ok: true } } });
    lambda.injectFunctionError(
      'pricing-fn',
      { errorType: 'Timeout', errorMessage: 'Task timed out after 3.00 seconds' },
      { times: 1 },
    );
    const client = await d.connect(lambda);
    const failed = await client.send(sync('pricing-fn'));
    expect(failed).toMatchObject({ StatusCode: 200, FunctionError: 'Unhandled' });
    expect(JSON.parse(text(failed.Payload))).toEqual({
      errorType: 'Timeout',
      errorMessage: 'Task timed out after 3.00 seconds',
    });
    expect(JSON.parse(text((await client.send(sync('pricing-fn'))).Payload))).toEqual({ ok: true });
    expect(lambda.calls.map((c) => c.source)).toEqual(['injected', 'mock']);
  });

  it('RequestResponse with nothing to answer fails with NoFunctionAnswerError naming lambda.respond', async () => {
    const client = await d.connect(await mockLambda(), { maxAttempts: 1 });
    const err = await caught(() => client.send(sync('pricing-fn', { Payload: '{}' })));
    if (door.name === 'loopback') expect(err.message).toContain('lambda.respond("pricing-fn"');
    else {
      expect(err).toBeInstanceOf(NoFunctionAnswerError);
      expect(err).toMatchObject({ code: 'LC_NO_FUNCTION_ANSWER' });
      expect(err.message).toContain('lambda.respond("pricing-fn", resultOrHandler)');
    }
  });

  it('a service error injected with inject() still answers RequestResponse', async () => {
    const lambda = await mockLambda({ handlers: { 'pricing-fn': 1 } });
    lambda.inject('TooManyRequestsException', { functionName: 'pricing-fn', times: 1 });
    const client = await d.connect(lambda, { maxAttempts: 1 });
    expect((await caught(() => client.send(sync('pricing-fn')))).name).toBe('TooManyRequestsException');
  });

  it('DryRun: 204 for a known function, ResourceNotFoundException otherwise', async () => {
    const client = await d.connect(await mockLambda({ functions: ['orders-fn'], handlers: { 'pricing-fn': 1 } }), {
      maxAttempts: 1,
    });
    expect((await client.send(sync('orders-fn', { InvocationType: 'DryRun' }))).StatusCode).toBe(204);
    expect((await client.send(sync('pricing-fn', { InvocationType: 'DryRun' }))).StatusCode).toBe(204);
    expect(await caught(() => client.send(sync('mailer', { InvocationType: 'DryRun' })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
    expect(d.lambda!.calls.map((c) => [c.invocationType, c.status])).toEqual([
      ['DryRun', 204],
      ['DryRun', 204],
      ['DryRun', 404],
    ]);
  });

  it('no payload at all is valid for every invocation type; the function receives {}', async () => {
    const events: unknown[] = [];
    const lambda = await mockLambda({
      handlers: {
        f: (e: unknown) => {
          events.push(e);
          return 'ok';
        },
      },
    });
    const client = await d.connect(lambda);
    expect((await client.send(sync('f', { InvocationType: 'Event' }))).StatusCode).toBe(202);
    expect((await client.send(sync('f', { InvocationType: 'Event', Payload: new Uint8Array() }))).StatusCode).toBe(202);
    expect((await client.send(sync('f', { InvocationType: 'DryRun' }))).StatusCode).toBe(204);
    expect(text((await client.send(sync('f'))).Payload)).toBe('"ok"');
    expect(
      (await client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: new Uint8Array() }))).Status,
    ).toBe(202);
    await lambda.settled();
    expect(events).toEqual([{}, {}, {}, {}]);
    expect(lambda.calls.map((c) => c.payload)).toEqual([{}, {}, {}, {}, {}]);
  });

  it('Event: after the 202 the handler runs; a failure is retried twice, or as maximumRetryAttempts says', async () => {
    const lambda = await mockLambda();
    let calls = 0;
    lambda.respond('mailer', () => {
      calls++;
      throw new Error('smtp down');
    });
    lambda.respond(
      'audit',
      () => {
        throw new Error('full');
      },
      { maximumRetryAttempts: 0 },
    );
    const client = await d.connect(lambda);
    const out = await client.send(sync('mailer', { InvocationType: 'Event', Payload: '{"to":"a@b.c"}' }));
    await client.send(new InvokeAsyncCommand({ FunctionName: 'audit', InvokeArgs: '{}' }));
    await lambda.settled();
    expect(calls).toBe(3);
    const mailer = lambda.deliveries('mailer');
    expect(mailer.map((x) => [x.attempt, x.outcome, x.error?.errorMessage])).toEqual([
      [1, 'error', 'smtp down'],
      [2, 'error', 'smtp down'],
      [3, 'error', 'smtp down'],
    ]);
    expect(mailer[0]).toMatchObject({
      functionName: 'mailer',
      event: { to: 'a@b.c' },
      requestId: out.$metadata.requestId,
    });
    expect(lambda.deliveries('audit').map((x) => x.attempt)).toEqual([1]);
  });
});

describe('synchronous limits, as AWS documents them', () => {
  it('a result over 6,291,556 bytes is Function.ResponseSizeTooLarge; a request over 6 MB is RequestTooLargeException', async () => {
    const lambda = await mockLambda({ handlers: { big: (e: { n: number }) => 'x'.repeat(e.n) } });
    try {
      const client = lambdaClient({ requestHandler: lambda.requestHandler, maxAttempts: 1 });
      const fits = await client.send(sync('big', { Payload: JSON.stringify({ n: 6_291_556 - 2 }) }));
      expect(fits.FunctionError).toBeUndefined();
      expect(fits.Payload!.byteLength).toBe(6_291_556);
      const over = await client.send(sync('big', { Payload: JSON.stringify({ n: 6_291_556 - 1 }) }));
      expect(over).toMatchObject({ StatusCode: 200, FunctionError: 'Unhandled' });
      expect(JSON.parse(text(over.Payload))).toEqual({
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
      });
      const tooBig = await caught(() =>
        client.send(sync('big', { Payload: JSON.stringify('y'.repeat(6_291_456 - 1)) })),
      );
      expect(tooBig).toMatchObject({
        name: 'RequestTooLargeException',
        message: 'Request must be smaller than 6291456 bytes for the InvokeFunction operation',
      });
    } finally {
      await lambda.close();
    }
  });
});
