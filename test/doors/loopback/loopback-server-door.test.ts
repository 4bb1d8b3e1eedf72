/**
 * `lambda.listen()`: a loopback InvokeAsync server backed by the same engine, for clients outside
 * the process. The AWS CLI and boto3 (real, unmodified) talk to it in mock, replay and record mode.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import {
  mockLambda,
  openCassette,
  RecordingIncompleteError,
  UnmatchedRequestsError,
  type Cassette,
  type LambdaDouble,
} from '../../../src/index.js';
import { lambdaClient, caught } from '../../support/sdk.js';
import { awsCliInvokeAsync, boto3InvokeAsync, requireBoto3 } from '../../support/external-clients.js';
import { startMoto, type MotoServer } from '../../support/moto.js';

let dir: string;
let lambda: LambdaDouble | undefined;
beforeAll(() => {
  requireBoto3();
  dir = mkdtempSync(join(tmpdir(), 'lc-loopback-'));
  writeFileSync(join(dir, 'order.json'), '{"id":7}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  // Tests that expect close() to reject close it themselves.
  await lambda?.close().catch(() => {});
  lambda = undefined;
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'POST', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const invokePath = (fn: string) => `/2014-11-13/functions/${encodeURIComponent(fn)}/invoke-async`;
const scope = (region: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/${region}/lambda/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;

function cassetteWith(interactions: Cassette['interactions']): Cassette {
  return {
    version: 1,
    recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20.20.2' },
    interactions,
  };
}

const REPLAYED_ID = 'replayed-0000-4000-8000-000000000001';
const replayCassette = cassetteWith([
  {
    request: { functionName: 'orders-fn', region: 'us-east-1', payload: { json: { id: 7 } } },
    response: {
      status: 202,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': REPLAYED_ID },
      body: { text: '{"Status":202}' },
    },
    recordedAt: '2026-11-22T00:00:00.000Z',
  },
  {
    request: { functionName: 'orders-fn', region: 'us-east-1', payload: { json: { id: 8 } } },
    response: {
      status: 202,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': REPLAYED_ID },
      body: { text: '{"Status":202}' },
    },
    recordedAt: '2026-11-22T00:00:00.000Z',
  },
  {
    request: { functionName: 'gone-fn', region: 'us-east-1', payload: { json: {} } },
    response: {
      status: 404,
      headers: {
        'content-type': 'application/json',
        'x-amzn-errortype': 'ResourceNotFoundException',
        'x-amzn-requestid': 'r-404',
      },
      body: {
        text: '{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:gone-fn"}',
      },
    },
    recordedAt: '2026-11-22T00:00:00.000Z',
  },
]);

async function callsEndpoint(url: string): Promise<unknown> {
  const res = await request(`${url}/_lambda-cassette/calls`, { method: 'GET' });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/json');
  return JSON.parse(res.body);
}

describe('lambda.listen()', () => {
  it('binds 127.0.0.1 only and serves the SDK like the service (nock lets loopback traffic through)', async () => {
    lambda = await mockLambda({ functions: ['orders-fn'] }); // the nock door is attached too
    const server = await lambda.listen();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const out = await lambdaClient({ endpoint: server.url, maxAttempts: 1 }).send(
      new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":1}' }),
    );
    expect(out.Status).toBe(202);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // Logged once: the request went through the socket to the server, not answered by nock.
    expect(lambda.calls).toEqual([
      {
        operation: 'InvokeAsync',
        invocationType: 'Event',
        functionName: 'orders-fn',
        region: 'us-east-1',
        payload: { id: 1 },
        attempt: 1,
        status: 202,
        source: 'mock',
      },
    ]);
    // Not reachable on another local address.
    const other = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: server.port });
      socket.on('connect', () => (socket.destroy(), resolve('connected')));
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(other).toBe('ECONNREFUSED');
  });

  it('answers the AWS CLI and boto3 in mock mode; their calls are in the log and at /_lambda-cassette/calls', async () => {
    lambda = await mockLambda({ functions: ['orders-fn'] });
    const { url } = await lambda.listen();
    const [cli, boto] = await Promise.all([
      awsCliInvokeAsync(url, 'orders-fn', join(dir, 'order.json')),
      boto3InvokeAsync(
        url,
        [
          ['orders-fn:prod', '{"id":8}'],
          ['missing-fn', '{}'],
        ],
        'eu-west-1',
      ),
    ]);
    expect(cli.stderr).toBe('');
    expect(JSON.parse(cli.stdout)).toEqual({ Status: 202 });
    expect(boto[0]).toMatchObject({ status: 202, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(boto[1]).toEqual({
      error: {
        code: 'ResourceNotFoundException',
        status: 404,
        message: 'Function not found: arn:aws:lambda:eu-west-1:123456789012:function:missing-fn',
      },
    });
    const key = (c: { functionName: string; qualifier?: string }) => `${c.functionName}:${c.qualifier ?? ''}`;
    const byPayload = [...lambda.calls].sort((a, b) => key(a).localeCompare(key(b)));
    expect(byPayload).toEqual([
      // Region comes from the SigV4 credential scope: the host is 127.0.0.1.
      {
        operation: 'InvokeAsync',
        invocationType: 'Event',
        functionName: 'missing-fn',
        region: 'eu-west-1',
        payload: {},
        attempt: 1,
        status: 404,
        errorType: 'ResourceNotFoundException',
        source: 'mock',
      },
      {
        operation: 'InvokeAsync',
        invocationType: 'Event',
        functionName: 'orders-fn',
        region: 'us-east-1',
        payload: { id: 7 },
        attempt: 1,
        status: 202,
        source: 'mock',
      },
      {
        operation: 'InvokeAsync',
        invocationType: 'Event',
        functionName: 'orders-fn',
        qualifier: 'prod',
        region: 'eu-west-1',
        payload: { id: 8 },
        attempt: 1,
        status: 202,
        source: 'mock',
      },
    ]);
    expect(await callsEndpoint(url)).toEqual(JSON.parse(JSON.stringify(lambda.calls)));
    lambda.expectInvoked('orders-fn:prod', { id: 8 });
  });

  it('replays a cassette to the AWS CLI and boto3, recorded errors included', async () => {
    writeFileSync(join(dir, 'replay.json'), JSON.stringify(replayCassette));
    lambda = await openCassette('replay', { dir, mode: 'replay' });
    const { url } = await lambda.listen();
    const cli = await awsCliInvokeAsync(url, 'orders-fn', join(dir, 'order.json'));
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual({ Status: 202 });
    const boto = await boto3InvokeAsync(url, [
      ['orders-fn', '{ "id": 8 }'],
      ['gone-fn', '{}'],
    ]);
    expect(boto).toEqual([
      { status: 202, requestId: REPLAYED_ID },
      {
        error: {
          code: 'ResourceNotFoundException',
          status: 404,
          message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:gone-fn',
        },
      },
    ]);
    expect(lambda.calls.map((c) => [c.functionName, c.payload, c.status, c.source])).toEqual([
      ['orders-fn', { id: 7 }, 202, 'replay'],
      ['orders-fn', { id: 8 }, 202, 'replay'],
      ['gone-fn', {}, 404, 'replay'],
    ]);
    expect(await callsEndpoint(url)).toEqual(JSON.parse(JSON.stringify(lambda.calls)));
    await lambda.close(); // every request matched: no rejection
  });

  it('answers a replay miss with a 400 no SDK retries, whose message is the miss, and still makes the miss visible', async () => {
    writeFileSync(join(dir, 'miss.json'), JSON.stringify(replayCassette));
    lambda = await openCassette('miss', { dir, mode: 'replay' });
    const failures: string[] = [];
    const { url } = await lambda.listen({
      onFailure: (e, req) => failures.push(`${e.name} ${req.method} ${req.path}`),
    });
    const answer = await request(`${url}${invokePath('orders-fn')}`, {
      body: '{"id":99}',
      headers: { authorization: scope('us-east-1') },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers['x-amzn-errortype']).toBe('CassetteMissException');
    const body = JSON.parse(answer.body) as { Type: string; message: string };
    expect(body.Type).toBe('User');
    expect(body.message).toMatch(
      /^lambda-cassette: no recorded answer in .*miss\.json for InvokeAsync orders-fn \(us-east-1\) \{"id":99\}/,
    );
    expect(body.message).toContain('LAMBDA_CASSETTE_MODE=new-episodes');
    expect(failures).toEqual([`CassetteMissError POST ${invokePath('orders-fn')}`]);
    expect(await callsEndpoint(url)).toEqual([
      {
        operation: 'InvokeAsync',
        invocationType: 'Event',
        functionName: 'orders-fn',
        region: 'us-east-1',
        payload: { id: 99 },
        attempt: 1,
        status: 0,
        errorType: 'CassetteMissError',
        source: 'replay',
      },
    ]);
    const closing = await caught(() => lambda!.close());
    expect(closing).toBeInstanceOf(UnmatchedRequestsError);
    expect(closing.message).toMatch(/orders-fn \(us-east-1\)[\s\S]*"id": 99/);
  });

  it('sends injected errors byte-for-byte and simulates faults at the socket', async () => {
    lambda = await mockLambda();
    const server = await lambda.listen();
    const at = `${server.url}${invokePath('orders-fn')}`;
    lambda.inject('ThrottlingException', { times: 1 });
    const throttled = await request(at, { body: '{}' });
    expect(throttled.status).toBe(400);
    expect(throttled.headers['x-amzn-errortype']).toBe('ThrottlingException');
    expect(JSON.parse(throttled.body)).toEqual({ Type: 'User', message: 'Rate exceeded' });

    lambda.injectFault('connection-reset', { times: 1 });
    expect((await caught(() => request(at, { body: '{}' }))).code).toBe('ECONNRESET');

    lambda.injectFault('timeout', { times: 1 });
    const pending = request(at, { body: '{}' });
    const state = await Promise.race([
      pending.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((r) => setTimeout(() => r('still waiting'), 300)),
    ]);
    expect(state).toBe('still waiting'); // no answer: the client's own timeout decides
    await server.close(); // drops the held connection
    expect((await caught(() => pending)).code).toBe('ECONNRESET');
    expect(lambda.calls.map((c) => [c.status, c.errorType, c.source])).toEqual([
      [400, 'ThrottlingException', 'injected'],
      [0, 'connection-reset', 'injected'],
      [0, 'timeout', 'injected'],
    ]);
  });

  it('answers anything that is not Invoke or InvokeAsync as an unknown operation, without logging it', async () => {
    lambda = await mockLambda();
    const { url } = await lambda.listen();
    for (const [method, path] of [
      ['GET', '/2015-03-31/functions/'],
      ['POST', '/2015-03-31/functions/f/response-streaming-invocations'],
      ['GET', invokePath('f')],
    ] as const) {
      const res = await request(`${url}${path}`, { method, body: method === 'POST' ? '{}' : undefined });
      expect(res.status).toBe(404);
      expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
      expect(JSON.parse(res.body)).toMatchObject({ Type: 'User' });
    }
    const proxyForm = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: Number(new URL(url).port) }, () =>
        socket.end('GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(proxyForm).toMatch(/^HTTP\/1\.1 404 [\s\S]*x-amzn-ErrorType: UnknownOperationException/);
    expect((await request(`${url}/_lambda-cassette/calls`, { method: 'DELETE' })).status).toBe(405);
    expect(lambda.calls).toEqual([]);
  });

  it("is stopped by the double's close()", async () => {
    lambda = await mockLambda();
    const a = await lambda.listen();
    const b = await lambda.listen({ port: 0 });
    await lambda.close();
    for (const server of [a, b])
      expect((await caught(() => request(`${server.url}/_lambda-cassette/calls`, { method: 'GET' }))).code).toBe(
        'ECONNREFUSED',
      );
    await a.close(); // idempotent
    await expect(lambda.listen()).rejects.toThrow(/closed double/);
    await expect(mockLambda().then((d) => ((lambda = d), d.listen({ port: 70_000 })))).rejects.toMatchObject({
      code: 'LC_INVALID_OPTION',
    });
  });

  it('refuses to forward a recording to itself, and says why', async () => {
    lambda = await openCassette('loop', { dir, mode: 'record', allowRecordingInCI: true });
    const failures: Error[] = [];
    const { url } = await lambda.listen({ onFailure: (e) => failures.push(e) });
    await caught(() =>
      request(`${url}${invokePath('orders-fn')}`, { body: '{}', headers: { authorization: scope('us-east-1') } }),
    );
    expect(failures.map((e) => e.name).sort()).toEqual(['LoopbackForwardLoopError', 'UpstreamError']);
    expect(failures.find((e) => e.name === 'LoopbackForwardLoopError')!.message).toMatch(/--target/);
    await expect(lambda.close()).rejects.toBeInstanceOf(RecordingIncompleteError);
  });
});

describe('recording through listen() with a target (a real moto)', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
    await moto.createFunction('orders-fn');
  }, 60_000);
  afterAll(() => moto?.stop());

  it('forwards the AWS CLI to the target, writes what it answered, then replays it with no network', async () => {
    lambda = await openCassette('recorded', { dir, mode: 'record', target: moto.url, allowRecordingInCI: true });
    const recording = await lambda.listen();
    const live = await awsCliInvokeAsync(recording.url, 'orders-fn', join(dir, 'order.json'));
    expect(live.code).toBe(0);
    expect(JSON.parse(live.stdout)).toEqual({ Status: 202 });
    await lambda.close();
    const cassette = JSON.parse(readFileSync(join(dir, 'recorded.json'), 'utf8')) as Cassette;
    expect(cassette.interactions).toHaveLength(1);
    expect(cassette.interactions[0]!.request).toEqual({
      functionName: 'orders-fn',
      region: 'us-east-1',
      payload: { json: { id: 7 } },
    });
    expect(cassette.interactions[0]!.response.status).toBe(202);
    expect(JSON.stringify(cassette)).not.toMatch(/AKIDEXAMPLE|x-lambda-cassette-via/);

    await moto.startRecording();
    lambda = await openCassette('recorded', { dir, mode: 'replay' });
    const replaying = await lambda.listen();
    const [boto] = await boto3InvokeAsync(replaying.url, [['orders-fn', '{"id":7}']]);
    expect(boto).toMatchObject({
      status: 202,
      requestId: cassette.interactions[0]!.response.headers['x-amzn-requestid'],
    });
    expect(await moto.recordedRequests()).toEqual([]);
  });
});
