import { afterEach, describe, expect, it } from 'vitest';
import { InvokeAsyncCommand, ServiceException } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaDouble } from '../../src/index.js';
import { caught, lambdaClient } from '../support/sdk.js';

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
});

describe('the SDK retry strategy behaves as against AWS', () => {
  it('times: 1 on ServiceException: the default retry succeeds, the log shows attempts 1 and 2', async () => {
    lambda = await mockLambda();
    lambda.inject('ServiceException', { times: 1, message: 'boom' });
    const out = await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{}' }));
    expect(out.Status).toBe(202);
    expect(out.$metadata.attempts).toBe(2);
    expect(lambda.calls.map((c) => [c.attempt, c.status, c.errorType, c.source])).toEqual([
      [1, 500, 'ServiceException', 'injected'],
      [2, 202, undefined, 'mock'],
    ]);
  });

  it('a persistent ThrottlingException exhausts maxAttempts', async () => {
    lambda = await mockLambda();
    lambda.inject('ThrottlingException');
    const err = await caught(() =>
      lambdaClient({ maxAttempts: 3 }).send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' })),
    );
    expect(err.name).toBe('ThrottlingException');
    expect(err.$metadata.attempts).toBe(3);
    expect(lambda.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
  });

  it('a client error such as ResourceNotFoundException is not retried', async () => {
    lambda = await mockLambda();
    lambda.inject('ResourceNotFoundException');
    const err = await caught(() =>
      lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' })),
    );
    expect(err.$metadata.attempts).toBe(1);
    expect(lambda.calls).toHaveLength(1);
  });

  it("a persistent ServiceException is the SDK's ServiceException class after every attempt", async () => {
    lambda = await mockLambda();
    lambda.inject('ServiceException', { functionName: 'f' });
    const err = await caught(() =>
      lambdaClient({ maxAttempts: 2 }).send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' })),
    );
    expect(err).toBeInstanceOf(ServiceException);
    expect(err.$metadata.attempts).toBe(2);
  });

  it.each([
    ['timeout', 'ETIMEDOUT'],
    ['connection-reset', 'ECONNRESET'],
  ] as const)('a %s fault once is retried and succeeds', async (fault, code) => {
    lambda = await mockLambda();
    lambda.injectFault(fault, { times: 1 });
    const out = await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }));
    expect(out.Status).toBe(202);
    expect(lambda.calls.map((c) => [c.attempt, c.status, c.errorType])).toEqual([
      [1, 0, fault],
      [2, 202, undefined],
    ]);
    lambda.injectFault(fault);
    const err = await caught(() =>
      lambdaClient({ maxAttempts: 2 }).send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' })),
    );
    expect(err.code).toBe(code);
  });

  it('a fault reaches fetch callers as a network failure', async () => {
    lambda = await mockLambda();
    lambda.injectFault('connection-reset', { times: 1 });
    const err = await caught(() =>
      fetch('https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/f/invoke-async', {
        method: 'POST',
        body: '{}',
      }),
    );
    // Node's own fetch wraps socket errors in TypeError("fetch failed"); nock's fetch interception
    // rejects with the socket error itself. Either way the code is where callers look for it.
    expect(err.code ?? (err.cause as { code?: string } | undefined)?.code).toBe('ECONNRESET');
  });

  it('rejects a bad times or fault', async () => {
    lambda = await mockLambda();
    expect(() => lambda!.inject('ServiceException', { times: 0 })).toThrow(/"times" must be a positive integer/);
    expect(() => lambda!.injectFault('explode' as 'timeout')).toThrow(/unknown fault "explode"/);
  });
});
