import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the upstream server received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** An answer the upstream server gives. */
export interface UpstreamAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

/**
 * A stand-in "real endpoint" on 127.0.0.1 for recording tests that need exact control over what the
 * service answers (moto covers the real-emulator cases). Logs every request it receives.
 */
export async function startUpstream(
  answer: (req: ReceivedRequest) => UpstreamAnswer = () => ({
    status: 202,
    headers: { 'content-type': 'application/json', 'x-amzn-RequestId': '11111111-2222-3333-4444-555555555555' },
    body: '{"Status":202}',
  }),
): Promise<{ url: string; received: ReceivedRequest[]; close(): Promise<void> }> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(r);
      const a = answer(r);
      res.writeHead(a.status, a.headers).end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
