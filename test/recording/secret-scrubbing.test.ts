/**
 * Credentials never reach a cassette, whatever shape an endpoint echoes them in
 * (gzip, binary, URL-encoded), `validate` finds them in the same shapes, and a caller whose own
 * payload carries its signing key id still replays what it recorded.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { openCassette } from '../../src/index.js';
import { scanForSecrets } from '../../src/cli/secret-scan.js';
import { lambdaClient, caught } from '../support/sdk.js';
import { startUpstream, type ReceivedRequest, type UpstreamAnswer } from '../support/upstream-server.js';

const KEY_ID = 'ASIAZ7Q2W5M3N8P4R6T1';
const TOKEN = `IQoJb3JpZ2luX2VjE${'aB3/+x9='.repeat(20)}Zz`;
const credentials = (accessKeyId = KEY_ID) => ({
  accessKeyId,
  secretAccessKey: 'x9Fq2L7mZ4vB1nK8cR5tW3yH6jD0gS2aP7eU4iO1',
  sessionToken: TOKEN,
});
const SIGNATURE = /Signature=([0-9a-f]{64})/;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Stored {
  interactions: {
    request: { payload: unknown };
    response: { body: { base64?: string; text?: string; json?: unknown } };
  }[];
}

/** Records one call answered by `answer`, returns the cassette as stored and what the upstream saw. */
async function recordOne(
  answer: (req: ReceivedRequest) => UpstreamAnswer,
  payload = '{"id":1}',
): Promise<{ stored: Stored; text: string; seen: ReceivedRequest }> {
  const upstream = await startUpstream(answer);
  const dir = mkdtempSync(join(tmpdir(), 'lc-secrets-'));
  dirs.push(dir);
  try {
    const lambda = await openCassette('c', { dir, endpoint: upstream.url, mode: 'record', allowRecordingInCI: true });
    await caught(async () => {
      await lambdaClient({ endpoint: upstream.url, credentials: credentials(), maxAttempts: 1 }).send(
        new InvokeAsyncCommand({ FunctionName: 'echo-fn', InvokeArgs: payload }),
      );
      throw new Error('answered');
    });
    await lambda.close();
    const text = readFileSync(join(dir, 'c.json'), 'utf8');
    return { stored: JSON.parse(text) as Stored, text, seen: upstream.received[0]! };
  } finally {
    await upstream.close();
  }
}

const echo = (req: ReceivedRequest) => {
  const signature = SIGNATURE.exec(String(req.headers.authorization))![1]!;
  return `key=${KEY_ID}&token=${String(req.headers['x-amz-security-token'])}&sig=${signature}`;
};

function expectNoCredential(bytes: Buffer | string, seen: ReceivedRequest): void {
  const text = Buffer.isBuffer(bytes) ? bytes.toString('latin1') : bytes;
  const signature = SIGNATURE.exec(String(seen.headers.authorization))![1]!;
  for (const secret of [KEY_ID, TOKEN, encodeURIComponent(TOKEN), signature])
    expect(text.includes(secret), `found ${secret.slice(0, 12)}…`).toBe(false);
  expect(text).toContain('[REDACTED-CREDENTIAL]');
}

describe('what an endpoint echoes is scrubbed before it is written', () => {
  it('inside a gzip response body, which stays valid gzip', async () => {
    const { stored, text, seen } = await recordOne((req) => ({
      status: 202,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ echo: echo(req) })),
    }));
    expect(text.includes(KEY_ID)).toBe(false);
    const body = gunzipSync(Buffer.from(stored.interactions[0]!.response.body.base64!, 'base64'));
    expectNoCredential(body, seen);
  });

  it('inside a binary response body', async () => {
    const { stored, seen } = await recordOne((req) => ({
      status: 202,
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.concat([
        Buffer.from([0xff, 0xfe, 0x00, 0x80]),
        Buffer.from(echo(req), 'latin1'),
        Buffer.from([0xc3]),
      ]),
    }));
    const body = Buffer.from(stored.interactions[0]!.response.body.base64!, 'base64');
    expectNoCredential(body, seen);
    expect([...body.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x00, 0x80]);
  });

  it('URL-encoded, as in a form body', async () => {
    const { text, seen } = await recordOne((req) => ({
      status: 202,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(String(req.headers['x-amz-security-token']))}&key=${KEY_ID}`,
    }));
    expectNoCredential(text, seen);
  });
});

describe('validate finds the same shapes', () => {
  const REAL_KEY = 'AKIAZ7Q2W5M3N8P4R6T1';
  it('a key id inside a gzip body stored as base64', () => {
    const doc = {
      interactions: [{ response: { body: { base64: gzipSync(`{"leak":"${REAL_KEY}"}`).toString('base64') } } }],
    };
    expect(scanForSecrets(doc).map((f) => [f.jsonPath, f.rule])).toEqual([
      ['/interactions/0/response/body/base64', 'aws-access-key-id'],
    ]);
  });

  it('a URL-encoded session token', () => {
    const doc = { interactions: [{ response: { body: { text: `token=${encodeURIComponent(TOKEN)}` } } }] };
    expect(scanForSecrets(doc).map((f) => [f.jsonPath, f.rule])).toEqual([
      ['/interactions/0/response/body/text', 'session-token'],
    ]);
  });
});

describe("a payload that carries the caller's own signing key id", () => {
  it('is stored without the key id, and replays for a caller signing with another key', async () => {
    const upstream = await startUpstream();
    const dir = mkdtempSync(join(tmpdir(), 'lc-secrets-'));
    dirs.push(dir);
    const send = (key: string, payloadKey = key) =>
      lambdaClient({ endpoint: upstream.url, credentials: credentials(key), maxAttempts: 1 }).send(
        new InvokeAsyncCommand({
          FunctionName: 'audit-fn',
          InvokeArgs: JSON.stringify({ signedBy: payloadKey, n: 1 }),
        }),
      );
    try {
      const recording = await openCassette('own-key', {
        dir,
        endpoint: upstream.url,
        mode: 'record',
        allowRecordingInCI: true,
      });
      await send(KEY_ID);
      await recording.close();
      expect(readFileSync(join(dir, 'own-key.json'), 'utf8').includes(KEY_ID)).toBe(false);

      const replay = await openCassette('own-key', {
        dir,
        endpoint: upstream.url,
        mode: 'replay',
        allowPlaybackRepeats: true,
      });
      await send(KEY_ID);
      await send('AKIDREPLAYKEY0000000');
      await replay.close();
      expect(replay.calls.map((c) => c.source)).toEqual(['replay', 'replay']);
      // The call log keeps what the code sent.
      expect(replay.calls.map((c) => (c.payload as { signedBy: string }).signedBy)).toEqual([
        KEY_ID,
        'AKIDREPLAYKEY0000000',
      ]);

      const other = await openCassette('own-key', { dir, endpoint: upstream.url, mode: 'replay' });
      await caught(() => send('AKIDREPLAYKEY0000000', 'someone-else'));
      await expect(other.close()).rejects.toMatchObject({ code: 'LC_UNMATCHED_REQUESTS' });
      expect(upstream.received).toHaveLength(1);
    } finally {
      await upstream.close();
    }
  });
});
