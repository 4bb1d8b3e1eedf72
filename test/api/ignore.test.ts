/**
 * `ignore`: volatile payload fields (a timestamp, a trace id) left out of matching, against a cassette
 * recorded from moto; and the miss that names the fields and suggests the entry when it is not set.
 */
import { describe, expect, it } from 'vitest';
import { CassetteMissError, openCassette, UnmatchedRequestsError } from '../../src/index.js';
import { caught } from '../support/sdk.js';
import { useMotoWorkspace, invokeVia, readCassette, recordFromMoto } from '../support/moto-cassette.js';

let file: string;
const recorded = { order: 7, sentAt: '2026-11-01T10:00:00.000Z', meta: { traceId: 'trace-aaa', source: 'web' } };
const later = { order: 7, sentAt: '2026-12-02T16:00:00.000Z', meta: { traceId: 'trace-bbb', source: 'web' } };

const w = useMotoWorkspace('ignore', ['orders-fn'], async ({ moto, dir }) => {
  file = await recordFromMoto(moto, dir, 'volatile', [['orders-fn', recorded]]);
});

describe("with ignore: ['$.sentAt', '$..traceId']", () => {
  it('a request with new sentAt and traceId replays the recording, sends nothing, and the file keeps the recorded values', async () => {
    const before = readCassette(file);
    await w.moto.startRecording();
    const lambda = await openCassette('volatile', {
      dir: w.dir,
      endpoint: w.moto.url,
      mode: 'replay',
      ignore: ['$.sentAt', '$..traceId'],
    });
    await invokeVia(w.moto, 'orders-fn', later);
    await lambda.close();
    expect(await w.moto.recordedRequests()).toEqual([]);
    await w.moto.stopRecording();
    expect(lambda.calls.map((c) => [c.source, c.status])).toEqual([['replay', 202]]);
    expect(lambda.replayed).toBe(true);
    expect(lambda.recorded).toBe(false);
    expect(readCassette(file)).toEqual(before);
    expect(before.interactions[0]!.request.payload).toEqual({ json: recorded });
  });

  it('still tells other values apart: a different order misses', async () => {
    const lambda = await openCassette('volatile', {
      dir: w.dir,
      endpoint: w.moto.url,
      mode: 'replay',
      ignore: ['$.sentAt', '$..traceId'],
    });
    const err = await caught(() => invokeVia(w.moto, 'orders-fn', { ...later, order: 8 }));
    expect(err.name).toBe('CassetteMissError');
    await expect(lambda.close()).rejects.toBeInstanceOf(UnmatchedRequestsError);
  });

  it('re-recording with ignore replaces the old interaction instead of adding one', async () => {
    const copy = await recordFromMoto(w.moto, w.dir, 'rerecorded', [['orders-fn', recorded]]);
    await recordFromMoto(w.moto, w.dir, 'rerecorded', [['orders-fn', later]], { ignore: ['$.sentAt', '$..traceId'] });
    expect(readCassette(copy).interactions.map((i) => i.request.payload)).toEqual([{ json: later }]);
  });
});

describe('without ignore', () => {
  it('the miss names the differing paths and suggests the ignore entry; close() repeats it', async () => {
    const lambda = await openCassette('volatile', { dir: w.dir, endpoint: w.moto.url, mode: 'replay' });
    const err = await caught(() => invokeVia(w.moto, 'orders-fn', later));
    const miss = (err as { cause?: unknown }).cause ?? err;
    const closing = await lambda.close().then(
      () => undefined,
      (e: unknown) => e as UnmatchedRequestsError,
    );
    expect(closing).toBeInstanceOf(UnmatchedRequestsError);
    const text = `  Hint: the payload differs only at $.meta.traceId, $.sentAt; if those values change on every run, open the cassette with ignore: ['$.meta.traceId', '$.sentAt'].`;
    expect(closing!.message).toContain(text);
    // The SDK surfaces the engine's error; the double keeps the structured suggestion on it.
    expect(String((miss as Error).message)).toContain("ignore: ['$.meta.traceId', '$.sentAt']");
  });

  it('CassetteMissError carries the paths and the suggestion', async () => {
    const lambda = await openCassette('volatile', {
      dir: w.dir,
      endpoint: w.moto.url,
      mode: 'replay',
      ignore: ['$.sentAt'],
    });
    const client = w.moto.lambdaClient({ requestHandler: lambda.requestHandler });
    const { InvokeAsyncCommand } = await import('@aws-sdk/client-lambda');
    const err = await caught(() =>
      client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: JSON.stringify(later) })),
    );
    await lambda.close().catch(() => undefined);
    const miss = [err, err.cause].find((e) => e instanceof CassetteMissError) as CassetteMissError | undefined;
    expect(miss).toBeDefined();
    // sentAt is already ignored: only the trace id is left to suggest.
    expect(miss!.differingPaths).toEqual(['$.meta.traceId']);
    expect(miss!.suggestedIgnore).toEqual(['$.meta.traceId']);
  });

  it('a request that differs in many places gets no suggestion', async () => {
    const lambda = await openCassette('volatile', { dir: w.dir, endpoint: w.moto.url, mode: 'replay' });
    await caught(() => invokeVia(w.moto, 'orders-fn', { a: 1, b: 2, c: 3, d: 4 }));
    const closing = await lambda.close().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(closing!.message).not.toContain('Hint:');
  });
});

describe('an invalid ignore option fails at open, naming the option', () => {
  it.each([
    [
      ['sentAt'],
      /option "ignore"\[0\] \("sentAt"\) is not a valid JSONPath: a JSONPath starts at the payload's root, "\$"/,
    ],
    [['$.ok', '$['], /option "ignore"\[1\] \("\$\["\) is not a valid JSONPath: cannot read it from "\[" on/],
    [['$'], /"\$" is the whole payload/],
    ['$.sentAt', /option "ignore" must be an array of JSONPath strings/],
  ])('%j', async (ignore, message) => {
    await expect(
      openCassette('volatile', { dir: w.dir, endpoint: w.moto.url, mode: 'replay', ignore: ignore as string[] }),
    ).rejects.toThrow(message);
  });
});
