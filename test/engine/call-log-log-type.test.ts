/**
 * The call log keeps the `LogType` a caller set: ported suites assert `LogType: 'None'` or `'Tail'`
 * on the command they sent (aws-sdk-client-mock's `toHaveReceivedCommandWith`), and the answer alone
 * shows only `'Tail'`, and only when the caller reads `LogResult`.
 */
import { afterEach, expect, it } from 'vitest';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaDouble } from '../../src/index.js';
import { lambdaClient } from '../support/sdk.js';

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
});

it('logs LogType as the caller set it, and leaves it out when the caller set none', async () => {
  lambda = await mockLambda({ handlers: { 'pricing-fn': 1 } });
  const client = lambdaClient();
  await client.send(new InvokeCommand({ FunctionName: 'pricing-fn', LogType: 'Tail' }));
  await client.send(new InvokeCommand({ FunctionName: 'pricing-fn', LogType: 'None' }));
  await client.send(new InvokeCommand({ FunctionName: 'pricing-fn', InvocationType: 'Event' }));
  expect(lambda.calls.map((c) => c.logType)).toEqual(['Tail', 'None', undefined]);
  expect('logType' in lambda.calls[2]!).toBe(false);
});
