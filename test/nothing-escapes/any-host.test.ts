/**
 * Any host: while a double is open, InvokeAsync is the double's on every
 * host, not only lambda.*.amazonaws.com and configured endpoints.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { mockLambda, NoFunctionAnswerError, openCassette, type LambdaDouble } from '../../src/index.js';
import { lambdaClient } from '../support/sdk.js';
import { startCountingNetwork, type CountingNetwork } from '../support/counting-network.js';
import { startUpstream } from '../support/upstream-server.js';
import { fetchRequest, nodeRequest } from '../support/raw-request.js';

let network: CountingNetwork;
let lambda: LambdaDouble | undefined;
beforeEach(async () => {
  network = await startCountingNetwork();
});
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
  await network.close();
});

describe('InvokeAsync on a host the double was not told about', () => {
  it('is answered by a mock double: SDK, raw http and fetch, nothing reaches the host', async () => {
    lambda = await mockLambda();
    const out = await lambdaClient({ endpoint: network.url }).send(
      new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }),
    );
    expect(out.Status).toBe(202);
    const raw = await nodeRequest({ url: `${network.url}/2014-11-13/functions/raw-fn/invoke-async/`, body: '{}' });
    expect(raw).toMatchObject({ kind: 'response', status: 202 });
    const viaFetch = await fetchRequest({
      url: `${network.url}/2014-11-13/functions/fetch-fn/invoke-async`,
      body: '{}',
    });
    expect(viaFetch).toMatchObject({ kind: 'response', status: 202 });
    expect(lambda.calls.map((c) => c.functionName)).toEqual(['orders-fn', 'raw-fn', 'fetch-fn']);
    expect(network.hits).toEqual([]);
  });

  it("leaves that host's other traffic alone", async () => {
    lambda = await mockLambda();
    const other = await nodeRequest({ url: `${network.url}/health`, method: 'GET' });
    expect(other).toMatchObject({ kind: 'response', status: 418 });
    expect(network.hits).toEqual(['GET /health']);
  });

  it('is recorded from the host the request named, without `endpoint`', async () => {
    const upstream = await startUpstream();
    const dir = mkdtempSync(join(tmpdir(), 'lc-any-host-'));
    try {
      lambda = await openCassette('any-host', { dir, mode: 'record', allowRecordingInCI: true });
      const out = await lambdaClient({ endpoint: upstream.url, maxAttempts: 1 }).send(
        new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{"a":1}' }),
      );
      expect(out.$metadata.requestId).toBe('11111111-2222-3333-4444-555555555555');
      await lambda.close();
      lambda = undefined;
      expect(upstream.received.map((r) => `${r.method} ${r.url}`)).toEqual([
        'POST /2014-11-13/functions/f/invoke-async',
      ]);
      const cassette = JSON.parse(readFileSync(join(dir, 'any-host.json'), 'utf8')) as { interactions: unknown[] };
      expect(cassette.interactions).toHaveLength(1);
    } finally {
      await upstream.close();
    }
  });

  it('is recorded from `target` when given, whatever host the request named', async () => {
    const upstream = await startUpstream();
    const dir = mkdtempSync(join(tmpdir(), 'lc-any-host-'));
    try {
      lambda = await openCassette('target', { dir, mode: 'record', allowRecordingInCI: true, target: upstream.url });
      await lambdaClient({ endpoint: network.url, maxAttempts: 1 }).send(
        new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }),
      );
      await lambda.close();
      lambda = undefined;
      expect(upstream.received).toHaveLength(1);
      expect(network.hits).toEqual([]);
    } finally {
      await upstream.close();
    }
  });
});

describe('Invoke on a host the double was not told about, its invocation type set after the call', () => {
  function invokeWithLateHeader(
    url: string,
    invocationType: string | undefined,
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method: 'POST' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      if (invocationType) req.setHeader('X-Amz-Invocation-Type', invocationType);
      req.write('{"late":');
      req.end('true}');
    });
  }

  it("Event set with setHeader is the double's; without it, a RequestResponse, the double's too: nothing answers it, and it is never sent", async () => {
    lambda = await mockLambda();
    const event = await invokeWithLateHeader(`${network.url}/2015-03-31/functions/late-fn/invocations`, 'Event');
    expect(event.status).toBe(202);
    expect(lambda.calls.map((c) => [c.functionName, c.payload])).toEqual([['late-fn', { late: true }]]);
    const sync = await invokeWithLateHeader(`${network.url}/2015-03-31/functions/sync-fn/invocations`, undefined).catch(
      (e: Error) => e,
    );
    expect(sync).toBeInstanceOf(NoFunctionAnswerError);
    expect(network.hits).toEqual([]);
    expect(lambda.calls.map((c) => [c.functionName, c.invocationType])).toEqual([
      ['late-fn', 'Event'],
      ['sync-fn', 'RequestResponse'],
    ]);
  });
});
