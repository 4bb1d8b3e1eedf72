/** What is particular to `lambda.requestHandler`; the behaviours all doors share are in door-behaviour.test.ts. */
import { afterEach, describe, expect, it } from 'vitest';
import { GetFunctionCommand, InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { mockLambda, UnhandledRequestError, type LambdaDouble } from '../../../src/index.js';
import { caught, lambdaClient } from '../../support/sdk.js';
import { isCollectable } from '../../support/gc.js';
import type { LambdaClient } from '@aws-sdk/client-lambda';

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
});

describe('requestHandler', () => {
  it('is one handler per double, and needs no nock: the SDK never opens a socket', async () => {
    lambda = await mockLambda();
    expect(lambda.requestHandler).toBe(lambda.requestHandler);
    const out = await lambdaClient({ requestHandler: lambda.requestHandler }).send(
      new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }),
    );
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses operations other than InvokeAsync, naming the request', async () => {
    lambda = await mockLambda();
    const err = await caught(() =>
      lambdaClient({ requestHandler: lambda!.requestHandler, maxAttempts: 1 }).send(
        new GetFunctionCommand({ FunctionName: 'f' }),
      ),
    );
    expect(err).toBeInstanceOf(UnhandledRequestError);
    expect(err.message).toContain('GetFunction (GET https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/f)');
    // close() lists what was refused (onUnhandledRequest defaults to 'error' in mock mode).
    await expect(lambda.close()).rejects.toThrow(/1\. GetFunction/);
    lambda = undefined;
  });

  it('refuses requests once its double is closed, instead of answering for a closed double', async () => {
    const double = await mockLambda();
    const client = lambdaClient({ requestHandler: double.requestHandler, maxAttempts: 1 });
    await double.close();
    const err = await caught(() => client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' })));
    expect(err.message).toMatch(/the double \(mockLambda\) was closed/);
    expect(double.calls).toEqual([]);
  });

  it('a client that outlives its double does not keep the double in memory', async () => {
    let client: LambdaClient | undefined;
    const collectable = await isCollectable(async () => {
      const double = await mockLambda();
      client = lambdaClient({ requestHandler: double.requestHandler });
      await client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }));
      await double.close();
      return double;
    });
    expect(collectable).toBe(true);
    // The client is still here and says what to do instead of answering from a closed double.
    await expect(client!.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }))).rejects.toThrow(
      /was closed.*new requestHandler/,
    );
  });

  it("an aborted request fails as the SDK's HTTP handler fails it", async () => {
    lambda = await mockLambda();
    const client = lambdaClient({ requestHandler: lambda.requestHandler, maxAttempts: 1 });
    const err = await caught(() =>
      client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }), {
        abortSignal: AbortSignal.abort(),
      }),
    );
    expect(err.name).toBe('AbortError');
    expect(lambda.calls).toEqual([]);
  });
});
