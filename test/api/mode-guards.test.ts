/** Mode selection (env over code, CI), cassette name and corrupt-file guards, and scrubbing before disk. */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { CassetteError, InvalidCassetteNameError, openCassette, RecordingInCIError } from '../../src/index.js';
import { useUpstreamWorkspace } from '../support/upstream-workspace.js';
import { caught } from '../support/sdk.js';

const ws = useUpstreamWorkspace('mode-guards');

describe('mode selection and guards', () => {
  it('LAMBDA_CASSETTE_MODE overrides the code', async () => {
    vi.stubEnv('LAMBDA_CASSETTE_MODE', 'passthrough');
    const d = await ws.open('env', { mode: 'replay' });
    expect(d.mode).toBe('passthrough');
    await d.close();
    const mock = await ws.open('env', { mode: 'mock' });
    expect(mock.mode).toBe('mock');
    await mock.close();
    vi.stubEnv('LAMBDA_CASSETTE_MODE', 'sideways');
    await expect(ws.open('env')).rejects.toThrow(/LAMBDA_CASSETTE_MODE="sideways" is not a mode/);
  });

  it('with CI=true a mode that would write fails at open, unless allowed', async () => {
    vi.stubEnv('CI', 'true');
    for (const mode of ['record', 'new-episodes', 'auto'] as const) {
      await expect(ws.open('ci', { mode })).rejects.toThrow(RecordingInCIError);
    }
    const allowed = await ws.open('ci', { mode: 'record', allowRecordingInCI: true });
    await allowed.close();
    vi.stubEnv('LAMBDA_CASSETTE_ALLOW_CI_RECORD', '1');
    await (await ws.open('ci2', { mode: 'record' })).close();
    vi.stubEnv('LAMBDA_CASSETTE_ALLOW_CI_RECORD', '');
    // An existing cassette in auto mode only replays, so CI may use it.
    await (await ws.open('ci', { mode: 'auto' })).close();
  });

  it('rejects cassette names that leave the folder', async () => {
    await expect(ws.open('../escape')).rejects.toThrow(InvalidCassetteNameError);
    await expect(ws.open('/abs/path')).rejects.toThrow(InvalidCassetteNameError);
    await expect(ws.open('')).rejects.toThrow(InvalidCassetteNameError);
  });

  it('a corrupt cassette is a clear error at open in every mode that writes it, at the first request that reaches it in a replay, and is left untouched', async () => {
    mkdirSync(ws.dir, { recursive: true });
    const corrupt =
      '{"version": 1, "recordedWith": {"library": "lambda-cassette", "libraryVersion": "0.1.0", "node": "v20"}, "interactions": [{"request": {}}]}\n';
    writeFileSync(ws.file('corrupt'), corrupt);
    const named = (err: unknown) => {
      expect(err).toBeInstanceOf(CassetteError);
      expect((err as CassetteError).code).toBe('LC_CASSETTE_SCHEMA');
      expect((err as CassetteError).message).toContain(ws.file('corrupt'));
      expect((err as CassetteError).jsonPath).toBe('/interactions/0');
    };
    for (const mode of ['record', 'new-episodes'] as const)
      named(await ws.open('corrupt', { mode }).catch((e: unknown) => e));
    // A replay checks each interaction when it first needs it: the request fails with the error loading gave, and close() names it.
    for (const mode of ['replay', 'auto'] as const) {
      const lambda = await ws.open('corrupt', { mode });
      const err = await ws.invoke('orders-fn', { id: 1 }).catch((e: unknown) => e);
      named(err);
      expect(lambda.calls).toHaveLength(1);
      await expect(lambda.close()).rejects.toThrow(
        `${ws.file('corrupt')}: /interactions/0 must have required property`,
      );
    }
    writeFileSync(ws.file('truncated'), corrupt.slice(0, 40));
    await expect(ws.open('truncated', { mode: 'record' })).rejects.toMatchObject({ code: 'LC_CASSETTE_INVALID_JSON' });
    writeFileSync(ws.file('future'), corrupt.replace('"version": 1', '"version": 99'));
    await expect(ws.open('future')).rejects.toMatchObject({ code: 'LC_CASSETTE_FUTURE_VERSION' });
    expect(readFileSync(ws.file('corrupt'), 'utf8')).toBe(corrupt);
    expect(readFileSync(ws.file('truncated'), 'utf8')).toBe(corrupt.slice(0, 40));
  });
});

describe('scrubbing before disk', () => {
  it('redacts payload fields by JSONPath and masks account ids, and replay still matches the real payload', async () => {
    await ws.restartUpstream((req) => ({
      status: 404,
      headers: {
        'content-type': 'application/json',
        'x-amzn-ErrorType': 'ResourceNotFoundException',
        'x-amzn-RequestId': 'r-1',
      },
      body: JSON.stringify({
        Type: 'User',
        Message: `Function not found: arn:aws:lambda:us-east-1:987654321098:function:${req.url.split('/')[3]}`,
      }),
    }));
    const payload = {
      order: 7,
      card: { number: '4111111111111111', cvv: '123' },
      user: { profile: { password: 'hunter2' } },
    };
    const arn = 'arn:aws:lambda:us-east-1:987654321098:function:pay-fn';
    const recording = await ws.open('scrubbed', {
      mode: 'record',
      redact: ['$.card.number', '$..password'],
      maskAccountIds: true,
    });
    const recorded = await caught(() => ws.invoke(arn, payload));
    await recording.close();

    const text = readFileSync(ws.file('scrubbed'), 'utf8');
    expect(text).not.toContain('4111111111111111');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('987654321098');
    expect(text).toContain('[REDACTED]');
    expect(text).toContain('"cvv": "123"');
    expect(JSON.parse(text)).toMatchObject({
      filters: { redact: ['$.card.number', '$..password'], maskAccountIds: true },
    });

    // Replay needs no options: the cassette says how it was scrubbed.
    const replaying = await openCassette('scrubbed', { dir: ws.dir, endpoint: ws.upstream.url, mode: 'replay' });
    const replayed = await caught(() => ws.invoke(arn, payload));
    await replaying.close();
    expect(replayed.name).toBe(recorded.name);
    expect(recorded.message).toContain('987654321098');
    expect(replayed.message).toBe(recorded.message.replaceAll('987654321098', '000000000000'));
    expect(replaying.calls[0]).toMatchObject({ source: 'replay', arn, payload });
  });
});
