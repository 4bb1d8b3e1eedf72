/**
 * What a double shows its users: the members the README and the API contract name, and nothing of
 * the plumbing its doors use (that stays on the engine, which lambda-cassette reaches internally).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import * as api from '../../src/index.js';
import { mockLambda, type LambdaDouble } from '../../src/index.js';
import { engineOf } from '../../src/api/lambda-double.js';
import { lambdaClient } from '../support/sdk.js';

const PUBLIC_MEMBERS = [
  'mode',
  'calls',
  'replayed',
  'recorded',
  'unusedInteractions',
  'closed',
  'wasInvoked',
  'expectInvoked',
  'expectNotInvoked',
  'expectInvokedTimes',
  'callsTo',
  'reset',
  'inject',
  'injectFault',
  'clearInjections',
  'respond',
  'injectFunctionError',
  'settled',
  'deliveries',
  'requestHandler',
  'listen',
  'bindClientMock',
  'close',
];

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
});

describe('the LambdaDouble users hold', () => {
  it('has the documented members and none of the door plumbing', async () => {
    lambda = await mockLambda();
    const own = Object.getOwnPropertyNames(Object.getPrototypeOf(lambda)).filter((name) => name !== 'constructor');
    expect(own.sort()).toEqual([...PUBLIC_MEMBERS].sort());
    expect(Object.getOwnPropertySymbols(Object.getPrototypeOf(lambda))).toEqual([Symbol.asyncDispose]);
    expect(Object.keys(lambda)).toEqual([]);
    for (const plumbing of ['handle', 'attach', 'settings', 'judgeUnhandled', 'noteInterference', 'wroteCassette'])
      expect(plumbing in lambda).toBe(false);
  });

  it('answers through the engine its doors use, which lambda-cassette reaches internally', async () => {
    lambda = await mockLambda({ functions: ['orders-fn'] });
    const engine = engineOf(lambda);
    expect(engine.settings.label).toBe('mockLambda');
    await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }));
    expect(engine.calls).toBe(lambda.calls);
    lambda.expectInvoked('orders-fn', { id: 7 });
    await lambda.close();
    expect(engine.closed).toBe(true);
  });

  it('is not how the package exports its engine', () => {
    expect(Object.keys(api)).not.toContain('engineOf');
    expect(Object.keys(api)).not.toContain('DoubleEngine');
  });
});
