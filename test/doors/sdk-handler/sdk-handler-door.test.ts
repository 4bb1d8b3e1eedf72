/**
 * The zero-configuration SDK door: while a double is open, a plain `LambdaClient` (its
 * handler the SDK's own NodeHttpHandler) reaches the double in-process. Interception is proved by
 * counting: the SDK's original `handle` (under which every socket and nock sit) is wrapped with a
 * counter for this file, and the "network" is a server on 127.0.0.1 that counts what reaches it.
 */
import http from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { GetFunctionCommand, InvokeAsyncCommand, InvokeCommand, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import { mockLambda, NockScopeConflictError, UnhandledRequestError, type LambdaDouble } from '../../../src/index.js';
import { caught, lambdaClient, lambdaClientViaNock } from '../../support/sdk.js';
import { startCountingNetwork, type CountingNetwork } from '../../support/counting-network.js';

type Handle = (this: unknown, request: unknown, options?: unknown) => Promise<unknown>;
const invoke = (FunctionName: string) => new InvokeAsyncCommand({ FunctionName, InvokeArgs: '{"id":1}' });

// NodeHttpHandler's prototype, as every plain client of this SDK copy uses it.
const proto = Object.getPrototypeOf(lambdaClient().config.requestHandler) as { handle: Handle };
let sdkHandle: Handle;
let originalCalls = 0;
const counting: Handle = function (this: unknown, request, options) {
  originalCalls++;
  return sdkHandle.call(this, request, options);
};

let network: CountingNetwork;
let lambda: LambdaDouble | undefined;
beforeAll(async () => {
  network = await startCountingNetwork();
  sdkHandle = proto.handle;
  proto.handle = counting;
});
afterAll(async () => {
  proto.handle = sdkHandle;
  await network.close();
});
beforeEach(() => {
  originalCalls = 0;
  network.hits.length = 0;
});
afterEach(async () => {
  await lambda?.close().catch(() => {});
  lambda = undefined;
  nock.cleanAll();
  // Closed doubles leave the SDK as they found it.
  expect(proto.handle).toBe(counting);
});

const toNetwork = (config: LambdaClientConfig = {}) =>
  lambdaClient({ endpoint: network.url, maxAttempts: 1, ...config });

describe('a plain LambdaClient while a double is open', () => {
  it('made before the double opened, is answered in-process: no socket, no nock, nothing on the network', async () => {
    const client = toNetwork();
    lambda = await mockLambda();
    expect(proto.handle).not.toBe(counting);
    const out = await client.send(invoke('orders-fn'));
    expect(out).toMatchObject({ Status: 202, $metadata: { httpStatusCode: 202, attempts: 1 } });
    expect(lambda.calls.map((c) => [c.functionName, c.source])).toEqual([['orders-fn', 'mock']]);
    expect(originalCalls).toBe(0);
    expect(network.hits).toEqual([]);
  });

  it('an Invoke of any invocation type to a host nobody configured is answered in-process too', async () => {
    const client = toNetwork();
    lambda = await mockLambda();
    const out = await client.send(
      new InvokeCommand({ FunctionName: 'orders-fn', InvocationType: 'Event', Payload: Buffer.from('{"id":1}') }),
    );
    expect(out).toMatchObject({ StatusCode: 202, $metadata: { httpStatusCode: 202 } });
    expect(lambda.calls.map((c) => [c.operation, c.functionName, c.source])).toEqual([['Invoke', 'orders-fn', 'mock']]);
    expect(originalCalls).toBe(0);
    // Not a Lambda host and not the double's endpoint: a RequestResponse nobody answers fails here, unsent.
    const err = await caught(() =>
      client.send(new InvokeCommand({ FunctionName: 'orders-fn', Payload: Buffer.from('{}') })),
    );
    expect(err).toMatchObject({ code: 'LC_NO_FUNCTION_ANSWER' });
    expect(
      (await client.send(new InvokeCommand({ FunctionName: 'orders-fn', InvocationType: 'DryRun' }))).StatusCode,
    ).toBe(204);
    expect(originalCalls).toBe(0);
    expect(network.hits).toEqual([]);
  });

  it('after close() is not intercepted: the same client reaches the network', async () => {
    const client = toNetwork();
    const double = await mockLambda();
    await client.send(invoke('while-open'));
    await double.close();
    const err = await caught(() => client.send(invoke('after-close')));
    expect(err.$metadata.httpStatusCode).toBe(418);
    expect(originalCalls).toBe(1);
    expect(network.hits).toEqual(['POST /2014-11-13/functions/after-close/invoke-async']);
    expect(double.calls.map((c) => c.functionName)).toEqual(['while-open']);
  });

  it('with cacheMiddleware, a handler resolved before the double opened is intercepted while it is open, and only then', async () => {
    const client = toNetwork({ cacheMiddleware: true });
    await caught(() => client.send(invoke('before')));
    lambda = await mockLambda();
    await client.send(invoke('during'));
    await lambda.close();
    await caught(() => client.send(invoke('after')));
    expect(lambda.calls.map((c) => c.functionName)).toEqual(['during']);
    expect(originalCalls).toBe(2);
    expect(network.hits.map((h) => h.split('/')[3])).toEqual(['before', 'after']);
  });

  it('stays patched until the last of two doubles closes', async () => {
    const client = toNetwork();
    const first = await mockLambda();
    lambda = await mockLambda();
    await first.close();
    await client.send(invoke('second'));
    expect(lambda.calls).toHaveLength(1);
    expect(originalCalls).toBe(0);
  });

  it('injected faults raise what NodeHttpHandler raises, as through nock', async () => {
    lambda = await mockLambda();
    const shapes = [];
    for (const client of [toNetwork(), lambdaClientViaNock({ endpoint: network.url, maxAttempts: 1 })]) {
      lambda.injectFault('timeout', { times: 1 });
      const err = await caught(() => client.send(invoke('f')));
      shapes.push({
        class: err.constructor,
        name: err.name,
        code: err.code,
        message: err.message,
        attempts: err.$metadata?.attempts,
      });
    }
    expect(shapes[0]).toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT', attempts: 1 });
    expect(shapes[0]).toEqual(shapes[1]);
    expect(originalCalls).toBe(1); // the nock client's own handle is the SDK's, not the counting one
  });
});

describe('what the fast path leaves alone', () => {
  it("a caller's own requestHandler: the nock door answers it behind the fast path", async () => {
    let handled = 0;
    const own = {
      // Sends over raw http, as a hand-written handler might.
      handle(request: {
        method: string;
        hostname: string;
        port?: number;
        path: string;
        headers: Record<string, string>;
        body?: unknown;
      }) {
        handled++;
        return new Promise((resolve, reject) => {
          const req = http.request(
            {
              host: request.hostname,
              port: request.port,
              path: request.path,
              method: request.method,
              headers: request.headers,
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () =>
                resolve({
                  response: { statusCode: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) },
                }),
              );
            },
          );
          req.on('error', reject);
          req.end(request.body as string);
        });
      },
    };
    lambda = await mockLambda();
    const out = await toNetwork({ requestHandler: own as never }).send(invoke('via-own-handler'));
    expect(out.Status).toBe(202);
    expect(handled).toBe(1);
    expect(originalCalls).toBe(0);
    expect(lambda.calls.map((c) => c.functionName)).toEqual(['via-own-handler']);
    expect(network.hits).toEqual([]);
  });

  it("SDK traffic that is not Lambda's on a host the double was not given goes to the network untouched", async () => {
    lambda = await mockLambda();
    const err = await caught(() => toNetwork().send(new GetFunctionCommand({ FunctionName: 'f' })));
    expect(err.$metadata.httpStatusCode).toBe(418);
    expect(originalCalls).toBe(1);
    expect(network.hits).toEqual(['GET /2015-03-31/functions/f']);
    expect(lambda.calls).toEqual([]);
  });

  it('another Lambda API on an AWS host meets onUnhandledRequest in-process', async () => {
    const double = await mockLambda();
    const err = await caught(() =>
      lambdaClient({ maxAttempts: 1 }).send(new GetFunctionCommand({ FunctionName: 'f' })),
    );
    expect(err).toBeInstanceOf(UnhandledRequestError);
    expect(originalCalls).toBe(0);
    await expect(double.close()).rejects.toThrow(/GetFunction/);
  });

  it("a caller's own nock interceptor for a served call is refused, not left to nock; another API on that host is theirs", async () => {
    const host = 'https://lambda.eu-north-1.amazonaws.com';
    const theirs = nock(host)
      .post('/2014-11-13/functions/theirs/invoke-async')
      .reply(202, '{"Status":202}', { 'x-amzn-requestid': 'from-their-nock' });
    nock(host)
      .get('/2015-03-31/functions/theirs')
      .reply(200, '{"Configuration":{"FunctionName":"theirs"}}', { 'x-amzn-requestid': 'from-their-nock' });
    lambda = await mockLambda();
    const err = await lambdaClient({ region: 'eu-north-1', maxAttempts: 1 })
      .send(invoke('theirs'))
      .catch((e: Error) => e);
    expect(err).toBeInstanceOf(NockScopeConflictError);
    expect(theirs.isDone()).toBe(false);
    expect(originalCalls).toBe(0);
    const got = await lambdaClient({ region: 'eu-north-1', maxAttempts: 1 }).send(
      new GetFunctionCommand({ FunctionName: 'theirs' }),
    );
    expect(got.$metadata.requestId).toBe('from-their-nock');
    expect(originalCalls).toBe(1);
    expect(lambda.calls).toEqual([]);
    await expect(lambda.close()).rejects.toBeInstanceOf(NockScopeConflictError);
    lambda = undefined;
  });

  it("a double's own loopback server is reached over its socket", async () => {
    lambda = await mockLambda();
    const server = await lambda.listen();
    const out = await lambdaClient({ endpoint: server.url, maxAttempts: 1 }).send(invoke('over-loopback'));
    expect(out.Status).toBe(202);
    expect(originalCalls).toBe(1);
    expect(lambda.calls.map((c) => c.functionName)).toEqual(['over-loopback']);
  });
});
