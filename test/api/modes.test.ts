import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import {
  CassetteError,
  CassetteMissError,
  CassetteNotFoundError,
  InvalidCassetteNameError,
  openCassette,
  RecordingInCIError,
  UnmatchedRequestsError,
  type OpenCassetteOptions,
} from '../../src/index.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { startUpstream } from '../support/upstream-server.js';
import { caught, lambdaClient } from '../support/sdk.js';

let dir: string;
let upstream: Awaited<ReturnType<typeof startUpstream>>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lc-modes-'));
  upstream = await startUpstream();
  vi.stubEnv('CI', '');
  vi.stubEnv('LAMBDA_CASSETTE_MODE', '');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await upstream.close();
  await rm(dir, { recursive: true, force: true });
});

const open = (name: string, options: OpenCassetteOptions = {}) => openCassette(name, { dir, endpoint: upstream.url, ...options });
const client = () => lambdaClient({ endpoint: upstream.url, maxAttempts: 1 });
const invoke = (FunctionName: string, payload: unknown) =>
  client().send(new InvokeAsyncCommand({ FunctionName, InvokeArgs: typeof payload === 'string' ? payload : JSON.stringify(payload) }));
const file = (name: string) => join(dir, `${name}.json`);
const interactions = (name: string) => (JSON.parse(readFileSync(file(name), 'utf8')) as { interactions: { request: { payload: unknown } }[] }).interactions;

describe('auto mode', () => {
  it('records when the cassette is missing, then replays it without touching the network', async () => {
    const recording = await open('orders');
    expect(recording.mode).toBe('auto');
    await invoke('orders-fn', { id: 1 });
    expect(recording.calls).toMatchObject([{ source: 'record', status: 202 }]);
    await recording.close();
    expect(upstream.received).toHaveLength(1);
    expect(interactions('orders')).toMatchObject([{ request: { payload: { json: { id: 1 } } } }]);

    const replaying = await open('orders');
    const out = await invoke('orders-fn', { id: 1 });
    expect(out.Status).toBe(202);
    expect(out.$metadata.requestId).toBe('11111111-2222-3333-4444-555555555555');
    expect(replaying.calls).toMatchObject([{ source: 'replay', status: 202 }]);
    await replaying.close();
    expect(upstream.received).toHaveLength(1);
  });

  it('writes canonical JSON: sorted keys, 2 spaces, trailing newline', async () => {
    const d = await open('canonical');
    await invoke('orders-fn', { b: 2, a: 1 });
    await d.close();
    const text = readFileSync(file('canonical'), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "interactions": [');
    expect(text.indexOf('"a": 1')).toBeLessThan(text.indexOf('"b": 2'));
  });
});

describe('replay mode', () => {
  async function record(name: string, calls: [string, unknown][]) {
    const d = await open(name, { mode: 'record' });
    for (const [fn, payload] of calls) await invoke(fn, payload);
    await d.close();
  }

  it('a missing cassette is a clear error at open', async () => {
    await expect(open('nope', { mode: 'replay' })).rejects.toThrow(CassetteNotFoundError);
    await expect(open('nope', { mode: 'replay' })).rejects.toThrow(/nope\.json does not exist and mode is "replay"/);
  });

  it('never writes, and never contacts the endpoint', async () => {
    await record('ro', [['orders-fn', { id: 1 }]]);
    const before = readFileSync(file('ro'));
    const sent = upstream.received.length;
    const d = await open('ro', { mode: 'replay' });
    await invoke('orders-fn', { id: 1 });
    await caught(() => invoke('orders-fn', { id: 2 }));
    await expect(d.close()).rejects.toThrow(UnmatchedRequestsError);
    expect(readFileSync(file('ro')).equals(before)).toBe(true);
    expect(upstream.received).toHaveLength(sent);
  });

  it('matches payloads whatever their key order', async () => {
    await record('order', [['orders-fn', { a: 1, b: { c: 2, d: 3 } }]]);
    const d = await open('order', { mode: 'replay' });
    await invoke('orders-fn', '{"b":{"d":3,"c":2},"a":1}');
    await d.close();
    expect(d.calls[0]?.source).toBe('replay');
  });

  it('plays repeated identical calls in recorded order, then fails unless repeats are allowed', async () => {
    let n = 0;
    await upstream.close();
    upstream = await startUpstream(() => ({ status: 202, headers: { 'x-amzn-RequestId': `req-${++n}` }, body: '' }));
    await record('repeat', [
      ['f', { same: true }],
      ['f', { same: true }],
    ]);
    const d = await open('repeat', { mode: 'replay' });
    expect((await invoke('f', { same: true })).$metadata.requestId).toBe('req-1');
    expect((await invoke('f', { same: true })).$metadata.requestId).toBe('req-2');
    const err = await caught(() => invoke('f', { same: true }));
    expect(err).toBeInstanceOf(CassetteMissError);
    expect(err.message).toMatch(/its 2 recorded answer\(s\) were already played.*allowPlaybackRepeats/);
    await expect(d.close()).rejects.toThrow(/1 InvokeAsync request\(s\) found no recorded answer/);

    const repeating = await open('repeat', { mode: 'replay', allowPlaybackRepeats: true });
    for (const expected of ['req-1', 'req-2', 'req-2', 'req-2']) expect((await invoke('f', { same: true })).$metadata.requestId).toBe(expected);
    await repeating.close();
  });

  it('a miss fails the SDK call naming the cassette, the request and the closest interactions with what differs', async () => {
    await record('miss', [
      ['orders-fn', { id: 1, items: [{ sku: 'A', qty: 2 }] }],
      ['mailer', { to: 'a@b.c' }],
      ['orders-fn:prod', { id: 1, items: [{ sku: 'A', qty: 2 }] }],
    ]);
    const d = await open('miss', { mode: 'replay' });
    const err = await caught(() => invoke('orders-fn', { id: 1, items: [{ sku: 'A', qty: 3 }] }));
    expect(err.name).toBe('CassetteMissError');
    expect(err.message.replace(dir, '<dir>')).toMatchSnapshot();
    expect(d.calls).toMatchObject([{ status: 0, errorType: 'CassetteMissError', source: 'replay' }]);
    const closing = await d.close().catch((e: Error) => e);
    expect(closing).toBeInstanceOf(UnmatchedRequestsError);
    expect((closing as Error).message).toContain('miss.json');
    expect((closing as Error).message).toContain('orders-fn (us-east-1) {"id":1,"items":[{"qty":3,"sku":"A"}]}');
  });

  it('a custom match option can ignore the payload', async () => {
    await record('loose', [['f', { at: 1 }]]);
    const d = await open('loose', { mode: 'replay', match: ['functionName'] });
    await invoke('f', { at: 2 });
    await d.close();
    await expect(open('loose', { match: ['nope' as 'payload'] })).rejects.toThrow(/unknown field "nope"/);
  });
});

describe('record mode', () => {
  it('re-records every call it sees, replacing those answers on close and keeping answers it did not see', async () => {
    let n = 0;
    await upstream.close();
    upstream = await startUpstream(() => ({ status: 202, headers: { 'x-amzn-RequestId': `run-${++n}` }, body: '' }));
    const first = await open('rerecord', { mode: 'record' });
    await invoke('f', { v: 1 });
    await invoke('g', { v: 9 });
    await first.close();
    const second = await open('rerecord', { mode: 'record' });
    await invoke('f', { v: 1 });
    await second.close();
    const stored = interactions('rerecord') as unknown as { request: { functionName: string }; response: { headers: Record<string, string> } }[];
    expect(stored.map((i) => [i.request.functionName, i.response.headers['x-amzn-requestid']])).toEqual([
      ['g', 'run-2'],
      ['f', 'run-3'],
    ]);
    expect(upstream.received).toHaveLength(3);
  });

  it('keeps the old cassette when the endpoint could not be reached', async () => {
    const first = await open('unreachable', { mode: 'record' });
    await invoke('f', { v: 1 });
    await first.close();
    const before = readFileSync(file('unreachable'));
    await upstream.close();
    const second = await open('unreachable', { mode: 'record' });
    const err = await caught(() => invoke('f', { v: 2 }));
    expect(err.message).toMatch(/could not reach the real endpoint/);
    await expect(second.close()).rejects.toThrow(/left untouched/);
    expect(readFileSync(file('unreachable')).equals(before)).toBe(true);
    upstream = await startUpstream();
  });
});

describe('new-episodes mode', () => {
  it('replays what matches, records only what is missing, and appends it', async () => {
    const first = await open('episodes', { mode: 'record' });
    await invoke('f', { v: 1 });
    await first.close();
    const second = await open('episodes', { mode: 'new-episodes' });
    await invoke('f', { v: 1 });
    await invoke('f', { v: 2 });
    await second.close();
    expect(second.calls.map((c) => c.source)).toEqual(['replay', 'record']);
    expect(upstream.received.map((r) => JSON.parse(r.body) as unknown)).toEqual([{ v: 1 }, { v: 2 }]);
    expect(interactions('episodes').map((i) => i.request.payload)).toEqual([{ json: { v: 1 } }, { json: { v: 2 } }]);
  });

  it('does not rewrite a cassette when nothing was missing', async () => {
    const first = await open('still', { mode: 'record' });
    await invoke('f', { v: 1 });
    await first.close();
    const before = readFileSync(file('still'));
    const second = await open('still', { mode: 'new-episodes' });
    await invoke('f', { v: 1 });
    await second.close();
    expect(readFileSync(file('still')).equals(before)).toBe(true);
  });
});

describe('passthrough mode', () => {
  it('sends every call to the endpoint, logs it, and writes nothing', async () => {
    const d = await open('wild', { mode: 'passthrough' });
    await invoke('f', { v: 1 });
    await d.close();
    expect(d.calls).toMatchObject([{ source: 'passthrough', status: 202 }]);
    expect(upstream.received).toHaveLength(1);
    expect(existsSync(file('wild'))).toBe(false);
  });
});

describe('mode selection and guards', () => {
  it('LAMBDA_CASSETTE_MODE overrides the code', async () => {
    vi.stubEnv('LAMBDA_CASSETTE_MODE', 'passthrough');
    const d = await open('env', { mode: 'replay' });
    expect(d.mode).toBe('passthrough');
    await d.close();
    const mock = await open('env', { mode: 'mock' });
    expect(mock.mode).toBe('mock');
    await mock.close();
    vi.stubEnv('LAMBDA_CASSETTE_MODE', 'sideways');
    await expect(open('env')).rejects.toThrow(/LAMBDA_CASSETTE_MODE="sideways" is not a mode/);
  });

  it('with CI=true a mode that would write fails at open, unless allowed', async () => {
    vi.stubEnv('CI', 'true');
    for (const mode of ['record', 'new-episodes', 'auto'] as const) {
      await expect(open('ci', { mode })).rejects.toThrow(RecordingInCIError);
    }
    const allowed = await open('ci', { mode: 'record', allowRecordingInCI: true });
    await allowed.close();
    vi.stubEnv('LAMBDA_CASSETTE_ALLOW_CI_RECORD', '1');
    await (await open('ci2', { mode: 'record' })).close();
    vi.stubEnv('LAMBDA_CASSETTE_ALLOW_CI_RECORD', '');
    // An existing cassette in auto mode only replays, so CI may use it.
    await (await open('ci', { mode: 'auto' })).close();
  });

  it('rejects cassette names that leave the folder', async () => {
    await expect(open('../escape')).rejects.toThrow(InvalidCassetteNameError);
    await expect(open('/abs/path')).rejects.toThrow(InvalidCassetteNameError);
    await expect(open('')).rejects.toThrow(InvalidCassetteNameError);
  });

  it('a corrupt cassette is a clear error at open in every mode that reads it, and is left untouched', async () => {
    mkdirSync(dir, { recursive: true });
    const corrupt = '{"version": 1, "recordedWith": {"library": "lambda-cassette", "libraryVersion": "0.1.0", "node": "v20"}, "interactions": [{"request": {}}]}\n';
    writeFileSync(file('corrupt'), corrupt);
    for (const mode of ['replay', 'auto', 'record', 'new-episodes'] as const) {
      const err = await open('corrupt', { mode }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CassetteError);
      expect((err as CassetteError).message).toContain(file('corrupt'));
      expect((err as CassetteError).message).toContain('/interactions/0');
    }
    writeFileSync(file('truncated'), corrupt.slice(0, 40));
    await expect(open('truncated', { mode: 'record' })).rejects.toMatchObject({ code: 'LC_CASSETTE_INVALID_JSON' });
    writeFileSync(file('future'), corrupt.replace('"version": 1', '"version": 99'));
    await expect(open('future')).rejects.toMatchObject({ code: 'LC_CASSETTE_FUTURE_VERSION' });
    expect(readFileSync(file('corrupt'), 'utf8')).toBe(corrupt);
    expect(readFileSync(file('truncated'), 'utf8')).toBe(corrupt.slice(0, 40));
  });
});

describe('scrubbing before disk', () => {
  it('redacts payload fields by JSONPath and masks account ids, and replay still matches the real payload', async () => {
    await upstream.close();
    upstream = await startUpstream((req) => ({
      status: 404,
      headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': 'ResourceNotFoundException', 'x-amzn-RequestId': 'r-1' },
      body: JSON.stringify({ Type: 'User', Message: `Function not found: arn:aws:lambda:us-east-1:987654321098:function:${req.url.split('/')[3]}` }),
    }));
    const payload = { order: 7, card: { number: '4111111111111111', cvv: '123' }, user: { profile: { password: 'hunter2' } } };
    const arn = 'arn:aws:lambda:us-east-1:987654321098:function:pay-fn';
    const recording = await open('scrubbed', { mode: 'record', redact: ['$.card.number', '$..password'], maskAccountIds: true });
    const recorded = await caught(() => invoke(arn, payload));
    await recording.close();

    const text = readFileSync(file('scrubbed'), 'utf8');
    expect(text).not.toContain('4111111111111111');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('987654321098');
    expect(text).toContain('[REDACTED]');
    expect(text).toContain('"cvv": "123"');
    expect(JSON.parse(text)).toMatchObject({ filters: { redact: ['$.card.number', '$..password'], maskAccountIds: true } });

    // Replay needs no options: the cassette says how it was scrubbed.
    const replaying = await openCassette('scrubbed', { dir, endpoint: upstream.url, mode: 'replay' });
    const replayed = await caught(() => invoke(arn, payload));
    await replaying.close();
    expect(replayed.name).toBe(recorded.name);
    expect(recorded.message).toContain('987654321098');
    expect(replayed.message).toBe(recorded.message.replaceAll('987654321098', '000000000000'));
    expect(replaying.calls[0]).toMatchObject({ source: 'replay', arn, payload });
  });
});
