/**
 * Fuzzing the nock door: the SDK, raw `http` and global `fetch` send whatever fast-check
 * makes up to a counting "network" server. Every answer is 202 or a documented error, nothing hangs,
 * nothing crashes, and the server counts 0 requests: nothing escaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mockLambda, type LambdaErrorName } from '../../../src/index.js';
import { lambdaClientViaNock } from '../../support/sdk.js';
import { startCountingNetwork, type CountingNetwork } from '../../support/counting-network.js';
import { fetchRequest, nodeRequest, type RawOutcome } from '../../support/raw-request.js';
import {
  bodies,
  DOCUMENTED_ERRORS,
  functionNames,
  fuzzParameters,
  invocationKinds,
  OWN_REFUSALS,
  rawCases,
  SERVED_STATUSES,
  watchCrashes,
  invocationProblem,
} from './fuzz-support.js';

let network: CountingNetwork;
let watch: ReturnType<typeof watchCrashes>;
beforeAll(async () => {
  network = await startCountingNetwork();
  watch = watchCrashes();
});
afterAll(async () => {
  watch.stop();
  await network.close();
});

/** Whether a raw outcome is one a sealed double may give: 202, a documented error, or its own refusal. */
function allowed(out: RawOutcome): string | undefined {
  if (out.kind === 'response') {
    if (SERVED_STATUSES.has(out.status)) return undefined;
    const type = String(out.headers['x-amzn-errortype'] ?? '').split(':')[0]!;
    return DOCUMENTED_ERRORS.has(type)
      ? undefined
      : `answered ${out.status} ${type || '(no x-amzn-ErrorType)'}: ${out.body.slice(0, 200)}`;
  }
  const error = out.error.cause instanceof Error && out.error.name === 'TypeError' ? out.error.cause : out.error;
  return OWN_REFUSALS.has(error.name) ? undefined : `failed with ${error.name}: ${error.message}`;
}

describe('fuzzing the nock door', () => {
  it('through the SDK, to a host the double was never told about', async () => {
    const lambda = await mockLambda({
      functions: ['orders-fn', 'x'.repeat(64)],
      handlers: { 'orders-fn': (event: unknown) => event },
    });
    // Through nock, not the SDK fast path (fuzz-in-process.test.ts covers the in-process conversion).
    const client = lambdaClientViaNock({ endpoint: network.url, maxAttempts: 1 });
    try {
      await fc.assert(
        fc.asyncProperty(
          functionNames,
          bodies,
          fc.option(fc.constantFrom(...([...DOCUMENTED_ERRORS] as LambdaErrorName[]))),
          invocationKinds,
          async (FunctionName, body, inject, kind) => {
            if (inject) lambda.inject(inject, { times: 1 });
            const outcome = await invocationProblem(client, kind, FunctionName, body);
            lambda.clearInjections();
            expect(outcome).toBeUndefined();
            expect(network.hits).toEqual([]);
          },
        ),
        fuzzParameters(),
      );
    } finally {
      await lambda.close();
    }
    expect(watch.crashes).toEqual([]);
  }, 600_000);

  it.each([
    ['raw http', nodeRequest],
    ['global fetch', fetchRequest],
  ])(
    'through %s, every method, path, body, content type and encoding',
    async (_label, send) => {
      // The counting server is a configured endpoint here: every Lambda API path on it (an API version
      // first, /2015-03-31/...) is the double's. An emulator serves other services on the same port,
      // so a request to any other path ("/") must reach it untouched: counted, and answered by it.
      const lambda = await mockLambda({ endpoint: network.url });
      network.hits.length = 0;
      try {
        await fc.assert(
          fc.asyncProperty(rawCases, async (c) => {
            const before = network.hits.length;
            const out = await send(
              { url: `${network.url}${c.path}`, method: c.method, headers: c.headers, body: c.body },
              10_000,
            );
            if (c.apiPath) {
              expect(allowed(out)).toBeUndefined();
              expect(network.hits.length).toBe(before);
            } else {
              // Untouched: it reached the server (what the transport then makes of an odd request, such
              // as a DELETE with a body through nock's pass-through, is the same without a double).
              expect(network.hits.length).toBe(before + 1);
              expect(out.kind === 'response' ? out.headers['x-amzn-errortype'] : undefined).toBeUndefined();
            }
          }),
          fuzzParameters(),
        );
      } finally {
        await lambda.close().catch(() => undefined);
      }
      expect(watch.crashes).toEqual([]);
    },
    600_000,
  );
});
