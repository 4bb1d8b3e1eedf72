/**
 * A replay miss through the loopback server is reported once per request, not once per SDK retry:
 * the SDK takes the closed connection for a network fault and retries, with the same
 * amz-sdk-invocation-id. Distinct requests are each reported.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { openCassette, type Cassette, type LambdaDouble } from '../../../src/index.js';
import { OncePerRequest, SAME_REQUEST_WINDOW_MS } from '../../../src/doors/loopback/once-per-request.js';
import { caught, lambdaClient } from '../../support/sdk.js';

const cassette: Cassette = {
  version: 1,
  recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20.20.2' },
  interactions: [
    {
      request: { functionName: 'orders-fn', region: 'us-east-1', payload: { json: { id: 7 } } },
      response: { status: 202, headers: { 'content-type': 'application/json' }, body: { json: { Status: 202 } } },
      recordedAt: '2026-11-22T00:00:00.000Z',
    },
  ],
};

let dir: string;
let lambda: LambdaDouble | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lc-loopback-misses-'));
  writeFileSync(join(dir, 'orders.json'), JSON.stringify(cassette));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await lambda?.close().catch(() => {});
  lambda = undefined;
});

function post(url: string, body: string): Promise<void> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', agent: false }, (res) => res.resume().on('end', resolve));
    req.on('error', () => resolve());
    req.end(body);
  });
}

describe('loopback server failures', () => {
  it('a miss is answered with a 400 the SDK does not retry, and reported once; each distinct request once', async () => {
    lambda = await openCassette('orders', { dir, mode: 'replay' });
    const failures: string[] = [];
    const server = await lambda.listen({ onFailure: (e, req) => failures.push(`${e.name} ${req.path}`) });
    const client = lambdaClient({ endpoint: server.url, maxAttempts: 3 });
    const miss = await caught(() =>
      client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":8}' })),
    );
    expect(miss.name).toBe('CassetteMissException');
    expect(miss.message).toMatch(/no recorded answer in .* for InvokeAsync orders-fn/);
    expect(miss.$metadata.attempts).toBe(1);
    expect(lambda.calls.map((c) => c.attempt)).toEqual([1]);
    expect(failures).toEqual(['CassetteMissError /2014-11-13/functions/orders-fn/invoke-async']);
    // Another request (the same payload sent again by the code: a new invocation id) is news.
    await caught(() => client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":8}' })));
    await caught(() => client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":9}' })));
    expect(failures).toHaveLength(3);
    const closing = await caught(() => lambda!.close());
    expect(closing.message).toMatch(/^lambda-cassette: 3 Lambda invocation request\(s\) found no recorded answer/);
  });

  it('a client without invocation ids: the same request again at once is a retry, another body is not', async () => {
    lambda = await openCassette('orders', { dir, mode: 'replay' });
    const failures: string[] = [];
    const server = await lambda.listen({ onFailure: (e) => failures.push(e.name) });
    const url = `${server.url}/2014-11-13/functions/orders-fn/invoke-async`;
    await post(url, '{"id":8}');
    await post(url, '{"id":8}');
    await post(url, '{"id":9}');
    expect(failures).toEqual(['CassetteMissError', 'CassetteMissError']);
  });
});

describe('OncePerRequest', () => {
  it('keys on the invocation id, else on method, path and body within a window', () => {
    const once = new OncePerRequest();
    const body = Buffer.from('{}');
    expect(once.first('E', { 'amz-sdk-invocation-id': 'a' }, 'POST', '/p', body, 0)).toBe(true);
    expect(once.first('E', { 'amz-sdk-invocation-id': 'a' }, 'POST', '/p', body, 60_000)).toBe(false);
    expect(once.first('Other', { 'amz-sdk-invocation-id': 'a' }, 'POST', '/p', body, 60_000)).toBe(true);
    expect(once.first('E', { 'amz-sdk-invocation-id': 'b' }, 'POST', '/p', body, 0)).toBe(true);
    expect(once.first('E', {}, 'POST', '/p', body, 0)).toBe(true);
    expect(once.first('E', {}, 'POST', '/p', body, SAME_REQUEST_WINDOW_MS - 1)).toBe(false);
    expect(once.first('E', {}, 'POST', '/p', body, 3 * SAME_REQUEST_WINDOW_MS)).toBe(true);
    expect(once.first('E', {}, 'POST', '/q', body, 3 * SAME_REQUEST_WINDOW_MS)).toBe(true);
  });
});
