import http from 'node:http';
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
