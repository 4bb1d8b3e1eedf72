/**
 * What a RequestResponse answer carries besides its result, for each kind of answer a test gives:
 * a result over Lambda's 6 MB response limit becomes the runtime's `Function.ResponseSizeTooLarge`
 * error (from a constant and from a handler alike), and `LogType: Tail` gets the log's end from a
 * constant result, a handler and an injected function error.
 */
import { afterEach, expect, it } from 'vitest';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaDouble } from '../../src/index.js';
import { MAX_RESPONSE_PAYLOAD_BYTES } from '../../src/wire/invocation-type.js';
import { lambdaClient } from '../support/sdk.js';

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
});

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const tooLarge = 'x'.repeat(MAX_RESPONSE_PAYLOAD_BYTES);

it.each([
  ['a constant result', tooLarge],
  ['a handler', () => tooLarge],
])('answers Function.ResponseSizeTooLarge for %s over the limit, and logs it as the result', async (_, answer) => {
  lambda = await mockLambda();
  lambda.respond('big-fn', answer);
  const out = await lambdaClient().send(new InvokeCommand({ FunctionName: 'big-fn', Payload: '{}' }));
  expect(out).toMatchObject({ StatusCode: 200, FunctionError: 'Unhandled' });
  expect(JSON.parse(text(out.Payload))).toEqual({
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_PAYLOAD_BYTES} bytes).`,
  });
  expect(lambda.calls[0]!.response).toMatchObject({
    functionError: 'Unhandled',
    payload: { errorType: 'Function.ResponseSizeTooLarge' },
  });
});

it('answers a result just under the limit as it is', async () => {
  lambda = await mockLambda();
  const under = 'y'.repeat(MAX_RESPONSE_PAYLOAD_BYTES - 2); // two bytes of JSON quotes
  lambda.respond('big-fn', under);
  const out = await lambdaClient().send(new InvokeCommand({ FunctionName: 'big-fn', Payload: '{}' }));
  expect(out.FunctionError).toBeUndefined();
  expect(out.Payload?.byteLength).toBe(MAX_RESPONSE_PAYLOAD_BYTES);
});

it.each([
  ['a constant result', (l: LambdaDouble) => l.respond('tail-fn', { ok: true }), undefined],
  [
    'a handler',
    (l: LambdaDouble) =>
      l.respond('tail-fn', () => {
        console.log('from the handler');
        return { ok: true };
      }),
    'from the handler',
  ],
  [
    'an injected function error',
    (l: LambdaDouble) => l.injectFunctionError('tail-fn', { errorType: 'Boom', errorMessage: 'went wrong' }),
    'Invoke Error',
  ],
])('gives LogType Tail the log of %s, and nothing without it', async (_, give, line) => {
  lambda = await mockLambda();
  give(lambda);
  const client = lambdaClient();
  const tail = await client.send(new InvokeCommand({ FunctionName: 'tail-fn', Payload: '{}', LogType: 'Tail' }));
  const log = Buffer.from(tail.LogResult ?? '', 'base64').toString('utf8');
  expect(log).toMatch(/^START RequestId: \S+/);
  expect(log).toContain('REPORT RequestId');
  if (line) expect(log).toContain(line);
  give(lambda);
  const plain = await client.send(new InvokeCommand({ FunctionName: 'tail-fn', Payload: '{}' }));
  expect(plain.LogResult).toBeUndefined();
});
