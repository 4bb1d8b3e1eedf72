/**
 * Bearer credentials (JWTs, `Bearer <token>`) are scrubbed whenever a recording holds them, and
 * replay still matches a request carrying a fresh one; `validate` flags them. A credential in a
 * form the recorder cannot rewrite safely refuses the interaction: nothing is written, and a
 * request payload that cannot be recorded is not sent.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { capturingIo } from '../support/capturing-io.js';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { openCassette, RecordingIncompleteError, UnrecordableRequestError } from '../../src/index.js';
import { scanForSecrets } from '../../src/cli/secret-scan.js';
import { validateCommand } from '../../src/cli/validate.js';
import { lambdaClient } from '../support/sdk.js';
import { startUpstream, type UpstreamAnswer } from '../support/upstream-server.js';
import { cassette, interaction } from '../cli/fixtures.js';
import { echoesSecret, secretTraces } from './secret-forms.js';

const jwt = (sub: string) =>
  [
    Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
    Buffer.from(`{"sub":"${sub}","exp":1893456000}`).toString('base64url'),
    'c2lnbmF0dXJlLWJ5dGVzLWhlcmUtMDEyMzQ1Njc4OQ',
  ].join('.');
const JWT_A = jwt('user-a');
const JWT_B = jwt('user-b');
const BEARER = 'gho_16C7e42F292c6912E7710c838347Ae178B4a';
const TOKEN = `IQoJb3JpZ2luX2VjE${Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 29 + 3) % 256)).toString('base64')}`;
const credentials = {
  accessKeyId: 'ASIAZ7Q2W5M3N8P4R6T1',
  secretAccessKey: 'x9Fq2L7mZ4vB1nK8cR5tW3yH6jD0gS2aP7eU4iO1',
  sessionToken: TOKEN,
};

const dirs: string[] = [];
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lc-bearer-'));
  dirs.push(dir);
  vi.stubEnv('CI', '');
  vi.stubEnv('LAMBDA_CASSETTE_MODE', '');
});
afterEach(() => vi.unstubAllEnvs());
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function withUpstream<T>(
  answer: () => UpstreamAnswer,
  run: (url: string, received: () => number) => Promise<T>,
): Promise<T> {
  const upstream = await startUpstream(answer);
  try {
    return await run(upstream.url, () => upstream.received.length);
  } finally {
    await upstream.close();
  }
}

const send = (url: string, payload: string) =>
  lambdaClient({ endpoint: url, credentials, maxAttempts: 1 }).send(
    new InvokeAsyncCommand({ FunctionName: 'auth-fn', InvokeArgs: payload }),
  );

describe('bearer credentials', () => {
  it('are scrubbed from payloads, bodies and headers, and a fresh JWT still replays', async () => {
    const answer = (): UpstreamAnswer => ({
      status: 202,
      headers: { 'content-type': 'application/json', 'x-upstream-auth': `Bearer ${BEARER}` },
      body: JSON.stringify({ id_token: JWT_B, note: `use Authorization: Bearer ${BEARER}` }),
    });
    await withUpstream(answer, async (url, received) => {
      const recording = await openCassette('bearer', { dir, endpoint: url, mode: 'record' });
      await send(url, JSON.stringify({ session: JWT_A, n: 1 }));
      await recording.close();
      const text = readFileSync(join(dir, 'bearer.json'), 'utf8');
      expect(secretTraces(text, [JWT_A, JWT_B, BEARER])).toEqual([]);
      expect(text.match(/REDACTED-CREDENTIAL/g)).toHaveLength(4);
      expect(text).toContain('Bearer [REDACTED-CREDENTIAL]');

      const replay = await openCassette('bearer', { dir, endpoint: url, mode: 'replay' });
      await send(url, JSON.stringify({ session: jwt('someone-else-tomorrow'), n: 1 }));
      await replay.close();
      expect(replay.calls.map((c) => c.source)).toEqual(['replay']);
      expect(received()).toBe(1);
    });
  });

  it('are flagged by validate by place, and a look-alike is not', async () => {
    const notJwt = [Buffer.from('{"typ":"none"}').toString('base64url'), 'eyJzdWIiOiJ4In0', 'c2ln'].join('.');
    const doc = cassette([
      interaction(
        'auth-fn',
        { json: { session: JWT_A, other: notJwt, prose: 'Bearer tokens are described in RFC 6750' } },
        { headers: { 'x-upstream-auth': `Bearer ${BEARER}` } },
      ),
    ]);
    expect(scanForSecrets(doc).map((f) => [f.jsonPath, f.rule])).toEqual([
      ['/interactions/0/request/payload/json/session', 'jwt'],
      ['/interactions/0/response/headers/x-upstream-auth', 'bearer-token'],
    ]);
    const file = join(dir, 'leaky.json');
    writeFileSync(file, JSON.stringify(doc));
    const io = capturingIo();
    expect(await validateCommand([file], {}, io)).toBe(1);
    expect(io.output()).toContain(
      '/interactions/0/request/payload/json/session secret jwt: JSON Web Token at character 0',
    );
    for (const secret of [JWT_A.split('.')[1]!, BEARER]) expect(echoesSecret(io.output(), secret)).toBe(false);
  });
});

describe('a credential that cannot be rewritten safely', () => {
  // A base64 run mixing both alphabets is decoded by neither; the forward check still sees the token in it.
  const mixed = `x-_${Buffer.concat([Buffer.from([1]), Buffer.from(TOKEN), Buffer.from([0xfb, 0xff])]).toString('base64')}`;

  it('in an answer: close() rejects naming the function, and writes nothing', async () => {
    expect(mixed).toMatch(/[+/]/);
    await withUpstream(
      () => ({ status: 202, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ blob: mixed }) }),
      async (url) => {
        const recording = await openCassette('refused', { dir, endpoint: url, mode: 'record' });
        await send(url, '{"n":1}');
        const error = await recording.close().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(RecordingIncompleteError);
        expect((error as Error).message).toMatch(/auth-fn .*could not be removed safely/);
        expect(echoesSecret((error as Error).message, TOKEN)).toBe(false);
        expect(existsSync(join(dir, 'refused.json'))).toBe(false);
      },
    );
  });

  it("in the caller's own payload: the request is not sent", async () => {
    await withUpstream(
      () => ({ status: 202, body: '{}' }),
      async (url, received) => {
        const recording = await openCassette('refused-request', { dir, endpoint: url, mode: 'record' });
        const sent = await send(url, JSON.stringify({ blob: mixed })).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(sent).toBeInstanceOf(UnrecordableRequestError);
        await expect(recording.close()).rejects.toBeInstanceOf(RecordingIncompleteError);
        expect(received()).toBe(0);
        expect(existsSync(join(dir, 'refused-request.json'))).toBe(false);
      },
    );
  });
});

describe('dummy credentials', () => {
  it("are not taken for secrets: a session token 'test' leaves every word with 'test' in it alone", async () => {
    const { scrubInteraction } = await import('../../src/recording/scrub-interaction.js');
    const recorded = interaction('test-fn', { json: { note: 'contest TEST latest' } }, { body: { text: 'tested' } });
    const { interaction: out } = scrubInteraction(recorded, {
      redact: [],
      maskAccountIds: false,
      secrets: ['test', 'AKIDTEST'],
    });
    expect(out).toEqual(recorded);
  });
});
