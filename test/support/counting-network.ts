import http from 'node:http';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { AddressInfo } from 'node:net';

/**
 * "The network" for tests that prove nothing escapes a double: an HTTP server on 127.0.0.1 that
 * counts every request reaching it (and answers 418, which no door ever gives, so a leak that
 * the count somehow missed would still show in the answer). Clients under test are pointed at it
 * as their endpoint or host: a request that escapes is a hit, not merely an absent error.
 */
export interface CountingNetwork {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Every request received, as `METHOD /path`. */
  readonly hits: string[];
  close(): Promise<void>;
}

export async function startCountingNetwork(): Promise<CountingNetwork> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => res.writeHead(418, { 'content-type': 'text/plain' }).end('the network'));
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * One counting network for a test file (hooks registered here): started before the first test,
 * its count cleared before each test, closed after the last. The handle reads the live server, so
 * it can be taken at module level.
 */
export function useCountingNetwork(): CountingNetwork {
  let network: CountingNetwork | undefined;
  const live = () => {
    if (!network) throw new Error('the counting network is not started yet: use it inside a test or hook');
    return network;
  };
  beforeAll(async () => {
    network = await startCountingNetwork();
  });
  beforeEach(() => {
    if (network) network.hits.length = 0;
  });
  afterAll(() => network?.close());
  return {
    get url() {
      return live().url;
    },
    get hits() {
      return live().hits;
    },
    close: () => live().close(),
  };
}
