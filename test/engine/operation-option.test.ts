/**
 * Helpers and matchers count InvokeAsync and Invoke Event calls alike, unless `{ operation }`
 * limits them to one; failure messages say which operation each call was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expect as jestExpect } from 'expect';
import { InvokeAsyncCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaDouble } from '../../src/index.js';
import { lambdaMatchers } from '../../src/matchers/index.js';
import { lambdaClient } from '../support/sdk.js';

jestExpect.extend(lambdaMatchers);

let lambda: LambdaDouble;
beforeEach(async () => {
  lambda = await mockLambda();
  const client = lambdaClient({ requestHandler: lambda.requestHandler });
  await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":1}' }));
  await client.send(
    new InvokeCommand({ FunctionName: 'orders-fn', InvocationType: 'Event', Payload: '{"id":2}', Qualifier: 'live' }),
  );
  await client.send(new InvokeCommand({ FunctionName: 'mailer', InvocationType: 'Event', Payload: '{"to":"a"}' }));
});
afterEach(async () => {
  await lambda.close();
});

describe('assertion helpers', () => {
  it('match both operations by default', () => {
    expect(lambda.callsTo('orders-fn').map((c) => c.operation)).toEqual(['InvokeAsync', 'Invoke']);
    lambda.expectInvokedTimes('orders-fn', 2);
    lambda.expectInvoked('orders-fn:live', { id: 2 });
    expect(lambda.wasInvoked('mailer')).toBe(true);
  });

  it('{ operation } limits each helper to one operation', () => {
    expect(lambda.callsTo('orders-fn', { operation: 'Invoke' }).map((c) => c.payload)).toEqual([{ id: 2 }]);
    lambda.expectInvokedTimes('orders-fn', 1, { operation: 'InvokeAsync' });
    lambda.expectInvoked('orders-fn', { id: 1 }, { operation: 'InvokeAsync' });
    lambda.expectInvoked('mailer', undefined, { operation: 'Invoke' }); // undefined then options: no payload check
    expect(lambda.wasInvoked('orders-fn', { id: 2 }, { operation: 'InvokeAsync' })).toBe(false);
    expect(lambda.wasInvoked('mailer', undefined, { operation: 'InvokeAsync' })).toBe(false);
    lambda.expectNotInvoked('mailer', { operation: 'InvokeAsync' });
    expect(() => lambda.expectNotInvoked(undefined, { operation: 'Invoke' })).toThrow(
      /Expected no Invoke call, but there were 2\./,
    );
  });

  it('failure messages name the operation asked for and tag Invoke calls', () => {
    let message = '';
    try {
      lambda.expectInvoked('mailer', undefined, { operation: 'InvokeAsync' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('Expected "mailer" (InvokeAsync) to be invoked, but it was not.');
    expect(message).toContain('InvokeAsync and Invoke calls made (3):');
    expect(message).toMatch(/#1 orders-fn \(us-east-1, attempt 1\) -> 202 \[mock\]/);
    expect(message).toMatch(/#2 Invoke orders-fn:live \(us-east-1, attempt 1\) -> 202 \[mock\]/);
    expect(() => lambda.callsTo('orders-fn', { operation: 'Event' as never })).toThrow(
      expect.objectContaining({ code: 'LC_INVALID_OPTION' }),
    );
  });
});

describe('matchers', () => {
  it('match both operations by default, one with { operation }', () => {
    jestExpect(lambda).toHaveInvokedAsync('mailer');
    jestExpect(lambda).not.toHaveInvokedAsync('mailer', { operation: 'InvokeAsync' });
    jestExpect(lambda).toHaveInvokedAsyncTimes('orders-fn', 2);
    jestExpect(lambda).toHaveInvokedAsyncTimes('orders-fn', 1, { operation: 'Invoke' });
    jestExpect(lambda).toHaveInvokedAsyncWith('orders-fn', { id: 2 }, { operation: 'Invoke' });
    jestExpect(lambda).not.toHaveInvokedAsyncWith('orders-fn', { id: 2 }, { operation: 'InvokeAsync' });
    jestExpect(lambda).toHaveInvokedAsyncNthWith(2, 'orders-fn', { id: 2 });
    // With an operation, n counts that operation's calls.
    jestExpect(lambda).toHaveInvokedAsyncNthWith(2, 'mailer', { to: 'a' }, { operation: 'Invoke' });
    jestExpect(lambda).toHaveInvokedAsyncNthWith(1, 'orders-fn', { id: 1 }, { operation: 'InvokeAsync' });
  });

  it('a failure names the operation asked for', () => {
    expect(() => jestExpect(lambda).toHaveInvokedAsync('mailer', { operation: 'InvokeAsync' })).toThrow(
      /expected "mailer" \(InvokeAsync\) to be invoked, but it was not/,
    );
    expect(() =>
      jestExpect(lambda).toHaveInvokedAsyncNthWith(3, 'mailer', { to: 'a' }, { operation: 'Invoke' }),
    ).toThrow(/expected Invoke call #3 to be "mailer"/);
  });
});
