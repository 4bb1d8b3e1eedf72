/**
 * `http2.connect` to a double's custom `endpoint` (a named import taken before the double opened):
 * the invocation streams were answered in-process, yet a real session used to connect to the
 * endpoint and send the HTTP/2 preface; with an endpoint host that does not resolve, the session's
 * ENOTFOUND was an uncaught exception. Connections are counted on a TCP server, since no stream
 * ever reached it.
 */
import { connect } from 'node:http2';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { startCountingHttp2 } from '../../support/counting-http2.js';

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
});

const SIGNED = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0',
};

/** One stream on a fresh session, the session left open as a client keeping it for reuse would. */
function stream(origin: string, path: string, headers: Record<string, string>): Promise<number> {
  const session = connect(origin);
  return new Promise((resolve, reject) => {
    const req = session.request({ ':method': headers[':method'] ?? 'POST', ':path': path, ...SIGNED, ...headers });
    req.on('response', (h) => {
      req.resume();
      req.on('end', () => resolve(Number(h[':status'])));
    });
    req.on('error', reject);
    req.end();
  });
}

const settle = () => new Promise((r) => setTimeout(r, 100));

it('opens no connection to the endpoint for the streams a double answers, and never looks the host up', async () => {
  const connections: net.Socket[] = [];
  const server = net.createServer((socket) => connections.push(socket.on('error', () => undefined)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    lambda = await mockLambda({
      endpoint: [endpoint, 'http://lambda.invalid:4567'],
      handlers: { 'pricing-fn': { total: 1 } },
    });
    const uncaught: Error[] = [];
    const onUncaught = (e: Error) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      expect(
        await stream(endpoint, '/2015-03-31/functions/pricing-fn/invocations', { 'x-amz-invocation-type': 'DryRun' }),
      ).toBe(204);
      expect(await stream(endpoint, '/2015-03-31/functions/pricing-fn/invocations', {})).toBe(200);
      expect(await stream('http://lambda.invalid:4567', '/2015-03-31/functions/pricing-fn/invocations', {})).toBe(200);
      await settle();
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(connections).toHaveLength(0);
    expect(uncaught).toEqual([]);
    expect(lambda.calls.map((c) => c.invocationType)).toEqual(['DryRun', 'RequestResponse', 'RequestResponse']);
  } finally {
    for (const socket of connections) socket.destroy();
    await new Promise((r) => server.close(r));
  }
});

it('a session made while the double was open connects for real on first use once it closed', async () => {
  const network = await startCountingHttp2();
  try {
    lambda = await mockLambda({ endpoint: network.url, handlers: { 'pricing-fn': 1 } });
    const session = connect(network.url);
    await lambda.close();
    lambda = undefined;
    const status = await new Promise<number>((resolve, reject) => {
      const req = session.request({
        ':method': 'POST',
        ':path': '/2015-03-31/functions/pricing-fn/invocations',
        ...SIGNED,
      });
      req.on('response', (h) => resolve(Number(h[':status'])));
      req.on('error', reject);
      req.end('{}');
    });
    session.close();
    expect(status).toBe(418);
    expect(network.hits).toEqual(['POST /2015-03-31/functions/pricing-fn/invocations']);
  } finally {
    await network.close();
  }
});
