/**
 * A caller's mistakes get a LambdaCassetteError with a code, never a bare TypeError or RangeError,
 * and `expectInvoked(fn, undefined)` means `expectInvoked(fn)`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { LambdaCassetteError, mockLambda, openCassette, type LambdaDouble } from '../../src/index.js';
import { lambdaClient } from '../support/sdk.js';

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close().catch(() => undefined);
  lambda = undefined;
});

describe('mistyped options', () => {
  it.each([
    ['mockLambda onUnhandledRequest', () => mockLambda({ onUnhandledRequest: 'loud' as never })],
    ['mockLambda options not an object', () => mockLambda([] as never)],
    ['mockLambda endpoint not a URL', () => mockLambda({ endpoint: 'not a url' })],
    ['openCassette mode', () => openCassette('x', { mode: 'replya' as never })],
    ['openCassette maxAge', () => openCassette('x', { mode: 'mock', maxAge: -1 as never })],
    ['openCassette match', () => openCassette('x', { mode: 'mock', match: 'body' as never })],
    ['openCassette ignore', () => openCassette('x', { mode: 'mock', ignore: '$.a' as never })],
    ['openCassette target', () => openCassette('x', { mode: 'record', target: 'nope', allowRecordingInCI: true })],
  ])('%s: a LambdaCassetteError with code LC_INVALID_OPTION', async (_label, call) => {
    const error = await call().then(
      (d) => ((lambda = d), undefined),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LambdaCassetteError);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ code: 'LC_INVALID_OPTION' });
  });

  it('an endpoint that is not a URL leaves nothing half open: no dummy credentials, no double in the way', async () => {
    const keyBefore = process.env['AWS_ACCESS_KEY_ID'];
    await expect(mockLambda({ endpoint: ['http://127.0.0.1:4566', 'not a url'] })).rejects.toMatchObject({
      code: 'LC_INVALID_OPTION',
      message: expect.stringContaining('got "not a url"'),
    });
    expect(process.env['AWS_ACCESS_KEY_ID']).toBe(keyBefore);
    lambda = await mockLambda();
    await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }));
    expect(lambda.calls).toHaveLength(1);
  });

  it('inject times, callsTo operation and listen port too', async () => {
    lambda = await mockLambda();
    const double = lambda;
    for (const call of [
      () => double.inject('ServiceException', { times: 0 }),
      () => double.callsTo('f', { operation: 'Event' as never }),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'LC_INVALID_OPTION' }));
    }
    await expect(double.listen({ port: 70_000 })).rejects.toMatchObject({ code: 'LC_INVALID_OPTION' });
  });
});

describe('expectInvoked(fn, undefined)', () => {
  it('is expectInvoked(fn): passes for a call with any payload, fails when fn was never invoked', async () => {
    lambda = await mockLambda();
    await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }));
    expect(() => lambda!.expectInvoked('orders-fn', undefined)).not.toThrow();
    expect(() => lambda!.expectInvoked('orders-fn', undefined, { operation: 'InvokeAsync' })).not.toThrow();
    expect(() => lambda!.expectInvoked('other-fn', undefined)).toThrow(/to be invoked, but it was not/);
  });
});
