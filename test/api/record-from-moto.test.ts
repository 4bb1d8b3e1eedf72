/**
 * Recording from a real third-party Lambda endpoint (moto on loopback), then replaying with moto's own
 * request recorder proving that nothing reached it. The test fails, never skips, when moto cannot start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeAsyncCommand, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import { openCassette } from '../../src/index.js';
import { startMoto, type MotoServer } from '../support/moto.js';

let moto: MotoServer;
let dir: string;

beforeAll(async () => {
  moto = await startMoto();
  await moto.createFunction('orders-fn');
  dir = await mkdtemp(join(tmpdir(), 'lc-moto-'));
}, 60_000);
afterAll(async () => {
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Outcome {
  ok: boolean;
  name?: string;
  ctor?: string;
  status?: number;
  message?: string;
  attempts?: number;
  requestId?: string;
}

async function outcome(config: LambdaClientConfig, FunctionName: string, InvokeArgs: string): Promise<Outcome> {
  try {
    const out = await moto.lambdaClient(config).send(new InvokeAsyncCommand({ FunctionName, InvokeArgs }));
    return {
      ok: true,
      status: out.$metadata.httpStatusCode,
      attempts: out.$metadata.attempts,
      requestId: out.$metadata.requestId,
    };
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number; attempts?: number } };
    return {
      ok: false,
      name: err.name,
      ctor: err.constructor.name,
      status: err.$metadata?.httpStatusCode,
      message: err.message,
      attempts: err.$metadata?.attempts,
    };
  }
}

describe.each([
  ['a success', 'orders-fn', '{"id":7}', { ok: true, status: 202 }],
  ['ResourceNotFoundException', 'nope', '{"id":7}', { ok: false, name: 'ResourceNotFoundException', status: 404 }],
  [
    "moto's HTML 500 for a body that is not JSON",
    'orders-fn',
    'not json',
    { ok: false, name: 'SyntaxError', status: 500, attempts: 3 },
  ],
] as const)('%s', (label, fn, body, expected) => {
  const name = label.replace(/\W+/g, '-');
  it('records it from moto, then replays it with nothing sent, and the SDK sees the same outcome', async () => {
    const config = { maxAttempts: 3 };
    const recording = await openCassette(name, { dir, endpoint: moto.url, mode: 'record', allowRecordingInCI: true });
    const recorded = await outcome(config, fn, body);
    await recording.close();
    expect(recorded).toMatchObject(expected);
    expect(recording.calls.every((c) => c.source === 'record')).toBe(true);

    await moto.startRecording();
    const replaying = await openCassette(name, { dir, endpoint: moto.url, mode: 'replay' });
    const replayed = await outcome(config, fn, body);
    await replaying.close();
    expect(await moto.recordedRequests()).toEqual([]);
    await moto.stopRecording();

    expect(replayed).toEqual(recorded);
    expect(replaying.calls.map((c) => [c.status, c.source])).toEqual(recording.calls.map((c) => [c.status, 'replay']));
  });
});

it('the recorder itself sees requests, so an empty recording above means nothing was sent', async () => {
  await moto.startRecording();
  await outcome({}, 'orders-fn', '{}');
  expect((await moto.recordedRequests()).length).toBeGreaterThan(0);
  await moto.stopRecording();
});

it("keeps moto's odd success answer byte-for-byte (HTML body, extra headers)", async () => {
  const raw = await moto.invokeAsyncRaw('orders-fn', '{"id":1}');
  const d = await openCassette('odd-success', { dir, endpoint: moto.url, mode: 'record', allowRecordingInCI: true });
  await outcome({}, 'orders-fn', '{"id":1}');
  await d.close();
  const cassette = JSON.parse(await readFile(join(dir, 'odd-success.json'), 'utf8')) as {
    interactions: { response: { status: number; headers: Record<string, string>; body: { text?: string } } }[];
  };
  const response = cassette.interactions[0]!.response;
  expect(response.status).toBe(202);
  expect(response.headers['content-type']).toBe(raw.headers['content-type']);
  expect(response.headers['x-amz-function-error']).toBe('Handled');
  expect(response.body.text).toBe(raw.body.toString('utf8'));
});

it('a record run with session credentials leaves no credential or signature in any file', async () => {
  const credentials = {
    accessKeyId: 'ASIAQWERTYUIOPASDFGH',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY1',
    sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN//////////wEaCXVzLWVhc3QtMSJHMEUCIQD',
  };
  const creds = join(dir, 'creds');
  const d = await openCassette('with-session', {
    dir: creds,
    endpoint: moto.url,
    mode: 'record',
    allowRecordingInCI: true,
  });
  const signatures: string[] = [];
  const client = moto.lambdaClient({ credentials, maxAttempts: 1 });
  client.middlewareStack.add(
    (next) => async (args) => {
      const auth = (args.request as { headers: Record<string, string> }).headers['authorization'] ?? '';
      signatures.push(/Signature=([0-9a-f]+)/.exec(auth)?.[1] ?? '');
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'captureSignature' },
  );
  await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":1}' }));
  await client.send(new InvokeAsyncCommand({ FunctionName: 'nope', InvokeArgs: '{"id":1}' })).catch(() => undefined);
  await d.close();
  expect(signatures.filter(Boolean)).toHaveLength(2);

  const files = await readdir(creds, { recursive: true });
  expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(1);
  for (const f of files) {
    const text = await readFile(join(creds, f), 'utf8').catch(() => '');
    for (const secret of [
      credentials.accessKeyId,
      credentials.secretAccessKey,
      credentials.sessionToken,
      ...signatures,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(
      /authorization|x-amz-security-token|x-amz-date|amz-sdk-invocation-id|AWS4-HMAC-SHA256|Signature=/i,
    );
  }
});
