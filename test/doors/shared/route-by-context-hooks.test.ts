/**
 * Routing by context keeps async hooks on (Node 20's AsyncLocalStorage) only while a double is open
 * or opening: with every double closed, the caller's process runs as it would without us.
 */
import { executionAsyncId } from 'node:async_hooks';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { InvokeAsyncCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { mockLambda, openCassette, type LambdaDouble } from '../../../src/index.js';
import { lambdaClient } from '../../support/sdk.js';

/** Whether promise hooks are on: without any, a promise continuation runs with async id 0. */
async function hooksOn(): Promise<boolean> {
  await null;
  return executionAsyncId() !== 0;
}

const client = lambdaClient();
const invoke = (fn: string) => client.send(new InvokeAsyncCommand({ FunctionName: fn, InvokeArgs: '{}' }));

describe('async hooks for routing by context', () => {
  it('are off before any double, on while one is open, and off again after the last close', async () => {
    expect(await hooksOn()).toBe(false);
    const first = await mockLambda();
    expect(await hooksOn()).toBe(true);
    const second = await mockLambda();
    await second.close();
    expect(await hooksOn()).toBe(true);
    await first.close();
    expect(await hooksOn()).toBe(false);
  });

  it('come back at the next open, and concurrent flows still see only their own calls', async () => {
    for (let round = 0; round < 2; round++) {
      let arrived = 0;
      let release!: () => void;
      const allOpen = new Promise<void>((resolve) => (release = resolve));
      const flow = async (name: string): Promise<LambdaDouble> => {
        const lambda = await mockLambda();
        if (++arrived === 2) release();
        await allOpen;
        await invoke(`${name}-fn`);
        await lambda.close();
        return lambda;
      };
      const [a, b] = await Promise.all([flow('a'), flow('b')]);
      expect(a.calls.map((c) => c.functionName)).toEqual(['a-fn']);
      expect(b.calls.map((c) => c.functionName)).toEqual(['b-fn']);
      expect(await hooksOn()).toBe(false);
    }
  });

  it('are off again after a handler ran (its console capture lets them go too)', async () => {
    const lambda = await mockLambda({ handlers: { 'echo-fn': async () => (console.log('handled'), { ok: true }) } });
    try {
      const out = await client.send(
        new InvokeCommand({ FunctionName: 'echo-fn', Payload: Buffer.from('{}'), LogType: 'Tail' }),
      );
      expect(Buffer.from(out.LogResult ?? '', 'base64').toString('utf8')).toContain('handled');
    } finally {
      await lambda.close();
    }
    expect(await hooksOn()).toBe(false);
  });

  it('are let go of when an open fails after claiming the caller context', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lc-hooks-'));
    await expect(openCassette('missing', { mode: 'replay', dir })).rejects.toThrow();
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let on = true;
    for (let i = 0; i < 50 && on; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 5));
      on = await hooksOn();
    }
    expect(on).toBe(false);
  });
});
