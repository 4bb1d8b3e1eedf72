/**
 * Random stacks of encodings around a caller's credentials, as an endpoint might echo them: the
 * recorder's scrub leaves 0 of them on disk (or refuses the interaction), keeps the body decodable
 * through the same stack, and `validate` flags the unscrubbed body. `FUZZ_RUNS`, `FUZZ_SEED` and
 * `FUZZ_PATH` work as in the door fuzzers.
 */
import fc from 'fast-check';
import { brotliCompressSync, brotliDecompressSync, deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBody, encodeBody, type Interaction } from '../../src/cassette/index.js';
import { scanForSecrets } from '../../src/cli/secret-scan.js';
import { UnscrubbableSecretError } from '../../src/index.js';
import { scrubInteraction } from '../../src/recording/scrub-interaction.js';
import { fuzzParameters } from '../nothing-escapes/fuzz/fuzz-support.js';
import { secretTraces } from './secret-forms.js';

const KEY_ID = 'ASIAQ4W8E2R6T0Y3U5I7';
const TOKEN = `IQoJb3JpZ2luX2VjE${Buffer.from(Array.from({ length: 180 }, (_, i) => (i * 53 + 7) % 256)).toString('base64')}`;

interface Layer {
  name: string;
  encode: (b: Buffer) => Buffer;
  decode: (b: Buffer) => Buffer;
}

const PLAIN = /[A-Za-z0-9_.~-]/;
const escapeBytes = (b: Buffer, escape: (byte: number) => string) =>
  Buffer.from(
    [...b].map((x) => (PLAIN.test(String.fromCharCode(x)) ? String.fromCharCode(x) : escape(x))).join(''),
    'latin1',
  );
const hex2 = (x: number) => x.toString(16).padStart(2, '0');

const LAYERS: readonly Layer[] = [
  {
    name: 'url',
    encode: (b) => escapeBytes(b, (x) => `%${hex2(x).toUpperCase()}`),
    decode: (b) =>
      Buffer.from(
        b.toString('latin1').replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ),
  },
  {
    name: 'json-u',
    encode: (b) => escapeBytes(b, (x) => `\\u00${hex2(x)}`),
    decode: (b) =>
      Buffer.from(
        b.toString('latin1').replace(/\\u([0-9A-Fa-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ),
  },
  {
    name: 'html',
    encode: (b) => escapeBytes(b, (x) => `&#x${hex2(x)};`),
    decode: (b) =>
      Buffer.from(
        b.toString('latin1').replace(/&#x([0-9A-Fa-f]+);/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ),
  },
  {
    name: 'base64',
    encode: (b) => Buffer.from(b.toString('base64')),
    decode: (b) => Buffer.from(b.toString('latin1'), 'base64'),
  },
  {
    name: 'base64url',
    encode: (b) => Buffer.from(b.toString('base64url')),
    decode: (b) => Buffer.from(b.toString('latin1'), 'base64url'),
  },
  {
    name: 'hex',
    encode: (b) => Buffer.from(b.toString('hex')),
    decode: (b) => Buffer.from(b.toString('latin1'), 'hex'),
  },
  {
    name: 'HEX',
    encode: (b) => Buffer.from(b.toString('hex').toUpperCase()),
    decode: (b) => Buffer.from(b.toString('latin1'), 'hex'),
  },
  { name: 'gzip', encode: (b) => gzipSync(b), decode: (b) => gunzipSync(b) },
  { name: 'deflate', encode: (b) => deflateSync(b), decode: (b) => inflateSync(b) },
  { name: 'brotli', encode: (b) => brotliCompressSync(b), decode: (b) => brotliDecompressSync(b) },
  {
    name: 'utf16le',
    encode: (b) => Buffer.from(b.toString('latin1'), 'utf16le'),
    decode: (b) => Buffer.from(b.toString('utf16le'), 'latin1'),
  },
  {
    name: 'utf16be',
    encode: (b) => Buffer.from(b.toString('latin1'), 'utf16le').swap16(),
    decode: (b) => Buffer.from(Buffer.from(b).swap16().toString('utf16le'), 'latin1'),
  },
];

const caseOf = fc.constantFrom('as is', 'lower', 'upper');
const junk = fc.string({ maxLength: 20 }).map((s) => s.replace(/[A-Za-z0-9+/=]/g, ' '));
/** Each case decodes and searches a few bodies many ways: 500 unless FUZZ_RUNS says otherwise. */
const parameters = () => ({ ...fuzzParameters(), ...(process.env['FUZZ_RUNS'] === undefined ? { numRuns: 500 } : {}) });
const stacks = fc.array(fc.constantFrom(...LAYERS), { minLength: 1, maxLength: 4 });

function plainBody(prefix: string, suffix: string, letterCase: string): Buffer {
  const text = `${prefix}{"key":"${KEY_ID}","token":"${TOKEN}"}${suffix}`;
  return Buffer.from(
    letterCase === 'lower' ? text.toLowerCase() : letterCase === 'upper' ? text.toUpperCase() : text,
    'utf8',
  );
}

const interactionWith = (body: Buffer): Interaction => ({
  request: { functionName: 'echo-fn', region: 'us-east-1', payload: { json: {} } },
  response: { status: 202, headers: {}, body: encodeBody(body, false) },
  recordedAt: '2026-12-07T00:00:00.000Z',
});

describe('random encoding stacks', () => {
  it('never reach disk: scrubbed in their own form, or refused', () => {
    fc.assert(
      fc.property(stacks, caseOf, junk, junk, (stack, letterCase, prefix, suffix) => {
        const body = stack.reduce((b, layer) => layer.encode(b), plainBody(prefix, suffix, letterCase));
        let scrubbed: Interaction;
        try {
          scrubbed = scrubInteraction(interactionWith(body), {
            redact: [],
            maskAccountIds: false,
            secrets: [TOKEN, KEY_ID],
          }).interaction;
        } catch (e) {
          expect(e).toBeInstanceOf(UnscrubbableSecretError);
          return;
        }
        const text = JSON.stringify(scrubbed);
        expect(secretTraces(text, [KEY_ID, TOKEN])).toEqual([]);
        // Still well-formed: the same stack decodes it, to a text without the credentials.
        const plain = [...stack]
          .reverse()
          .reduce<Buffer>((b, layer) => layer.decode(b), Buffer.from(decodeBody(scrubbed.response.body)))
          .toString('latin1')
          .toLowerCase();
        expect(plain.includes(KEY_ID.toLowerCase()) || plain.includes(TOKEN.toLowerCase())).toBe(false);
        expect(plain).toContain('redacted-credential');
      }),
      parameters(),
    );
  }, 600_000);

  it('are flagged by validate, with the layers it decoded', () => {
    fc.assert(
      fc.property(stacks, caseOf, junk, junk, (stack, letterCase, prefix, suffix) => {
        const body = stack.reduce((b, layer) => layer.encode(b), plainBody(prefix, suffix, letterCase));
        const rules = scanForSecrets({ interactions: [interactionWith(body)] }).map((f) => f.rule);
        expect(rules).toEqual(expect.arrayContaining(['aws-access-key-id', 'session-token']));
      }),
      parameters(),
    );
  }, 600_000);
});
