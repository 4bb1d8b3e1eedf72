/**
 * The `toHaveInvoked*` matchers, named for invocations: through vitest's `expect` (registered by
 * lambda-cassette/vitest) and Jest's (`expect` with lambda-cassette/matchers), filtered by
 * `{ operation, invocationType }`; the old `toHaveInvokedAsync*` names still work.
 */
import { describe, expect as vitestExpect, it } from 'vitest';
import { expect as jestExpect } from 'expect';
import { InvokeAsyncCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import '../../src/vitest/index.js';
import { lambdaMatchers } from '../../src/matchers/index.js';
import { mockLambda, type LambdaCall } from '../../src/index.js';
import { lambdaClient } from '../support/sdk.js';

jestExpect.extend(lambdaMatchers);

async function doubleWithEveryType() {
  const lambda = await mockLambda({ handlers: { 'pricing-fn': { total: 1 } } });
  const client = lambdaClient();
  await client.send(new InvokeCommand({ FunctionName: 'pricing-fn', Payload: '{"qty":1}' }));
  await client.send(new InvokeCommand({ FunctionName: 'pricing-fn', InvocationType: 'Event', Payload: '{"qty":2}' }));
  await client.send(new InvokeCommand({ FunctionName: 'pricing-fn', InvocationType: 'DryRun' }));
  await client.send(new InvokeAsyncCommand({ FunctionName: 'mailer', InvokeArgs: '{"to":"a"}' }));
  await lambda.close();
  return lambda;
}

describe.each([
  ['vitest', vitestExpect as unknown as typeof jestExpect],
  ['jest (lambda-cassette/matchers)', jestExpect],
])('toHaveInvoked* through %s', (_runner, expect) => {
  it('count every invocation type, and filter on operation and invocationType', async () => {
    const lambda = await doubleWithEveryType();
    expect(lambda).toHaveInvoked('pricing-fn');
    expect(lambda).toHaveInvoked('pricing-fn', { invocationType: 'DryRun' });
    expect(lambda).not.toHaveInvoked('mailer', { operation: 'Invoke' });
    expect(lambda).toHaveInvokedTimes('pricing-fn', 3);
    expect(lambda).toHaveInvokedTimes('pricing-fn', 1, { invocationType: 'RequestResponse' });
    expect(lambda).toHaveInvokedTimes('mailer', 1, { invocationType: 'Event' });
    expect(lambda).toHaveInvokedWith('pricing-fn', { qty: 2 }, { invocationType: 'Event' });
    expect(lambda).not.toHaveInvokedWith('pricing-fn', { qty: 2 }, { invocationType: 'RequestResponse' });
    expect(lambda).toHaveInvokedNthWith(1, 'pricing-fn', { qty: 1 });
    expect(lambda).toHaveInvokedNthWith(2, 'mailer', { to: 'a' }, { invocationType: 'Event' });
    expect(lambda).toHaveInvokedLastWith('mailer', { to: 'a' });
    expect(lambda).toHaveInvokedLastWith('pricing-fn', {}, { invocationType: 'DryRun' });
    expect(() => expect(lambda).toHaveInvokedLastWith('pricing-fn', { qty: 1 })).toThrow(
      /call last to be "pricing-fn"/,
    );
  });

  it('the deprecated toHaveInvokedAsync* names still pass and fail as before', async () => {
    const lambda = await doubleWithEveryType();
    expect(lambda).toHaveInvokedAsync('mailer');
    expect(lambda).toHaveInvokedAsyncWith('mailer', { to: 'a' });
    expect(lambda).toHaveInvokedAsyncTimes('pricing-fn', 3);
    expect(lambda).toHaveInvokedAsyncNthWith(4, 'mailer', { to: 'a' });
    expect(() => expect(lambda).toHaveInvokedAsync('nobody')).toThrow(/expected "nobody" to be invoked/);
  });
});

it('the call log says what each call was; a RequestResponse entry keeps its answer', async () => {
  const lambda = await doubleWithEveryType();
  const shape = (c: LambdaCall) => [c.operation, c.invocationType, c.status, c.response];
  vitestExpect(lambda.calls.map(shape)).toEqual([
    ['Invoke', 'RequestResponse', 200, { statusCode: 200, payload: { total: 1 } }],
    ['Invoke', 'Event', 202, undefined],
    ['Invoke', 'DryRun', 204, undefined],
    ['InvokeAsync', 'Event', 202, undefined],
  ]);
  vitestExpect(() => lambda.expectInvoked('pricing-fn', undefined, { invocationType: 'Bogus' as never })).toThrow(
    /option "invocationType" is "Bogus"/,
  );
});
