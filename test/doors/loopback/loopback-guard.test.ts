/**
 * The loopback server answers only clients that name it by a loopback host and are
 * not a browser page. DNS rebinding (a page on evil.example whose name now resolves to 127.0.0.1)
 * and cross-origin "simple" POSTs must not execute, be forwarded, be recorded, or read the call log.
 */
import http from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mockLambda, openCassette, type LambdaDouble } from '../../../src/index.js';
import { startUpstream } from '../../support/upstream-server.js';

const dir = mkdtempSync(join(tmpdir(), 'lc-loopback-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close().catch(() => {});
  lambda = undefined;
});

const INVOKE = '/2014-11-13/functions/orders-fn/invoke-async';
const SIGNED =
  'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=' +
  '0'.repeat(64);

function request(
  url: string,
  path: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}${path}`,
      { method, headers, agent: false, setHost: !('host' in headers) },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the Host header', () => {
  it.each(['evil.example', 'evil.example:80', 'lambda.us-east-1.amazonaws.com', '127.0.0.1.nip.io'])(
    '%s is refused with 403 and nothing runs',
    async (host) => {
      lambda = await mockLambda();
      const server = await lambda.listen();
      const posted = await request(
        server.url,
        INVOKE,
        'POST',
        { host, authorization: SIGNED, 'content-type': 'application/json' },
        '{"id":1}',
      );
      expect(posted.status).toBe(403);
      expect(posted.body).toMatch(/Host/);
      const calls = await request(server.url, '/_lambda-cassette/calls', 'GET', { host });
      expect(calls.status).toBe(403);
      expect(lambda.calls).toEqual([]);
    },
  );

  it.each(['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST'])('%s (with the port) is served', async (name) => {
    lambda = await mockLambda();
    const server = await lambda.listen();
    const posted = await request(
      server.url,
      INVOKE,
      'POST',
      { host: `${name}:${server.port}`, authorization: SIGNED },
      '{"id":1}',
    );
    expect(posted.status).toBe(202);
    expect(lambda.calls).toHaveLength(1);
  });
});

describe('a browser page', () => {
  it('cannot make it run a cross-origin simple POST (Origin header): 403, no call', async () => {
    lambda = await mockLambda();
    const server = await lambda.listen();
    const posted = await request(
      server.url,
      INVOKE,
      'POST',
      { origin: 'https://evil.example', 'content-type': 'text/plain' },
      '{"id":1}',
    );
    expect(posted.status).toBe(403);
    expect(posted.body).toMatch(/Origin/);
    expect(lambda.calls).toEqual([]);
  });

  it('cannot read the call log (Origin, or Sec-Fetch-Site without one)', async () => {
    lambda = await mockLambda();
    const server = await lambda.listen();
    expect(
      (await request(server.url, '/_lambda-cassette/calls', 'GET', { origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect(
      (
        await request(server.url, '/_lambda-cassette/calls', 'GET', {
          'sec-fetch-site': 'cross-site',
          'sec-fetch-mode': 'no-cors',
        })
      ).status,
    ).toBe(403);
    const plain = await request(server.url, '/_lambda-cassette/calls', 'GET', {});
    expect(plain.status).toBe(200);
    expect(plain.body).toBe('[]\n');
  });

  it('recording: the request is neither forwarded nor written', async () => {
    const upstream = await startUpstream();
    try {
      lambda = await openCassette('browser', { dir, mode: 'record', target: upstream.url, allowRecordingInCI: true });
      const server = await lambda.listen();
      const posted = await request(
        server.url,
        INVOKE,
        'POST',
        { origin: 'null', 'content-type': 'text/plain', authorization: SIGNED },
        '{"id":1}',
      );
      expect(posted.status).toBe(403);
      await lambda.close();
      expect(upstream.received).toEqual([]);
      expect(lambda.calls).toEqual([]);
      const file = join(dir, 'browser.json');
      // Either no file, or one without interactions.
      if (existsSync(file)) expect((await import('node:fs')).readFileSync(file, 'utf8')).not.toContain('orders-fn');
    } finally {
      await upstream.close();
    }
  });
});
