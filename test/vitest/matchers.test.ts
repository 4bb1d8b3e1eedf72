import { describe, expect, it } from 'vitest';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { useLambdaCassette } from '../../src/vitest/index.js';
import { lambdaClient } from '../support/sdk.js';

const send = (FunctionName: string, payload: unknown) =>
  lambdaClient({ maxAttempts: 1 }).send(new InvokeAsyncCommand({ FunctionName, InvokeArgs: JSON.stringify(payload) }));

describe('vitest matchers', () => {
  const lambda = useLambdaCassette({ mode: 'mock', functions: ['orders-fn', 'mailer'] });

  it('toHaveInvokedAsync, With, Times and NthWith pass on what happened', async () => {
    await send('orders-fn', { id: 7, note: 'gift' });
    await send('mailer', { to: 'ada@example.com' });
    expect(lambda).toHaveInvokedAsync('orders-fn');
    expect(lambda).toHaveInvokedAsyncWith('orders-fn', expect.objectContaining({ id: 7 }));
    expect(lambda).toHaveInvokedAsyncWith('mailer', { to: expect.stringMatching(/@example\.com$/) });
    expect(lambda).toHaveInvokedAsyncTimes('orders-fn', 1);
    expect(lambda).toHaveInvokedAsyncNthWith(1, 'orders-fn', { id: 7, note: 'gift' });
    expect(lambda).toHaveInvokedAsyncNthWith(2, 'mailer', expect.anything());
  });

  it('.not works on each matcher', async () => {
    await send('orders-fn', { id: 1 });
    expect(lambda).not.toHaveInvokedAsync('mailer');
    expect(lambda).not.toHaveInvokedAsyncWith('orders-fn', { id: 2 });
    expect(lambda).not.toHaveInvokedAsyncTimes('orders-fn', 2);
    expect(lambda).not.toHaveInvokedAsyncNthWith(1, 'mailer', { id: 1 });
    expect(lambda).not.toHaveInvokedAsyncNthWith(2, 'orders-fn', { id: 1 });
  });

  it('each test gets a fresh double', () => {
    expect(lambda.calls).toEqual([]);
  });

  it('failure messages list the calls and diff the payload', async () => {
    await send('orders-fn', { id: 7, qty: 1 });
    const messageOf = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('expected the matcher to fail');
    };
    expect(messageOf(() => expect(lambda).toHaveInvokedAsyncWith('orders-fn', { id: 7, qty: 2 }))).toMatchSnapshot();
    expect(messageOf(() => expect(lambda).toHaveInvokedAsync('mailer'))).toMatchSnapshot();
    expect(messageOf(() => expect(lambda).not.toHaveInvokedAsync('orders-fn'))).toMatchSnapshot();
    expect(messageOf(() => expect(lambda).toHaveInvokedAsyncTimes('orders-fn', 3))).toMatchSnapshot();
    expect(messageOf(() => expect(lambda).toHaveInvokedAsyncNthWith(2, 'orders-fn', {}))).toMatchSnapshot();
    expect(() => expect({}).toHaveInvokedAsync('x')).toThrow(/expected a lambda-cassette double/);
  });
});
