/**
 * One aws-sdk-client-mock stub answers from one double, the one bound last. Tests that each open a
 * double and bind the class-wide stub to it, run with `test.concurrent`, take the stub from one
 * another (found trying the package as a new user): the double left behind sees no call, and its
 * failed assertion must say why, not only that it was never invoked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { InvokeAsyncCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import '../../../src/vitest/index.js';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { lambdaClient } from '../../support/sdk.js';

const stub = mockClient(LambdaClient);
const open: LambdaDouble[] = [];
afterEach(async () => {
  stub.reset();
  for (const double of open.splice(0)) await double.close();
});

async function bound(): Promise<LambdaDouble> {
  const double = (await mockLambda()).bindClientMock(stub);
  open.push(double);
  return double;
}

const TAKEN = /bound again, to another double \(mockLambda\), while this one was open.*test\.concurrent/s;

describe('a stub bound to a second double while the first is open', () => {
  it("says so in the first double's failed assertions, helper and matcher alike", async () => {
    const first = await bound();
    const second = await bound();
    await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'orders', InvokeArgs: '{"n":1}' }));
    expect(second.calls).toHaveLength(1);
    expect(first.calls).toHaveLength(0);
    expect(() => first.expectInvoked('orders')).toThrow(TAKEN);
    let message = '';
    try {
      expect(first).toHaveInvokedWith('orders', { n: 1 });
    } catch (error) {
      message = stripVTControlCharacters((error as Error).message);
    }
    expect(message).toMatch(TAKEN);
    // The double that has the stub says nothing of the kind.
    expect(() => second.expectInvokedTimes('orders', 2)).toThrow(/invoked 1 time/);
    expect(() => second.expectInvokedTimes('orders', 2)).not.toThrow(/bound again/);
  });

  it('says so beside the calls that did reach it before the stub was taken', async () => {
    const first = await bound();
    await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'orders', InvokeArgs: '{"n":1}' }));
    await bound();
    await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'orders', InvokeArgs: '{"n":2}' }));
    expect(() => first.expectInvoked('orders', { n: 2 })).toThrow(TAKEN);
  });

  it('says nothing when the first double was closed before the stub was bound again, or rebound to itself', async () => {
    const first = await mockLambda();
    first.bindClientMock(stub).bindClientMock(stub);
    expect(() => first.expectInvoked('orders')).toThrow(/mocked SDK/);
    expect(() => first.expectInvoked('orders')).not.toThrow(/bound again/);
    await first.close();
    const second = await bound();
    expect(() => second.expectInvoked('orders')).not.toThrow(/bound again/);
  });
});
