/**
 * Counterexamples the encoding-stack fuzz (secret-encodings-fuzz.test.ts) found, kept as fixed cases:
 * a brotli body behind text escapes, whose compressed bytes happen to hold an escape-looking pair
 * (`\"`, `\\`). Undoing that "escape" corrupts the stream, yet brotli, which has no checksum, still
 * decodes it, to a text that holds the credentials. The scrub used to replace them there and write
 * that stream back JSON-escaped inside the real escapes, so the body no longer decoded. The streams
 * are stored as bytes rather than compressed here: another brotli version would compress the same
 * text to other bytes, without the pair.
 */
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBody, encodeBody, type Interaction } from '../../src/cassette/index.js';
import { scrubInteraction } from '../../src/recording/scrub-interaction.js';
import { secretTraces } from './secret-forms.js';

// The fuzz test's credentials: the streams below hold them.
const KEY_ID = 'ASIAQ4W8E2R6T0Y3U5I7';
const TOKEN = `IQoJb3JpZ2luX2VjE${Buffer.from(Array.from({ length: 180 }, (_, i) => (i * 53 + 7) % 256)).toString('base64')}`;

/** Brotli of `  !#!$'?{"key":…,"token":…}  [     `, lower-cased; a `\"` at byte 233. */
const LOWER_JSON =
  'GzkB+J0HthP6o5kiW0PpewkSstUjLDp9OoTkZM/inMrPAp/UlS5QOihwB6LRSMppB1ygpBcVgf3vNKtdHfIK2SN/2ebeYal7fKlPZ7egVPYBvINp2xnLloDhVooJ3rpi0yuPPhDUya7Mq6tQ9NycucOlTNH3jrlgH3oK3bPIDshqJ79a5Ok9urPlK9I9eQNlmn49qziq/P5U18Cb48y6NMQ29KaJwG+x9AhebvVVipMuZUjWFKNjfcGNgPqH1tPKbPfigDvzyKRlMuzKL8p79dMXOegjNrXmgqlNgkczh0ezeKjfV1GiCf5cIqOW7QtbU2mE3T0sdzMA';
/** Brotli of the upper-case hex of `<-{"key":…,"token":…}   )`, upper-cased; a `\\` at byte 103. */
const UPPER_HEX =
  'G18C+AU0tpQWrglDwo+qSbpqohsqT73zVnHRXZVTRTdsuj04szBlZUiaO9HIzqyqp0r4ucjn8bbzc6iEY/OkeNSVcnCQ8rhcNjF2y2V3RIqHn5nJETYP8joZbsvNcXHr91g2PuFl21xcvoRiMDETeJjcuqgYOE52QrLdLhaPMXQ+p52RTufWJRkcQC5kGXRTynZmZLotD8fYAo+T6/LQMUXPAAfhZKfZIYhhpdzR5bJYlsPJcdhtLhtX3ZHDR+eA4Qc3j53ltCcui8OwbPwsB5flsCGvMwKjLjuby0sC8DNT7HSniwK7g8lQW/3Cz0UN7OwsNhAuoTJ5mU66x2mPlN3mBuUkFj86q+ZbrdoS';

const PLAIN = /[A-Za-z0-9_.~-]/;
const escapeBytes = (b: Buffer, escape: (hex: string) => string) =>
  Buffer.from(
    [...b].map((x) => (PLAIN.test(String.fromCharCode(x)) ? String.fromCharCode(x) : escape(x.toString(16)))).join(''),
    'latin1',
  );
const unescapeBytes = (b: Buffer, escape: RegExp) =>
  Buffer.from(
    b.toString('latin1').replace(escape, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  );
const url = (b: Buffer) => escapeBytes(b, (h) => `%${h.toUpperCase().padStart(2, '0')}`);
const unUrl = (b: Buffer) => unescapeBytes(b, /%([0-9A-Fa-f]{2})/g);
const html = (b: Buffer) => escapeBytes(b, (h) => `&#x${h.padStart(2, '0')};`);
const unHtml = (b: Buffer) => unescapeBytes(b, /&#x([0-9A-Fa-f]+);/g);

function scrubbedBody(body: Buffer): { disk: string; bytes: Buffer } {
  const interaction: Interaction = {
    request: { functionName: 'echo-fn', region: 'us-east-1', payload: { json: {} } },
    response: { status: 202, headers: {}, body: encodeBody(body, false) },
    recordedAt: '2026-12-07T00:00:00.000Z',
  };
  const scrubbed = scrubInteraction(interaction, { redact: [], maskAccountIds: false, secrets: [TOKEN, KEY_ID] });
  return {
    disk: JSON.stringify(scrubbed.interaction),
    bytes: Buffer.from(decodeBody(scrubbed.interaction.response.body)),
  };
}

function expectScrubbed(plain: Buffer): void {
  const text = plain.toString('latin1').toLowerCase();
  expect(text).not.toContain(KEY_ID.toLowerCase());
  expect(text).not.toContain(TOKEN.toLowerCase());
  expect(text).toContain('redacted-credential');
}

describe('a brotli body behind escapes, whose bytes look like an escape', () => {
  it('is a trap: the stream with that "escape" undone still decodes, to other text', () => {
    for (const [stream, pair] of [
      [LOWER_JSON, /\\"/],
      [UPPER_HEX, /\\\\/],
    ] as const) {
      const bytes = Buffer.from(stream, 'base64');
      const latin1 = bytes.toString('latin1');
      expect(latin1).toMatch(pair);
      const corrupted = Buffer.from(latin1.replace(/\\(["\\/])/g, '$1'), 'latin1');
      const plain = brotliDecompressSync(bytes);
      expect(brotliDecompressSync(corrupted).equals(plain)).toBe(false);
    }
  });

  it('URL-encoded twice: scrubbed as bytes, and still decodes through both escapes', () => {
    const { disk, bytes } = scrubbedBody(url(url(Buffer.from(LOWER_JSON, 'base64'))));
    expect(secretTraces(disk, [KEY_ID, TOKEN])).toEqual([]);
    expectScrubbed(brotliDecompressSync(unUrl(unUrl(bytes))));
  });

  it('HTML-escaped, around hex: scrubbed as bytes, and still decodes through the escapes and the hex', () => {
    const { disk, bytes } = scrubbedBody(html(Buffer.from(UPPER_HEX, 'base64')));
    expect(secretTraces(disk, [KEY_ID, TOKEN])).toEqual([]);
    expectScrubbed(Buffer.from(brotliDecompressSync(unHtml(bytes)).toString('latin1'), 'hex'));
  });
});
