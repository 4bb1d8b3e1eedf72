/**
 * Routing by context keeps async hooks on (Node 20's AsyncLocalStorage) only while two or more
 * doubles are open or opening at once: with one double open, or none, the caller's process runs as
 * it would without us.
 */
import { AsyncLocalStorage, executionAsyncId } from 'node:async_hooks';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvokeAsyncCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { mockLambda, openCassette, type LambdaDouble } from '../../../src/index.js';
import { lambdaClient } from '../../support/sdk.js';

/** Whether promise hooks are on: without any, a promise continuation runs with async id 0. */
async function hooksOn(): Promise<boolean> {
  await null;
  return executionAsyncId() !== 0;
}

// Node 24's AsyncLocalStorage rides on AsyncContextFrame and needs no hook at all.
const HOOK_BASED = 'kResourceStore' in new AsyncLocalStorage();

const client = lambdaClient();
const invoke = (fn: string) => client.send(new InvokeAsyncCommand({ FunctionName: fn, InvokeArgs: '{}' }));

describe('async hooks for routing by context', () => {
  it('are off with one double open, on once a second opens, and off again after the last close', async () => {
    expect(await hooksOn()).toBe(false);
    const first = await mockLambda();
    expect(await hooksOn()).toBe(false);
    await invoke('alone-fn');
    expect(await hooksOn()).toBe(false);
    const second = await mockLambda();
    expect(await hooksOn()).toBe(HOOK_BASED);
    await second.close();
    expect(await hooksOn()).toBe(HOOK_BASED);
    await first.close();
    expect(await hooksOn()).toBe(false);
    expect(first.calls.map((c) => c.functionName)).toEqual(['alone-fn']);
  });

  it('stay off through a sequence of doubles opened one at a time', async () => {
    for (let i = 0; i < 3; i++) {
      const lambda = await openCassette(`seq-${i}`, { mode: 'mock' });
      await invoke(`seq-${i}-fn`);
      expect(await hooksOn()).toBe(false);
      await lambda.close();
      expect(lambda.calls.map((c) => c.functionName)).toEqual([`seq-${i}-fn`]);
    }
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

  it('are let go of at once when an open fails after claiming the caller context', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lc-hooks-'));
    await expect(openCassette('missing', { mode: 'replay', dir })).rejects.toThrow();
    // Alone again: the failed open holds no claim, so this double binds no context either.
    const lambda = await mockLambda();
    try {
      expect(await hooksOn()).toBe(false);
      await invoke('after-fn');
      expect(lambda.calls.map((c) => c.functionName)).toEqual(['after-fn']);
    } finally {
      await lambda.close();
    }
  });
});
