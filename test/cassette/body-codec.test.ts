import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeBody,
  encodeBody,
  loadCassette,
  newCassette,
  writeCassetteAtomic,
  type Body,
} from '../../src/cassette/index.js';
import { useTempDir } from './support/temp-dir.js';

const dir = useTempDir();

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const kind = (body: Body): string => Object.keys(body)[0]!;

const html = '<!DOCTYPE html>\n<html><body><h1>Docker is not running</h1><p>ünïcödé ✓ 🚀</p></body></html>\n';
const invalidUtf8 = Uint8Array.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x0a]);

/** [case, bytes, preferJson, expected stored kind] */
const cases: [string, Uint8Array, boolean, string][] = [
  ['compact JSON response', utf8('{"Status":202}'), false, 'json'],
  ['JSON response whose keys are not sorted', utf8('{"b":1,"a":2}'), false, 'text'],
  ['JSON response with whitespace', utf8('{ "Status": 202 }\n'), false, 'text'],
  ['JSON response with a number JSON would rewrite', utf8('{"n":1.0}'), false, 'text'],
  ['JSON with a __proto__ key', utf8('{"__proto__":{"x":1}}'), true, 'text'],
  ['HTML text', utf8(html), false, 'text'],
  ['text with a byte-order mark', utf8('\uFEFFhello'), false, 'text'],
  ['empty body', new Uint8Array(0), true, 'text'],
  ['invalid UTF-8', invalidUtf8, false, 'base64'],
  ['every byte value', Uint8Array.from({ length: 256 }, (_, i) => i), false, 'base64'],
  ['random bytes', new Uint8Array(randomBytes(4096)), true, 'base64'],
];

describe('body encoding', () => {
  it.each(cases)('%s round-trips byte-for-byte', (_name, bytes, preferJson, expectedKind) => {
    const body = encodeBody(bytes, preferJson);
    expect(kind(body)).toBe(expectedKind);
    expect(hex(decodeBody(body))).toBe(hex(bytes));
  });

  it('stores a request payload by value whenever it is JSON, whatever its formatting', () => {
    expect(encodeBody(utf8('{ "b": [1, 2], "a": {"y": null, "x": true} }'), true)).toEqual({
      json: { b: [1, 2], a: { y: null, x: true } },
    });
    expect(encodeBody(utf8('"a string"'), true)).toEqual({ json: 'a string' });
    expect(encodeBody(utf8('not json'), true)).toEqual({ text: 'not json' });
    // Its bytes are then the canonical JSON text.
    expect(new TextDecoder().decode(decodeBody({ json: { b: 1, a: [{ d: 1, c: 2 }] } }))).toBe(
      '{"a":[{"c":2,"d":1}],"b":1}',
    );
  });

  it('every kind of body survives a cassette file byte-for-byte', async () => {
    const file = path.join(dir.path, 'bodies.json');
    const cassette = newCassette();
    for (const [, bytes, preferJson] of cases) {
      cassette.interactions.push({
        request: { functionName: 'fn', region: 'us-east-1', payload: encodeBody(bytes, preferJson) },
        response: { status: 202, headers: {}, body: encodeBody(bytes, false) },
        recordedAt: '2026-11-22T00:00:00.000Z',
      });
    }
    await writeCassetteAtomic(file, cassette);
    const loaded = await loadCassette(file);
    expect(loaded!.interactions.map((i) => hex(decodeBody(i.response.body)))).toEqual(
      cases.map(([, bytes]) => hex(bytes)),
    );
  });
});
