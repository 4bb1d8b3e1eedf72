import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { CountingNetwork } from './counting-network.js';

/**
 * The counting network for HTTP/2 clients: a cleartext HTTP/2 server on 127.0.0.1 (h2c, what
 * `http2.connect('http://...')` speaks) that counts every stream reaching it and answers 418.
 */
export async function startCountingHttp2(): Promise<CountingNetwork> {
  const hits: string[] = [];
  const server = http2.createServer();
  server.on('stream', (stream, headers) => {
    hits.push(`${String(headers[':method'])} ${String(headers[':path'])}`);
    stream.resume();
    stream.on('end', () => {
      stream.respond({ ':status': 418, 'content-type': 'text/plain' });
      stream.end('the network');
    });
  });
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of sessions) session.destroy();
        server.close(() => resolve());
      }),
  };
}
