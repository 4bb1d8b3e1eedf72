/**
 * Fuzzing the in-process doors below client libraries: undici (own dispatchers, and its fetch) and
 * raw http2 send whatever fast-check makes up to a counting server configured as the double's
 * endpoint. Every Lambda API request is answered by the double (200, 202 or 204, a documented error, or its
 * refusal) and never counted; any other path reaches the server untouched; nothing hangs or crashes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mockLambda } from '../../../src/index.js';
import { startCountingNetwork, type CountingNetwork } from '../../support/counting-network.js';
import { startCountingHttp2 } from '../../support/counting-http2.js';
import { UNDICI_CLIENTS, type Seen } from '../../support/undici-clients.js';
import { LAMBDA_API_PATH } from '../../../src/wire/lambda-address.js';
import {
  DOCUMENTED_ERRORS,
  fuzzParameters,
  OWN_REFUSALS,
  rawCases,
  SERVED_STATUSES,
  watchCrashes,
  within,
} from './fuzz-support.js';

let h1: CountingNetwork;
let h2: CountingNetwork;
let watch: ReturnType<typeof watchCrashes>;
beforeAll(async () => {
  [h1, h2] = await Promise.all([startCountingNetwork(), startCountingHttp2()]);
  watch = watchCrashes();
});
afterAll(async () => {
  watch.stop();
  await Promise.all([h1.close(), h2.close()]);
});

/** Whether an outcome is one a sealed double may give: a served status, a documented error, or its own refusal. */
function allowed(out: Seen): string | undefined {
  if (out.kind === 'response') {
    if (SERVED_STATUSES.has(out.status)) return undefined;
    const type = (out.errorType ?? '').split(':')[0]!;
    return DOCUMENTED_ERRORS.has(type)
      ? undefined
      : `answered ${out.status} ${type || '(no x-amzn-ErrorType)'}: ${out.body.slice(0, 200)}`;
  }
  const error = out.error.cause instanceof Error && out.error.name === 'TypeError' ? out.error.cause : out.error;
  return OWN_REFUSALS.has(error.name) ? undefined : `failed with ${error.name}: ${error.message}`;
}

const FUZZED = [
  'undici.request with its own Agent',
  'undici.fetch',
  'undici.stream with its own Pool',
  'undici Client.request',
  'raw http2',
];

describe('fuzzing the undici and http2 doors', () => {
  it.each(UNDICI_CLIENTS.filter((c) => FUZZED.includes(c.name)).map((c) => [c.name, c] as const))(
    'through %s, every method, path, body, content type and encoding',
    async (_name, client) => {
      const net = client.http2 ? h2 : h1;
      const lambda = await mockLambda({ endpoint: net.url });
      net.hits.length = 0;
      try {
        await fc.assert(
          fc.asyncProperty(rawCases, async (c) => {
            const before = net.hits.length;
            const out = await within(
              10_000,
              `${c.method} ${c.path}`,
              client.send({ url: `${net.url}${c.path}`, method: c.method, headers: c.headers, body: c.body }),
            );
            if (LAMBDA_API_PATH.test(c.path)) {
              expect(allowed(out)).toBeUndefined();
              expect(net.hits.length).toBe(before);
            } else {
              expect(net.hits.length).toBe(before + 1);
              expect(out.kind === 'response' ? out.errorType : undefined).toBeUndefined();
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
