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
  const refused = await caught(async () => lambda!.injectFunctionError('payments-fn', { errorType: 'E', errorMessage: 'm' }, { functionError: 'handled' as 'Handled' }));
  expect(refused).toMatchObject({ code: 'LC_INVALID_FUNCTION_ANSWER' });
  expect(refused.message).toContain(`"functionError" must be 'Unhandled' or 'Handled'`);
});
