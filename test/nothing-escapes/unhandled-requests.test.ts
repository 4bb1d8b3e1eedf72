/**
 * Unhandled Lambda traffic: Lambda requests a double does not
 * serve follow `onUnhandledRequest`; by default they fail in mock and replay modes, never reach the
 * network, and `close()` lists them. Function names that break the path get the service's answer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetFunctionCommand, InvokeAsyncCommand, InvokeWithResponseStreamCommand } from '@aws-sdk/client-lambda';
import { mockLambda, openCassette, UnhandledRequestError, type LambdaDouble } from '../../src/index.js';
import { caught, lambdaClient } from '../support/sdk.js';
import { useCountingNetwork } from '../support/counting-network.js';
import { fetchRequest, nodeRequest } from '../support/raw-request.js';

const network = useCountingNetwork();
let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close().catch(() => undefined);
  lambda = undefined;
  vi.restoreAllMocks();
});

function emptyCassette(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lc-unhandled-'));
  writeFileSync(
    join(dir, 'empty.json'),
    JSON.stringify({
      version: 1,
      recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20' },
      interactions: [],
    }),
  );
  return dir;
}

describe('another Lambda API on a Lambda host', () => {
  it.each([
    ['GetFunction', () => new GetFunctionCommand({ FunctionName: 'f' })],
    [
      'InvokeWithResponseStream',
      () => new InvokeWithResponseStreamCommand({ FunctionName: 'f', Payload: Buffer.from('{}') }),
    ],
  ])(
    '%s fails in mock mode with an error naming it, never reaches the network, and close() lists it',
    async (operation, command) => {
      lambda = await mockLambda({ endpoint: network.url });
      const err = await caught(() => lambdaClient({ endpoint: network.url, maxAttempts: 1 }).send(command() as never));
      expect(err).toBeInstanceOf(UnhandledRequestError);
      expect(err.message).toContain(operation);
      expect(network.hits).toEqual([]);
      const closing = await lambda.close().catch((e: unknown) => e);
      lambda = undefined;
      expect(closing).toBeInstanceOf(UnhandledRequestError);
      expect((closing as UnhandledRequestError).requests).toEqual([expect.stringContaining(operation)]);
    },
  );

  it('reset() forgets refused requests as it forgets misses: close() reports only what came after', async () => {
    lambda = await mockLambda({ endpoint: network.url });
    const client = lambdaClient({ endpoint: network.url, maxAttempts: 1 });
    await caught(() => client.send(new GetFunctionCommand({ FunctionName: 'before-reset' })));
    lambda.reset();
    await expect(lambda.close()).resolves.toBeUndefined();
    lambda = await mockLambda({ endpoint: network.url });
    await caught(() => client.send(new GetFunctionCommand({ FunctionName: 'first' })));
    lambda.reset();
    await caught(() => client.send(new GetFunctionCommand({ FunctionName: 'second' })));
    const closing = (await lambda.close().catch((e: unknown) => e)) as UnhandledRequestError;
    lambda = undefined;
    expect(closing.requests).toEqual([expect.stringContaining('/functions/second')]);
    expect(network.hits).toEqual([]);
  });

  it('fails in replay mode too, through raw https to an AWS host', async () => {
    lambda = await openCassette('empty', { dir: emptyCassette(), mode: 'replay' });
    const out = await nodeRequest({
      url: 'https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/f',
      method: 'GET',
    });
    expect(out.kind).toBe('error');
    expect((out as { error: Error }).error).toBeInstanceOf(UnhandledRequestError);
    await expect(lambda.close()).rejects.toThrow(/GetFunction/);
    lambda = undefined;
  });

  it("'bypass' lets it through to the network", async () => {
    lambda = await mockLambda({ endpoint: network.url, onUnhandledRequest: 'bypass' });
    const out = await fetchRequest({ url: `${network.url}/2015-03-31/functions/f`, method: 'GET' });
    expect(out).toMatchObject({ kind: 'response', status: 418 });
    expect(network.hits).toEqual(['GET /2015-03-31/functions/f']);
    await lambda.close();
  });

  it("'warn' prints the operation and lets it through", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    lambda = await mockLambda({ endpoint: network.url, onUnhandledRequest: 'warn' });
    const out = await nodeRequest({
      url: `${network.url}/2015-03-31/functions/f/response-streaming-invocations`,
      body: '{}',
    });
    expect(out).toMatchObject({ kind: 'response', status: 418 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('InvokeWithResponseStream'));
    expect(network.hits).toHaveLength(1);
    await lambda.close();
  });

  it('a function sees the request; the request then goes through unless the function throws', async () => {
    const seen: string[] = [];
    lambda = await mockLambda({
      endpoint: network.url,
      onUnhandledRequest: (request) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        if (request.method === 'DELETE') throw new Error('no deletes in this suite');
      },
    });
    expect(await nodeRequest({ url: `${network.url}/2015-03-31/functions/f`, method: 'GET' })).toMatchObject({
      status: 418,
    });
    const refused = await nodeRequest({ url: `${network.url}/2015-03-31/functions/f`, method: 'DELETE' });
    expect(refused).toMatchObject({ kind: 'error', error: { message: 'no deletes in this suite' } });
    expect(seen).toEqual(['GET /2015-03-31/functions/f', 'DELETE /2015-03-31/functions/f']);
    expect(network.hits).toEqual(['GET /2015-03-31/functions/f']);
    await lambda.close();
  });

  it('modes that reach the network bypass by default (record)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-unhandled-rec-'));
    lambda = await openCassette('rec', { dir, mode: 'record', endpoint: network.url, allowRecordingInCI: true });
    expect(await nodeRequest({ url: `${network.url}/2015-03-31/functions/f`, method: 'GET' })).toMatchObject({
      status: 418,
    });
    expect(network.hits).toEqual(['GET /2015-03-31/functions/f']);
    await lambda.close();
  });

  it('rejects an onUnhandledRequest value that is not a policy, naming the choices', async () => {
    await expect(mockLambda({ onUnhandledRequest: 'ignore' as never })).rejects.toThrow(
      /onUnhandledRequest.*'error', 'warn', 'bypass'/,
    );
  });
});

describe("FunctionName '', '.', '..' and paths that normalise", () => {
  it.each(['', '.', '..'])(
    "%j gets the service's ValidationException through the SDK (nock door), nothing escapes",
    async (FunctionName) => {
      lambda = await mockLambda();
      const err = await caught(() =>
        lambdaClient({ endpoint: network.url, maxAttempts: 1 }).send(
          new InvokeAsyncCommand({ FunctionName, InvokeArgs: '{}' }),
        ),
      );
      expect(err.name).toBe('ValidationException');
      expect(err.$metadata.httpStatusCode).toBe(400);
      expect(network.hits).toEqual([]);
    },
  );

  it.each(['', '.', '..'])("%j gets the service's ValidationException from requestHandler", async (FunctionName) => {
    lambda = await mockLambda();
    const err = await caught(() =>
      lambdaClient({ requestHandler: lambda!.requestHandler, maxAttempts: 1 }).send(
        new InvokeAsyncCommand({ FunctionName, InvokeArgs: '{}' }),
      ),
    );
    expect(err.name).toBe('ValidationException');
  });

  // InvokeAsync by its API version; Invoke (Event) by its header, with the name segment broken or folded away.
  const EVENT = { 'x-amz-invocation-type': 'Event' };
  it.each<[string, Record<string, string>]>([
    ['/2014-11-13/functions/%2e/invoke-async', {}],
    ['/2014-11-13/functions/%2E%2E/invoke-async', {}],
    ['/2014-11-13/functions/a/../invoke-async', {}],
    ['/2014-11-13/invoke-async', {}],
    ['/2014-11-13/functions//invoke-async/', {}],
    ['/2015-03-31/functions//invocations', EVENT],
    ['/2015-03-31/functions/%2e/invocations', EVENT],
    ['/2015-03-31/functions/invocations', EVENT],
    ['/2015-03-31/invocations', EVENT],
    ['/2015-03-31/functions/a/../invocations?Qualifier=live', EVENT],
  ])('raw %s is answered 400 on any host, nothing escapes', async (path, headers) => {
    lambda = await mockLambda();
    for (const send of [nodeRequest, fetchRequest]) {
      const out = await send({ url: `${network.url}${path}`, body: '{}', headers });
      expect(out).toMatchObject({ kind: 'response', status: 400 });
    }
    expect(network.hits).toEqual([]);
  });
});
