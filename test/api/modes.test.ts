import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { CassetteMissError, CassetteNotFoundError, UnmatchedRequestsError } from '../../src/index.js';
import { useUpstreamWorkspace } from '../support/upstream-workspace.js';
import { caught } from '../support/sdk.js';

const ws = useUpstreamWorkspace('modes');

describe('auto mode', () => {
  it('records when the cassette is missing, then replays it without touching the network', async () => {
    const recording = await ws.open('orders');
    expect(recording.mode).toBe('auto');
    await ws.invoke('orders-fn', { id: 1 });
    expect(recording.calls).toMatchObject([{ source: 'record', status: 202 }]);
    await recording.close();
    expect(ws.upstream.received).toHaveLength(1);
    expect(ws.interactions('orders')).toMatchObject([{ request: { payload: { json: { id: 1 } } } }]);

    const replaying = await ws.open('orders');
    const out = await ws.invoke('orders-fn', { id: 1 });
    expect(out.Status).toBe(202);
    expect(out.$metadata.requestId).toBe('11111111-2222-3333-4444-555555555555');
    expect(replaying.calls).toMatchObject([{ source: 'replay', status: 202 }]);
    await replaying.close();
    expect(ws.upstream.received).toHaveLength(1);
  });

  it('writes canonical JSON: sorted keys, 2 spaces, trailing newline', async () => {
    const d = await ws.open('canonical');
    await ws.invoke('orders-fn', { b: 2, a: 1 });
    await d.close();
    const text = readFileSync(ws.file('canonical'), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "interactions": [');
    expect(text.indexOf('"a": 1')).toBeLessThan(text.indexOf('"b": 2'));
  });
});

describe('replay mode', () => {
  async function record(name: string, calls: [string, unknown][]) {
    const d = await ws.open(name, { mode: 'record' });
    for (const [fn, payload] of calls) await ws.invoke(fn, payload);
    await d.close();
  }

  it('a missing cassette is a clear error at open', async () => {
    await expect(ws.open('nope', { mode: 'replay' })).rejects.toThrow(CassetteNotFoundError);
    await expect(ws.open('nope', { mode: 'replay' })).rejects.toThrow(/nope\.json does not exist and mode is "replay"/);
  });

  it('never writes, and never contacts the endpoint', async () => {
    await record('ro', [['orders-fn', { id: 1 }]]);
    const before = readFileSync(ws.file('ro'));
    const sent = ws.upstream.received.length;
    const d = await ws.open('ro', { mode: 'replay' });
    await ws.invoke('orders-fn', { id: 1 });
    await caught(() => ws.invoke('orders-fn', { id: 2 }));
    await expect(d.close()).rejects.toThrow(UnmatchedRequestsError);
    expect(readFileSync(ws.file('ro')).equals(before)).toBe(true);
    expect(ws.upstream.received).toHaveLength(sent);
  });

  it('matches payloads whatever their key order', async () => {
    await record('order', [['orders-fn', { a: 1, b: { c: 2, d: 3 } }]]);
    const d = await ws.open('order', { mode: 'replay' });
    await ws.invoke('orders-fn', '{"b":{"d":3,"c":2},"a":1}');
    await d.close();
    expect(d.calls[0]?.source).toBe('replay');
  });

  it('plays repeated identical calls in recorded order, then fails unless repeats are allowed', async () => {
    let n = 0;
    await ws.restartUpstream(() => ({ status: 202, headers: { 'x-amzn-RequestId': `req-${++n}` }, body: '' }));
    await record('repeat', [
      ['f', { same: true }],
      ['f', { same: true }],
    ]);
    const d = await ws.open('repeat', { mode: 'replay' });
    expect((await ws.invoke('f', { same: true })).$metadata.requestId).toBe('req-1');
    expect((await ws.invoke('f', { same: true })).$metadata.requestId).toBe('req-2');
    const err = await caught(() => ws.invoke('f', { same: true }));
    expect(err).toBeInstanceOf(CassetteMissError);
    expect(err.message).toMatch(/its 2 recorded answer\(s\) were already played.*allowPlaybackRepeats/);
    await expect(d.close()).rejects.toThrow(/1 Lambda invocation request\(s\) found no recorded answer/);

    const repeating = await ws.open('repeat', { mode: 'replay', allowPlaybackRepeats: true });
    for (const expected of ['req-1', 'req-2', 'req-2', 'req-2'])
      expect((await ws.invoke('f', { same: true })).$metadata.requestId).toBe(expected);
    await repeating.close();
  });

  it('a miss fails the SDK call naming the cassette, the request and the closest interactions with what differs', async () => {
    await record('miss', [
      ['orders-fn', { id: 1, items: [{ sku: 'A', qty: 2 }] }],
      ['mailer', { to: 'a@b.c' }],
      ['orders-fn:prod', { id: 1, items: [{ sku: 'A', qty: 2 }] }],
    ]);
    const d = await ws.open('miss', { mode: 'replay' });
    const err = await caught(() => ws.invoke('orders-fn', { id: 1, items: [{ sku: 'A', qty: 3 }] }));
    expect(err.name).toBe('CassetteMissError');
    expect(err.message.replace(ws.dir, '<dir>')).toMatchSnapshot();
    expect(d.calls).toMatchObject([{ status: 0, errorType: 'CassetteMissError', source: 'replay' }]);
    const closing = await d.close().catch((e: Error) => e);
    expect(closing).toBeInstanceOf(UnmatchedRequestsError);
    expect((closing as Error).message).toContain('miss.json');
    expect((closing as Error).message).toContain('orders-fn (us-east-1) {"id":1,"items":[{"qty":3,"sku":"A"}]}');
  });

  it('a custom match option can ignore the payload', async () => {
    await record('loose', [['f', { at: 1 }]]);
    const d = await ws.open('loose', { mode: 'replay', match: ['functionName'] });
    await ws.invoke('f', { at: 2 });
    await d.close();
    await expect(ws.open('loose', { match: ['nope' as 'payload'] })).rejects.toThrow(/unknown field "nope"/);
  });
});

describe('record mode', () => {
  it('re-records every call it sees, replacing those answers on close and keeping answers it did not see', async () => {
    let n = 0;
    await ws.restartUpstream(() => ({ status: 202, headers: { 'x-amzn-RequestId': `run-${++n}` }, body: '' }));
    const first = await ws.open('rerecord', { mode: 'record' });
    await ws.invoke('f', { v: 1 });
    await ws.invoke('g', { v: 9 });
    await first.close();
    const second = await ws.open('rerecord', { mode: 'record' });
    await ws.invoke('f', { v: 1 });
    await second.close();
    const stored = ws.interactions('rerecord') as unknown as {
      request: { functionName: string };
      response: { headers: Record<string, string> };
    }[];
    expect(stored.map((i) => [i.request.functionName, i.response.headers['x-amzn-requestid']])).toEqual([
      ['g', 'run-2'],
      ['f', 'run-3'],
    ]);
    expect(ws.upstream.received).toHaveLength(3);
  });

  it('keeps the old cassette when the endpoint could not be reached', async () => {
    const first = await ws.open('unreachable', { mode: 'record' });
    await ws.invoke('f', { v: 1 });
    await first.close();
    const before = readFileSync(ws.file('unreachable'));
    await ws.upstream.close();
    const second = await ws.open('unreachable', { mode: 'record' });
    const err = await caught(() => ws.invoke('f', { v: 2 }));
    expect(err.message).toMatch(/could not reach the real endpoint/);
    await expect(second.close()).rejects.toThrow(/left untouched/);
    expect(readFileSync(ws.file('unreachable')).equals(before)).toBe(true);
  });
});

describe('new-episodes mode', () => {
  it('replays what matches, records only what is missing, and appends it', async () => {
    const first = await ws.open('episodes', { mode: 'record' });
    await ws.invoke('f', { v: 1 });
    await first.close();
    const second = await ws.open('episodes', { mode: 'new-episodes' });
    await ws.invoke('f', { v: 1 });
    await ws.invoke('f', { v: 2 });
    await second.close();
    expect(second.calls.map((c) => c.source)).toEqual(['replay', 'record']);
    expect(ws.upstream.received.map((r) => JSON.parse(r.body) as unknown)).toEqual([{ v: 1 }, { v: 2 }]);
    expect(ws.interactions('episodes').map((i) => i.request.payload)).toEqual([{ json: { v: 1 } }, { json: { v: 2 } }]);
  });

  it('does not rewrite a cassette when nothing was missing', async () => {
    const first = await ws.open('still', { mode: 'record' });
    await ws.invoke('f', { v: 1 });
    await first.close();
    const before = readFileSync(ws.file('still'));
    const second = await ws.open('still', { mode: 'new-episodes' });
    await ws.invoke('f', { v: 1 });
    await second.close();
    expect(readFileSync(ws.file('still')).equals(before)).toBe(true);
  });
});

describe('passthrough mode', () => {
  it('sends every call to the endpoint, logs it, and writes nothing', async () => {
    const d = await ws.open('wild', { mode: 'passthrough' });
    await ws.invoke('f', { v: 1 });
    await d.close();
    expect(d.calls).toMatchObject([{ source: 'passthrough', status: 202 }]);
    expect(ws.upstream.received).toHaveLength(1);
    expect(existsSync(ws.file('wild'))).toBe(false);
  });
});
