/**
 * 1,000 open/use/close cycles per door: afterwards the process has the listeners, nock
 * interceptors and active handles it had before. A door that leaks one of each per double would be
 * 1,000 over here.
 */
import { describe, expect, it } from 'vitest';
import nock from 'nock';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { mockLambda, type LambdaDouble } from '../../src/index.js';
import { lambdaClient } from '../support/sdk.js';
import { nodeRequest } from '../support/raw-request.js';
import http2 from 'node:http2';
import { Worker } from 'node:worker_threads';
import { Agent, request as undiciRequest } from 'undici';
import { patchesInPlace } from '../../src/doors/shared/door-registry.js';
import { http2Request } from '../support/undici-clients.js';

const CYCLES = Number(process.env['CYCLES'] ?? 1000);

interface Baseline {
  processListeners: Record<string, number>;
  nockListeners: Record<string, number>;
  activeMocks: number;
  pendingMocks: number;
  handles: Record<string, number>;
  sdkHandleRestored: boolean;
  /** The in-process doors' patches in place, and whether fetch, http2.connect and Worker are what they were. */
  inProcessPatches: number;
  globalsRestored: boolean[];
}

function countBy(items: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}

function snapshot(): Baseline {
  const emitter = nock.emitter;
  return {
    processListeners: Object.fromEntries(process.eventNames().map((e) => [String(e), process.listenerCount(e)])),
    nockListeners: Object.fromEntries(emitter.eventNames().map((e) => [String(e), emitter.listenerCount(e)])),
    activeMocks: nock.activeMocks().length,
    pendingMocks: nock.pendingMocks().length,
    // Timers come and go with the SDK's own work; sockets, servers and the rest must not grow.
    handles: countBy(process.getActiveResourcesInfo().filter((r) => r !== 'Timeout' && r !== 'Immediate')),
    sdkHandleRestored:
      (Object.getPrototypeOf(lambdaClient().config.requestHandler) as { handle: unknown }).handle === sdkHandle,
    inProcessPatches: patchesInPlace(),
    globalsRestored: [globalThis.fetch === fetchAtLoad, http2.connect === connectAtLoad, Worker === workerAtLoad],
  };
}

/** Waits (briefly) for closing sockets to finish closing, then compares with `before`. */
async function expectBackTo(before: Baseline): Promise<void> {
  let now = snapshot();
  for (let i = 0; i < 50 && JSON.stringify(now) !== JSON.stringify(before); i++) {
    await new Promise((r) => setTimeout(r, 20));
    now = snapshot();
  }
  expect(now).toEqual(before);
}

const fetchAtLoad = globalThis.fetch;
const connectAtLoad = http2.connect;
const workerAtLoad = Worker;
const plainClient = lambdaClient();
// The SDK's own handle, for checking that the zero-config door puts every prototype back.
const sdkHandle = (Object.getPrototypeOf(plainClient.config.requestHandler) as { handle: unknown }).handle;

const DOORS: [string, (double: LambdaDouble) => Promise<void>][] = [
  [
    'nock (raw http)',
    async () => {
      const out = await nodeRequest({
        url: 'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/f/invoke-async',
        body: '{}',
      });
      expect(out).toMatchObject({ status: 202 });
    },
  ],
  [
    'zero-config SDK (a client made once, before every double)',
    async () => {
      await plainClient.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }));
    },
  ],
  [
    'requestHandler (SDK)',
    async (double) => {
      await lambdaClient({ requestHandler: double.requestHandler }).send(
        new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }),
      );
    },
  ],
  [
    'loopback server',
    async (double) => {
      const server = await double.listen();
      const out = await nodeRequest({ url: `${server.url}/2014-11-13/functions/f/invoke-async`, body: '{}' });
      expect(out).toMatchObject({ status: 202 });
    },
  ],
  [
    'global fetch',
    async () => {
      const res = await fetch('https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/f/invoke-async', {
        method: 'POST',
        body: '{}',
      });
      expect(res.status).toBe(202);
    },
  ],
  [
    'undici.request with its own Agent',
    async () => {
      const dispatcher = new Agent();
      const res = await undiciRequest('https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/f/invoke-async', {
        method: 'POST',
        body: '{}',
        dispatcher,
      });
      expect(res.statusCode).toBe(202);
      await res.body.text();
      await dispatcher.close();
    },
  ],
  [
    'raw http2',
    async () => {
      const out = await http2Request({
        url: 'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/f/invoke-async',
        method: 'POST',
        body: '{}',
      });
      expect(out.status).toBe(202);
    },
  ],
  [
    'bindClientMock',
    async (double) => {
      const client = lambdaClient();
      const stub = mockClient(client);
      double.bindClientMock(stub);
      await client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }));
      stub.restore();
    },
  ],
];

describe(`${CYCLES} open/use/close cycles`, () => {
  it.each(DOORS)(
    '%s returns listeners, interceptors and handles to baseline',
    async (_door, use) => {
      // One cycle first, so lazily loaded modules and their one-time state are part of the baseline.
      const warm = await mockLambda();
      await use(warm);
      await warm.close();
      const before = snapshot();
      for (let i = 0; i < CYCLES; i++) {
        const double = await mockLambda();
        await use(double);
        await double.close();
        expect(double.calls).toHaveLength(1);
      }
      await expectBackTo(before);
    },
    300_000,
  );
});
