/**
 * Expiry on a cassette recorded from moto whose interaction is made 100 days old, under
 * `maxAge: '30d'`, with each `onExpired` strategy; `'record'` re-records from moto, except under
 * `CI=true` (and in replay mode), where the mode's own rule stands.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  CassetteExpiredError,
  openCassette,
  UnmatchedRequestsError,
  type OpenCassetteOptions,
} from '../../src/index.js';
import { caught } from '../support/sdk.js';
import { editCassette, useMotoWorkspace, invokeVia, readCassette, recordFromMoto } from '../support/moto-cassette.js';

const DAY = 86_400_000;
const hundredDaysAgo = () => new Date(Date.now() - 100 * DAY).toISOString();
let counter = 0;

const w = useMotoWorkspace('expiry', ['orders-fn']);

/** A fresh cassette recorded from moto, its one interaction then aged 100 days. */
async function agedCassette(): Promise<{ name: string; file: string; recordedAt: string }> {
  const name = `aged-${++counter}`;
  const file = await recordFromMoto(w.moto, w.dir, name, [['orders-fn', { id: 7 }]]);
  const recordedAt = hundredDaysAgo();
  editCassette(file, (c) => (c.interactions[0]!.recordedAt = recordedAt));
  return { name, file, recordedAt };
}

/** Opens, sends one request (watching moto and warnings), closes. */
async function replayOnce(name: string, options: OpenCassetteOptions) {
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  process.on('warning', onWarning);
  await w.moto.startRecording();
  try {
    const lambda = await openCassette(name, { dir: w.dir, endpoint: w.moto.url, maxAge: '30d', ...options });
    const error = await invokeVia(w.moto, 'orders-fn', { id: 7 }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    const closed = await lambda.close().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    const sent = (await w.moto.recordedRequests()).filter((r) => r.path.includes('invoke-async'));
    return {
      lambda,
      error,
      closed,
      sent,
      warnings: warnings.filter((w) => (w as { code?: string }).code === 'LC_CASSETTE_EXPIRED'),
    };
  } finally {
    await w.moto.stopRecording();
    process.off('warning', onWarning);
  }
}

describe("an interaction aged 100 days under maxAge: '30d'", () => {
  it("onExpired: 'warn' (the default) replays it with a warning naming it and its age", async () => {
    const { name, file, recordedAt } = await agedCassette();
    const r = await replayOnce(name, { mode: 'replay' });
    expect(r.error).toBeUndefined();
    expect(r.closed).toBeUndefined();
    expect(r.sent).toEqual([]);
    expect(r.lambda.replayed).toBe(true);
    expect(r.warnings.map((w) => w.message)).toEqual([
      `lambda-cassette: ${file}: interaction #1 (orders-fn) was recorded 100 days ago (${recordedAt}), over maxAge (30 days). It was replayed.`,
    ]);
  });

  it("onExpired: 'error' fails the request, and close() rejects with CassetteExpiredError naming it", async () => {
    const { name, file } = await agedCassette();
    const r = await replayOnce(name, { mode: 'replay', onExpired: 'error' });
    expect(r.error).toBeDefined();
    expect(r.lambda.calls.map((c) => [c.status, c.errorType])).toEqual([[0, 'CassetteExpiredError']]);
    expect(r.closed).toBeInstanceOf(CassetteExpiredError);
    expect(r.closed).not.toBeInstanceOf(UnmatchedRequestsError);
    expect(r.closed!.message).toContain(`${file}: interaction #1 (orders-fn) was recorded 100 days ago`);
    expect(r.closed!.message).toContain('raise maxAge');
    expect(r.sent).toEqual([]);
    expect(r.lambda.replayed).toBe(false);
  });

  it('CassetteExpiredError reaches an in-process caller with the file, position and date', async () => {
    const { name, file, recordedAt } = await agedCassette();
    const lambda = await openCassette(name, { dir: w.dir, mode: 'replay', maxAge: 30 * DAY, onExpired: 'error' });
    const { InvokeAsyncCommand } = await import('@aws-sdk/client-lambda');
    const client = w.moto.lambdaClient({ requestHandler: lambda.requestHandler });
    const err = await caught(() =>
      client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' })),
    );
    await lambda.close().catch(() => undefined);
    const expired = [err, err.cause].find((e) => e instanceof CassetteExpiredError) as CassetteExpiredError;
    expect(expired).toMatchObject({ code: 'LC_CASSETTE_EXPIRED', file, index: 0, recordedAt });
  });

  it("onExpired: 'record' in auto mode re-records it from moto and replaces it in the file", async () => {
    const { name, file, recordedAt } = await agedCassette();
    const r = await replayOnce(name, { mode: 'auto', onExpired: 'record' });
    expect(r.error).toBeUndefined();
    expect(r.closed).toBeUndefined();
    expect(r.sent).toHaveLength(1);
    expect(r.lambda.calls.map((c) => [c.source, c.status])).toEqual([['record', 202]]);
    expect(r.lambda.recorded).toBe(true);
    expect(r.lambda.replayed).toBe(false);
    expect(r.lambda.mode).toBe('auto');
    const after = readCassette(file).interactions;
    expect(after).toHaveLength(1);
    expect(after[0]!.recordedAt).not.toBe(recordedAt);
    expect(Date.now() - Date.parse(after[0]!.recordedAt)).toBeLessThan(DAY);
    expect(r.warnings).toEqual([]);
  });

  it("onExpired: 'record' under CI=true does not record: it replays, warns why, and leaves the file", async () => {
    vi.stubEnv('CI', 'true');
    const { name, file } = await agedCassette();
    const before = readCassette(file);
    const r = await replayOnce(name, { mode: 'auto', onExpired: 'record' });
    expect(r.error).toBeUndefined();
    expect(r.sent).toEqual([]);
    expect(r.lambda.calls.map((c) => c.source)).toEqual(['replay']);
    expect(r.lambda.recorded).toBe(false);
    expect(readCassette(file)).toEqual(before);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.message).toContain('It was replayed, not recorded again: CI=true');
  });

  it("onExpired: 'record' in replay mode falls back to replaying", async () => {
    const { name } = await agedCassette();
    const r = await replayOnce(name, { mode: 'replay', onExpired: 'record' });
    expect(r.sent).toEqual([]);
    expect(r.lambda.calls.map((c) => c.source)).toEqual(['replay']);
    expect(r.warnings[0]!.message).toContain('not recorded again: mode "replay" never records');
  });

  it('an interaction younger than maxAge is simply replayed', async () => {
    const { name, file } = await agedCassette();
    editCassette(file, (c) => (c.interactions[0]!.recordedAt = new Date(Date.now() - 29 * DAY).toISOString()));
    const r = await replayOnce(name, { mode: 'auto', onExpired: 'error' });
    expect(r.error).toBeUndefined();
    expect(r.closed).toBeUndefined();
    expect(r.sent).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
});

describe('bad expiry options fail at open, naming the option', () => {
  it.each([
    [{ maxAge: '30 days' }, /option "maxAge" is "30 days"; use a number of milliseconds, or a string such as '30d'/],
    [{ maxAge: -5 }, /option "maxAge" is -5/],
    [{ onExpired: 'ignore' }, /option "onExpired" is "ignore"; use one of 'warn', 'error', 'record'/],
  ])('%j', async (options, message) => {
    const { name } = await agedCassette();
    await expect(
      openCassette(name, { dir: w.dir, mode: 'replay', ...(options as OpenCassetteOptions) }),
    ).rejects.toThrow(message);
  });
});
