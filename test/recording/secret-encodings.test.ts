/**
 * A caller's access key id and session token, sent in its own payload or echoed by the endpoint in a
 * body or a header, in every encoding of secret-forms.ts: recording writes none of it in any form
 * (searched for in every form, not only the raw one), replay still matches what was recorded, and
 * `validate` flags each form where it is, without repeating the secret.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { capturingIo } from '../support/capturing-io.js';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { encodeBody } from '../../src/cassette/index.js';
import { openCassette, type Cassette } from '../../src/index.js';
import { validateCommand, validateFile } from '../../src/cli/validate.js';
import { lambdaClient } from '../support/sdk.js';
import { startUpstream, type ReceivedRequest, type UpstreamAnswer } from '../support/upstream-server.js';
import { bodyIn, echoesSecret, headerIn, secretTraces, SECRET_FORMS } from './secret-forms.js';
import { cassette, interaction } from '../cli/fixtures.js';

const KEY_ID = 'ASIAZ7Q2W5M3N8P4R6T1';
const TOKEN = `IQoJb3JpZ2luX2VjE${Buffer.from(Array.from({ length: 240 }, (_, i) => (i * 37 + 11) % 256)).toString('base64')}`;
const credentials = {
  accessKeyId: KEY_ID,
  secretAccessKey: 'x9Fq2L7mZ4vB1nK8cR5tW3yH6jD0gS2aP7eU4iO1',
  sessionToken: TOKEN,
};
const PLACES = ['request body', 'response body', 'response header'] as const;
type Place = (typeof PLACES)[number];
const CASES = SECRET_FORMS.flatMap((form, f) => PLACES.map((place, p) => ({ form, place, fn: `c${f}-p${p}` })));
const caseOf = (fn: string) => CASES.find((c) => c.fn === fn)!;

let dir = '';
let upstream: Awaited<ReturnType<typeof startUpstream>>;
const report = { onDisk: new Set<string>(), notFlagged: new Set<string>() };

function answer(req: ReceivedRequest): UpstreamAnswer {
  const { form, place } = caseOf(/functions\/([^/]+)\//.exec(req.url)![1]!);
  // What the endpoint echoes is what the request carried, as it arrived.
  const key = /Credential=([A-Z0-9]+)\//.exec(String(req.headers.authorization))![1]!;
  const token = String(req.headers['x-amz-security-token']);
  if (place === 'response body')
    return {
      status: 202,
      headers: { ...(form.contentEncoding ? { 'content-encoding': form.contentEncoding } : {}) },
      body: bodyIn(form, key, token),
    };
  if (place === 'response header')
    return {
      status: 202,
      headers: { 'content-type': 'application/json', 'x-echo': headerIn(form, key, token) },
      body: '{"Status":202}',
    };
  return { status: 202, headers: { 'content-type': 'application/json' }, body: '{"Status":202}' };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lc-secret-forms-'));
  upstream = await startUpstream(answer);
  vi.stubEnv('CI', '');
  vi.stubEnv('LAMBDA_CASSETTE_MODE', '');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await upstream.close();
  rmSync(dir, { recursive: true, force: true });
  if (process.env['SECRET_FORMS_REPORT']) {
    const forms = (set: Set<string>) => new Set([...set].map((k) => k.split(' @ ')[0])).size;
    console.log(
      `forms reaching disk: ${forms(report.onDisk)} of ${SECRET_FORMS.length} (${report.onDisk.size} of ${CASES.length} form x place cases)`,
    );
    console.log(
      `forms validate missed: ${forms(report.notFlagged)} of ${SECRET_FORMS.length} (${report.notFlagged.size} of ${CASES.length} cases)`,
    );
    console.log([...report.onDisk].join('\n'));
  }
});

const send = (fn: string, payload: Buffer) =>
  lambdaClient({ endpoint: upstream.url, credentials, maxAttempts: 1 }).send(
    new InvokeAsyncCommand({ FunctionName: fn, InvokeArgs: payload }),
  );

describe('recording writes no credential in any form', () => {
  it.each(CASES.map((c) => [`${c.form.name} in the ${c.place}`, c] as const))('%s', async (_, { form, place, fn }) => {
    const payload = place === 'request body' ? bodyIn(form, KEY_ID, TOKEN) : Buffer.from('{"n":1}');
    const recording = await openCassette(fn, { dir, endpoint: upstream.url, mode: 'record' });
    await send(fn, payload);
    await recording.close();
    const text = readFileSync(join(dir, `${fn}.json`), 'utf8');
    const traces = secretTraces(text, [KEY_ID, TOKEN]);
    if (traces.length > 0) report.onDisk.add(`${form.name} @ ${place}`);
    expect(traces).toEqual([]);
    // The marker stands where they were, written in the same form (hex of it, base64 of it, ...).
    expect(secretTraces(text, ['REDACTED-CREDENTIAL'])).not.toEqual([]);
    if (place !== 'request body') return;
    // Matching scrubs the incoming request the way recording did: the same call replays.
    const replay = await openCassette(fn, { dir, endpoint: upstream.url, mode: 'replay' });
    await send(fn, payload);
    await replay.close();
    expect(replay.calls.map((c) => c.source)).toEqual(['replay']);
  });
});

const POINTERS: Record<Place, string> = {
  'request body': '/interactions/0/request/payload',
  'response body': '/interactions/0/response/body',
  'response header': '/interactions/0/response/headers/x-echo',
};

/** A cassette as an older recorder (or a hand edit) could have left it: the form in place, unscrubbed. */
function leakedCassette(place: Place, form: (typeof SECRET_FORMS)[number]): Cassette {
  const body = bodyIn(form, KEY_ID, TOKEN);
  if (place === 'request body') return cassette([interaction('leaky-fn', encodeBody(body, true))]);
  if (place === 'response body') {
    return cassette([
      interaction(
        'leaky-fn',
        { json: {} },
        {
          headers: form.contentEncoding ? { 'content-encoding': form.contentEncoding } : {},
          body: encodeBody(body, false),
        },
      ),
    ]);
  }
  return cassette([interaction('leaky-fn', { json: {} }, { headers: { 'x-echo': headerIn(form, KEY_ID, TOKEN) } })]);
}

describe('validate flags every form where it is, and never repeats the secret', () => {
  it.each(CASES.map((c) => [`${c.form.name} in the ${c.place}`, c] as const))('%s', async (_, { form, place, fn }) => {
    const file = join(dir, `leaked-${fn}.json`);
    writeFileSync(file, JSON.stringify(leakedCassette(place, form), null, 2));
    const findings = (await validateFile(file)).filter((f) => f.kind === 'secret');
    const at = findings.filter((f) => f.where.startsWith(POINTERS[place]));
    const rules = new Set(at.map((f) => f.message.split(':')[0]));
    if (!(rules.has('aws-access-key-id') && rules.has('session-token')))
      report.notFlagged.add(`${form.name} @ ${place}`);
    expect([...rules].sort()).toEqual(expect.arrayContaining(['aws-access-key-id', 'session-token']));
    // Each finding says which encodings were undone to see it: none for text as it is (in any case),
    // nor for JSON escapes in a request payload, which is stored parsed.
    const decoded = at.filter((f) => (f.forms ?? []).length > 0);
    const plain =
      ['raw', 'lower case', 'upper case'].includes(form.name) ||
      (place === 'request body' && form.name.startsWith('JSON'));
    if (plain) expect(decoded).toEqual([]);
    else expect(decoded.length).toBeGreaterThan(0);
    for (const f of decoded) expect(f.message).toContain(`found after decoding ${f.forms!.join(' > ')}`);
    const io = capturingIo();
    expect(await validateCommand([file], {}, io)).toBe(1);
    expect(await validateCommand([file], { json: true }, io)).toBe(1);
    expect(echoesSecret(io.output(), KEY_ID), io.output()).toBe(false);
    expect(echoesSecret(io.output(), TOKEN), io.output()).toBe(false);
  });
});
