/**
 * Routing by context under random interleavings: flows start at random times, open a double each
 * (alone, so ambient, or beside others, so bound to their context), invoke with random pauses
 * between calls and close. Whichever double ends up ambient, each double sees exactly its own
 * flow's calls, and async hooks are off again once every double has closed.
 */
import { executionAsyncId } from 'node:async_hooks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { mockLambda } from '../../../src/index.js';
import { lambdaClient } from '../../support/sdk.js';

const client = lambdaClient();

/** A pause: none, a microtask, or a timer of a few milliseconds. */
const pause = fc.constantFrom<number | 'tick' | 0>(0, 'tick', 1, 3);
const wait = (p: number | 'tick'): Promise<void> =>
  p === 'tick' ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, p));

const flowShape = fc.record({ start: pause, pauses: fc.array(pause, { minLength: 1, maxLength: 4 }) });

async function hooksOn(): Promise<boolean> {
  await null;
  return executionAsyncId() !== 0;
}

describe('routing by context, random interleavings', () => {
  it('each double sees exactly its own flow, whichever is ambient', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(flowShape, { minLength: 1, maxLength: 5 }), async (flows) => {
        const seen = await Promise.all(
          flows.map(async ({ start, pauses }, f) => {
            await wait(start);
            const lambda = await mockLambda();
            try {
              for (const [i, p] of pauses.entries()) {
                await wait(p);
                await client.send(new InvokeAsyncCommand({ FunctionName: `flow-${f}-fn`, InvokeArgs: `{"i":${i}}` }));
              }
            } finally {
              await lambda.close();
            }
            return lambda.calls.map((c) => `${c.functionName}#${(c.payload as { i: number }).i}`);
          }),
        );
        flows.forEach(({ pauses }, f) => expect(seen[f]).toEqual(pauses.map((_, i) => `flow-${f}-fn#${i}`)));
        expect(await hooksOn()).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
