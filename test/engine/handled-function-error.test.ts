/**
 * `injectFunctionError(..., { functionError: 'Handled' })`: code written for Node.js runtimes up to
 * 6.10 branches on `FunctionError: 'Handled'` (what `callback(error)` gave) against `'Unhandled'`;
 * without the option a test could reach only the `'Unhandled'` branch.
 */
import { afterEach, expect, it } from 'vitest';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaDouble } from '../../src/index.js';
import { caught, lambdaClient } from '../support/sdk.js';

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
});

const sync = (FunctionName: string) => new InvokeCommand({ FunctionName, Payload: '{}' });
const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');

it("answers FunctionError 'Handled' when asked, 'Unhandled' by default, and logs which", async () => {
  lambda = await mockLambda({ handlers: { 'payments-fn': { ok: true } } });
  const error = { errorType: 'SomeError', errorMessage: 'paymentReference is required' };
  lambda.injectFunctionError('payments-fn', error, { times: 1, functionError: 'Handled' });
  lambda.injectFunctionError('payments-fn', error, { times: 1 });
  const client = lambdaClient();
  const handled = await client.send(sync('payments-fn'));
  expect(handled).toMatchObject({ StatusCode: 200, FunctionError: 'Handled' });
  expect(JSON.parse(text(handled.Payload))).toEqual(error);
  expect((await client.send(sync('payments-fn'))).FunctionError).toBe('Unhandled');
  expect((await client.send(sync('payments-fn'))).FunctionError).toBeUndefined();
  expect(lambda.calls.map((c) => c.response?.functionError)).toEqual(['Handled', 'Unhandled', undefined]);
});

it('refuses a functionError Lambda never sends, naming the two it does', async () => {
  lambda = await mockLambda();
  const refused = await caught(async () =>
    lambda!.injectFunctionError(
      'payments-fn',
      { errorType: 'E', errorMessage: 'm' },
      { functionError: 'handled' as 'Handled' },
    ),
  );
  expect(refused).toMatchObject({ code: 'LC_INVALID_FUNCTION_ANSWER' });
  expect(refused.message).toContain(`"functionError" must be 'Unhandled' or 'Handled'`);
});

it('LogType Tail gets START, END and REPORT for a constant result and an injected error too, as from the service', async () => {
  lambda = await mockLambda({ handlers: { 'payments-fn': { ok: true } } });
  lambda.injectFunctionError(
    'payments-fn',
    { errorType: 'SomeError', errorMessage: 'no reference' },
    { times: 1, functionError: 'Handled' },
  );
  const client = lambdaClient();
  const tail = async () =>
    Buffer.from(
      (await client.send(new InvokeCommand({ FunctionName: 'payments-fn', LogType: 'Tail' }))).LogResult ?? '',
      'base64',
    ).toString('utf8');
  const failed = await tail();
  expect(failed).toMatch(
    /^START RequestId: (\S+) Version: \$LATEST\n.*\t\1\tERROR\tInvoke Error \t\{"errorType":"SomeError","errorMessage":"no reference"\}\nEND RequestId: \1\nREPORT RequestId: \1\t/,
  );
  expect(await tail()).toMatch(/^START RequestId: (\S+) Version: \$LATEST\nEND RequestId: \1\nREPORT RequestId: \1\t/);
});

it("sends the fields other runtimes put in the error object (Python's stackTrace and requestId) as given", async () => {
  lambda = await mockLambda();
  const error = {
    errorMessage: 'boom',
    errorType: 'KeyError',
    requestId: 'r-1',
    stackTrace: ['  File "/var/task/app.py", line 3'],
  };
  lambda.injectFunctionError('py-fn', error);
  error.stackTrace.push('changed after the call');
  const out = await lambdaClient().send(sync('py-fn'));
  expect(JSON.parse(text(out.Payload))).toEqual({
    errorType: 'KeyError',
    errorMessage: 'boom',
    requestId: 'r-1',
    stackTrace: ['  File "/var/task/app.py", line 3'],
  });
});
