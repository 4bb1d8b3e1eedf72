/**
 * Fuzzing the requestHandler door: through the SDK (arbitrary names and payloads) and
 * straight into `handle()` (arbitrary methods, paths, headers and bodies). Every answer is 202 or a
 * documented error, or the double's own refusal of a request that is not InvokeAsync. The same for
 * the zero-config SDK door, which shares its conversion: a plain client, pointed at a
 * counting "network" server, never reaches it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mockLambda, type LambdaDouble, type LambdaErrorName } from '../../../src/index.js';
import { lambdaClient } from '../../support/sdk.js';
import { startCountingNetwork, type CountingNetwork } from '../../support/counting-network.js';
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
  within,
  invocationProblem,
} from './fuzz-support.js';

let lambda: LambdaDouble;
let watch: ReturnType<typeof watchCrashes>;
let network: CountingNetwork;
beforeAll(async () => {
  network = await startCountingNetwork();
  // orders-fn echoes its event synchronously; any other function has nothing to answer a RequestResponse.
  lambda = await mockLambda({ functions: ['orders-fn'], handlers: { 'orders-fn': (event: unknown) => event } });
  watch = watchCrashes();
});
afterAll(async () => {
  watch.stop();
  await lambda.close().catch(() => undefined);
  await network.close();
});

/** Sends InvokeAsync and Invoke fuzz (every invocation type) through `client`: every answer is the type's success status or a documented error. */
async function fuzzThroughSdk(client: ReturnType<typeof lambdaClient>): Promise<void> {
  const errors = fc.option(fc.constantFrom(...([...DOCUMENTED_ERRORS] as LambdaErrorName[])));
  await fc.assert(
    fc.asyncProperty(functionNames, bodies, errors, invocationKinds, async (FunctionName, body, inject, kind) => {
      if (inject) lambda.inject(inject, { times: 1 });
      const problem = await invocationProblem(client, kind, FunctionName, body);
      lambda.clearInjections();
      expect(problem).toBeUndefined();
    }),
    fuzzParameters(),
  );
  expect(watch.crashes).toEqual([]);
}

describe('fuzzing the requestHandler door', () => {
  it('through the SDK', async () => {
    await fuzzThroughSdk(lambdaClient({ requestHandler: lambda.requestHandler, maxAttempts: 1 }));
  }, 600_000);

  it('through a plain client (the zero-config SDK door), to a host the double was never told about', async () => {
    await fuzzThroughSdk(lambdaClient({ endpoint: network.url, maxAttempts: 1 }));
    expect(network.hits).toEqual([]);
  }, 600_000);

  it('straight into handle(), any method, path, headers and body', async () => {
    const handler = lambda.requestHandler;
    await fc.assert(
      fc.asyncProperty(rawCases, async (c) => {
        const [path, query] = c.path.split('?') as [string, string | undefined];
        const request = {
          method: c.method,
          protocol: 'https:',
          hostname: 'lambda.us-east-1.amazonaws.com',
          path,
          query: query ? Object.fromEntries(new URLSearchParams(query)) : {},
          headers: c.headers,
          body: c.body,
        };
        const problem = await within(
          10_000,
          `${c.method} ${c.path}`,
          handler.handle(request).then(
            ({ response }) => {
              if (SERVED_STATUSES.has(response.statusCode)) return undefined;
              const type = String(response.headers['x-amzn-errortype'] ?? '').split(':')[0]!;
              return DOCUMENTED_ERRORS.has(type) ? undefined : `answered ${response.statusCode} ${type}`;
            },
            (e: Error) => (OWN_REFUSALS.has(e.name) ? undefined : `${e.name}: ${e.message}`),
          ),
        );
        expect(problem).toBeUndefined();
      }),
      fuzzParameters(),
    );
    expect(watch.crashes).toEqual([]);
  }, 600_000);
});
