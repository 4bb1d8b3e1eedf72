import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssertionError } from 'node:assert';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaDouble } from '../../src/index.js';
import { lambdaClient } from '../support/sdk.js';

let lambda: LambdaDouble;
beforeAll(async () => {
  lambda = await mockLambda({ functions: ['orders-fn', 'mailer'] });
  const client = lambdaClient({ maxAttempts: 1 });
  const send = (FunctionName: string, payload: unknown) =>
    client.send(new InvokeAsyncCommand({ FunctionName, InvokeArgs: JSON.stringify(payload) })).catch(() => undefined);
  await send('orders-fn', { id: 7, items: [{ sku: 'A-1', qty: 2 }], total: 19.5 });
  await send('orders-fn:prod', { id: 8, items: [{ sku: 'B-2', qty: 1 }], total: 5 });
  await send('mailer', { to: 'ada@example.com', template: 'receipt' });
  await send('ghost', {});
});
afterAll(() => lambda.close());

function failure(fn: () => void): AssertionError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AssertionError);
    return e as AssertionError;
  }
  throw new Error('expected an AssertionError');
}

describe('assertion helpers', () => {
  it('wasInvoked matches any reference form and qualifier, or just the qualifier asked for', () => {
    expect(lambda.wasInvoked('orders-fn')).toBe(true);
    expect(lambda.wasInvoked('orders-fn:prod')).toBe(true);
    expect(lambda.wasInvoked('orders-fn:dev')).toBe(false);
    expect(lambda.wasInvoked('arn:aws:lambda:us-east-1:123456789012:function:mailer')).toBe(true);
    expect(lambda.wasInvoked('arn:aws:lambda:eu-west-1:123456789012:function:mailer')).toBe(false);
    expect(lambda.wasInvoked('orders-fn', { id: 8, items: [{ sku: 'B-2', qty: 1 }], total: 5 })).toBe(true);
    expect(lambda.wasInvoked('orders-fn', (p: unknown) => (p as { total: number }).total > 10)).toBe(true);
    expect(lambda.wasInvoked('orders-fn', { id: 9 })).toBe(false);
  });

  it('callsTo lists calls in order, unknown-function answers included', () => {
    expect(lambda.callsTo('orders-fn').map((c) => c.payload)).toMatchObject([{ id: 7 }, { id: 8 }]);
    expect(lambda.callsTo('ghost')).toMatchObject([{ status: 404, errorType: 'ResourceNotFoundException' }]);
  });

  it('expectInvoked passes silently, and fails with the calls and a diff of the closest payload', () => {
    lambda.expectInvoked('orders-fn');
    lambda.expectInvoked('mailer', { to: 'ada@example.com', template: 'receipt' });
    const err = failure(() =>
      lambda.expectInvoked('orders-fn', { id: 7, items: [{ sku: 'A-1', qty: 3 }], total: 19.5 }),
    );
    expect(err.message).toMatchSnapshot();
  });

  it('expectInvoked for a function never called says so', () => {
    expect(failure(() => lambda.expectInvoked('billing')).message).toMatchSnapshot();
  });

  it('expectInvoked with a predicate names the predicate', () => {
    expect(failure(() => lambda.expectInvoked('mailer', () => false)).message).toMatchSnapshot();
  });

  it('expectNotInvoked', () => {
    lambda.expectNotInvoked('billing');
    expect(failure(() => lambda.expectNotInvoked('mailer')).message).toMatchSnapshot();
    expect(failure(() => lambda.expectNotInvoked()).message).toContain(
      'Expected no InvokeAsync call, but there were 4.',
    );
  });

  it('expectInvokedTimes', () => {
    lambda.expectInvokedTimes('orders-fn', 2);
    lambda.expectInvokedTimes('orders-fn:prod', 1);
    expect(failure(() => lambda.expectInvokedTimes('orders-fn', 3)).message).toMatchSnapshot();
  });

  it('expectNotInvoked() on an empty log passes, and the failure message says when nothing was called, and the likely why', async () => {
    const empty = await mockLambda();
    try {
      empty.expectNotInvoked();
      const message = failure(() => empty.expectInvoked('x')).message;
      expect(message).toContain('No InvokeAsync or Invoke call reached this double.');
      // A test that still mocks the SDK module is the commonest cause: the message says what to remove.
      expect(message).toContain("vi.mock or jest.mock of '@aws-sdk/client-lambda'");
      expect(message).toContain('lambda.bindClientMock(stub)');
    } finally {
      await empty.close();
    }
  });
});
