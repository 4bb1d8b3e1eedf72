/**
 * Worker threads started while a double is open: their InvokeAsync and Invoke (Event) requests fail
 * with LC_WORKER_REQUEST_REFUSED before they leave (http, fetch, undici with its own Agent, http2),
 * their other traffic passes, and workers started after close() are not guarded. Proved with
 * counting servers: a request that escaped would be a hit.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { startCountingNetwork, type CountingNetwork } from '../../support/counting-network.js';
import { startCountingHttp2 } from '../../support/counting-http2.js';

let h1: CountingNetwork;
let h2: CountingNetwork;
let lambda: LambdaDouble | undefined;
beforeAll(async () => {
  [h1, h2] = await Promise.all([startCountingNetwork(), startCountingHttp2()]);
});
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
  h1.hits.length = 0;
  h2.hits.length = 0;
});
afterAll(() => Promise.all([h1.close(), h2.close()]));

// Each client in the worker sends one request and reports its status or its error's code.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const http2 = require('node:http2');
const undici = require('undici');
const { base, h2base, path, headers } = workerData;
const outcome = (p) => p.then((status) => ({ status }), (e) => ({ code: (e.cause && e.cause.code) || e.code }));
const viaHttp = () => new Promise((resolve, reject) => {
  const req = http.request(base + path, { method: 'POST', headers }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
  req.on('error', reject);
  req.end('{}');
});
const viaHttp2 = () => new Promise((resolve, reject) => {
  const session = http2.connect(h2base);
  session.on('error', reject);
  let stream;
  try { stream = session.request({ ':method': 'POST', ':path': path, ...headers }); } catch (e) { session.close(); return reject(e); }
  stream.on('response', (h) => { stream.resume(); stream.on('end', () => { session.close(); resolve(h[':status']); }); });
  stream.on('error', (e) => { session.close(); reject(e); });
  stream.end('{}');
});
(async () => {
  const agent = new undici.Agent();
  parentPort.postMessage({
    http: await outcome(viaHttp()),
    fetch: await outcome(fetch(base + path, { method: 'POST', headers, body: '{}' }).then((r) => r.status)),
    undici: await outcome(undici.request(base + path, { method: 'POST', headers, body: '{}', dispatcher: agent }).then((r) => (r.body.resume(), r.statusCode))),
    http2: await outcome(viaHttp2()),
  });
  await agent.close();
})();
`;

function runWorker(
  path: string,
  headers: Record<string, string> = {},
): Promise<Record<string, { status?: number; code?: string }>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { base: h1.url, h2base: h2.url, path, headers } });
    worker.once('message', (m) => {
      resolve(m as Record<string, { status?: number; code?: string }>);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

const REFUSED = { code: 'LC_WORKER_REQUEST_REFUSED' };
const INVOKE_ASYNC = '/2014-11-13/functions/orders-fn/invoke-async/';

describe('a worker thread started while a double is open', () => {
  it('InvokeAsync from every client fails loudly before it leaves', async () => {
    lambda = await mockLambda();
    expect(await runWorker(INVOKE_ASYNC)).toEqual({ http: REFUSED, fetch: REFUSED, undici: REFUSED, http2: REFUSED });
    expect([...h1.hits, ...h2.hits]).toEqual([]);
  });

  it('Invoke (Event) from every client fails loudly before it leaves', async () => {
    lambda = await mockLambda();
    const outcome = await runWorker('/2015-03-31/functions/orders-fn/invocations', {
      'X-Amz-Invocation-Type': 'Event',
    });
    expect(outcome).toEqual({ http: REFUSED, fetch: REFUSED, undici: REFUSED, http2: REFUSED });
    expect([...h1.hits, ...h2.hits]).toEqual([]);
  });

  it('other traffic passes untouched', async () => {
    lambda = await mockLambda();
    const teapot = { status: 418 };
    expect(await runWorker('/health')).toEqual({ http: teapot, fetch: teapot, undici: teapot, http2: teapot });
    expect(h1.hits).toEqual(['POST /health', 'POST /health', 'POST /health']);
    expect(h2.hits).toEqual(['POST /health']);
  });

  it('a worker started after close() is not guarded', async () => {
    lambda = await mockLambda();
    await lambda.close();
    lambda = undefined;
    const teapot = { status: 418 };
    expect(await runWorker(INVOKE_ASYNC)).toEqual({ http: teapot, fetch: teapot, undici: teapot, http2: teapot });
    expect(h1.hits).toHaveLength(3);
  });
});
