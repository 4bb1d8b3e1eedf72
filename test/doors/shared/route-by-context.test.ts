/**
 * Doubles opened in different async contexts each see only the requests made from their own
 * context; a request made outside every bound double's context goes to the double opened while no
 * other was open (it binds no context), else to the newest open double.
 */
import { AsyncResource } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { lambdaClient, lambdaClientViaNock } from '../../support/sdk.js';

// Bound while this module loads, before any double is open: runs `fn` outside every double's context.
const outsideEveryDouble = AsyncResource.bind(<T>(fn: () => T): T => fn());

// A plain client takes the zero-configuration SDK door; the other sends over HTTP, to the nock door.
const CLIENTS = [
  ['the zero-config SDK door', lambdaClient()],
  ['the nock door', lambdaClientViaNock()],
] as const;

/** Resolves once `n` callers have arrived, so every flow has its double open before any calls. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    if (++arrived === n) release();
    return all;
  };
}

describe.each(CLIENTS)('doubles opened in concurrent async flows, through %s', (_door, client) => {
  const invoke = (fn: string, id: number) =>
    client.send(new InvokeAsyncCommand({ FunctionName: fn, InvokeArgs: JSON.stringify({ id }) }));

  it('each sees only the calls made from its own flow, however they interleave', async () => {
    const ready = barrier(3);
    const flow = async (name: string): Promise<LambdaDouble> => {
      const lambda = await mockLambda();
      await ready();
      for (let i = 0; i < 3; i++) {
        await invoke(`${name}-fn`, i);
        await new Promise((r) => setTimeout(r, 1));
      }
      await lambda.close();
      return lambda;
    };
    const [a, b, c] = await Promise.all([flow('a'), flow('b'), flow('c')]);
    for (const [name, lambda] of [
      ['a', a],
      ['b', b],
      ['c', c],
    ] as const) {
      expect(lambda!.calls.map((call) => `${call.functionName}#${(call.payload as { id: number }).id}`)).toEqual([
        `${name}-fn#0`,
        `${name}-fn#1`,
        `${name}-fn#2`,
      ]);
    }
  });

  it('a request made outside every double goes to the double opened while no other was open', async () => {
    // `older` opened alone: it binds no context (no async hooks) and takes every request no bound double claims.
    const older = await mockLambda();
    const newer = await outsideEveryDouble(() => new AsyncResource('other-flow').runInAsyncScope(() => mockLambda()));
    try {
      await outsideEveryDouble(() => invoke('stray-fn', 1));
      await invoke('own-fn', 2);
      await new AsyncResource('other-flow').runInAsyncScope(() => invoke('stray-fn', 3));
      expect(older.calls.map((c) => c.functionName)).toEqual(['stray-fn', 'own-fn', 'stray-fn']);
      expect(newer.calls).toEqual([]);
    } finally {
      await newer.close();
      await older.close();
    }
  });

  it('once the double opened alone has closed, a request outside every double goes to the newest', async () => {
    const first = await mockLambda();
    const flow = (fn: () => Promise<LambdaDouble>) =>
      outsideEveryDouble(() => new AsyncResource('other-flow').runInAsyncScope(fn));
    const older = await flow(() => mockLambda());
    const newer = await flow(() => mockLambda());
    await first.close();
    try {
      await outsideEveryDouble(() => invoke('stray-fn', 1));
      expect(newer.calls.map((c) => c.functionName)).toEqual(['stray-fn']);
      expect(older.calls).toEqual([]);
    } finally {
      await newer.close();
      await older.close();
    }
  });

  it('a double opened inside another one in the same flow takes the calls until it closes', async () => {
    const outer = await mockLambda();
    const inner = await mockLambda();
    await invoke('first-fn', 1);
    await inner.close();
    await invoke('second-fn', 2);
    await outer.close();
    expect(inner.calls.map((c) => c.functionName)).toEqual(['first-fn']);
    expect(outer.calls.map((c) => c.functionName)).toEqual(['second-fn']);
  });
});
