/**
 * Several copies of the SDK in node_modules, each reaching the double with no configuration: a
 * project's dependencies can each bring their own @aws-sdk/client-lambda with its own
 * @smithy/node-http-handler. Each copy here is a real install: the package folders copied into
 * `.tmp/<copy>/node_modules`, so `require` resolves the client's handler to the copy next to it (and
 * everything else up to the repository's node_modules). Interception is proved by counting calls to
 * each copy's original `handle`.
 */
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as mainSdk from '@aws-sdk/client-lambda';
import { mockLambda } from '../../../src/index.js';
import { caught } from '../../support/sdk.js';
import { startCountingNetwork, type CountingNetwork } from '../../support/counting-network.js';

type Handle = (this: unknown, request: unknown, options?: unknown) => Promise<unknown>;
type Sdk = typeof mainSdk;

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const COPIES = path.join(ROOT, '.tmp', `sdk-copies-${process.pid}`);

/** Installs a copy of the SDK's client and node handler under `.tmp`, loads it, and counts calls to its handler's own `handle`. */
function installCopy(name: string) {
  const modules = path.join(COPIES, name, 'node_modules');
  for (const pkg of ['@aws-sdk/client-lambda', '@smithy/node-http-handler']) {
    cpSync(path.join(ROOT, 'node_modules', pkg), path.join(modules, pkg), {
      recursive: true,
      filter: (src) => !src.includes('dist-es') && !src.includes('dist-types'),
    });
  }
  const sdk = createRequire(path.join(COPIES, name, 'index.js'))('@aws-sdk/client-lambda') as Sdk;
  const client = (config: mainSdk.LambdaClientConfig = {}) =>
    new sdk.LambdaClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 1,
      ...config,
    });
  const proto = Object.getPrototypeOf(client().config.requestHandler) as { handle: Handle };
  const original = proto.handle;
  const counter = { calls: 0 };
  const counting: Handle = function (this: unknown, request, options) {
    counter.calls++;
    return original.call(this, request, options);
  };
  proto.handle = counting;
  const send = (c: ReturnType<typeof client>, FunctionName: string) =>
    c.send(new sdk.InvokeAsyncCommand({ FunctionName, InvokeArgs: '{}' }));
  return { sdk, client, proto, counting, counter, send, restore: () => void (proto.handle = original) };
}

let network: CountingNetwork;
let second: ReturnType<typeof installCopy>;
const mainProto = Object.getPrototypeOf(new mainSdk.LambdaClient({ region: 'us-east-1' }).config.requestHandler) as {
  handle: Handle;
};
const copies: ReturnType<typeof installCopy>[] = [];
beforeAll(async () => {
  network = await startCountingNetwork();
  second = installCopy('second');
  copies.push(second);
});
afterAll(async () => {
  for (const copy of copies) copy.restore();
  rmSync(COPIES, { recursive: true, force: true });
  await network.close();
});
beforeEach(() => {
  network.hits.length = 0;
  for (const copy of copies) copy.counter.calls = 0;
});

describe('a second copy of the SDK', () => {
  it('is a copy of its own: another LambdaClient class and another NodeHttpHandler', () => {
    expect(second.sdk.LambdaClient).not.toBe(mainSdk.LambdaClient);
    expect(second.proto).not.toBe(mainProto);
  });

  it('made before the double opened, is answered in-process, and goes to the network again after close()', async () => {
    const client = second.client({ endpoint: network.url });
    const lambda = await mockLambda();
    expect(second.proto.handle).not.toBe(second.counting);
    const out = await second.send(client, 'from-the-second-copy');
    expect(out.Status).toBe(202);
    expect(second.counter.calls).toBe(0);
    expect(network.hits).toEqual([]);
    await lambda.close();

    expect(second.proto.handle).toBe(second.counting);
    const err = await caught(() => second.send(client, 'after-close'));
    expect(err.$metadata.httpStatusCode).toBe(418);
    expect(second.counter.calls).toBe(1);
    expect(network.hits).toEqual(['POST /2014-11-13/functions/after-close/invoke-async']);
    expect(lambda.calls.map((c) => c.functionName)).toEqual(['from-the-second-copy']);
  });

  it('loaded while a double is open, is answered through nock; the next double takes it in-process', async () => {
    const first = await mockLambda();
    const third = installCopy('third');
    copies.push(third);
    const client = third.client({ endpoint: network.url });
    await third.send(client, 'through-nock');
    expect(third.counter.calls).toBe(1);
    await first.close();

    const next = await mockLambda();
    await third.send(client, 'in-process');
    await next.close();
    expect(third.counter.calls).toBe(1);
    expect(first.calls.map((c) => c.functionName)).toEqual(['through-nock']);
    expect(next.calls.map((c) => c.functionName)).toEqual(['in-process']);
    expect(network.hits).toEqual([]);
  });
});
