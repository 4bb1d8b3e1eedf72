import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Interaction, JsonValue } from '../../src/cassette/index.js';
import { decodeBody } from '../../src/cassette/body-codec.js';
import { replayedResponse } from '../../src/engine/recorded-response.js';

/** An interaction answering with `headers`, parsed from JSON as a loaded cassette's are. */
function answering(headersJson: string, body: Interaction['response']['body'] = { json: { a: 1 } }): Interaction {
  return {
    request: { functionName: 'fn', region: 'us-east-1', payload: { json: {} } },
    response: { status: 202, headers: JSON.parse(headersJson) as Record<string, string>, body },
    recordedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('replayedResponse', () => {
  it('gives the recorded headers, in order, and the length of the body it gives', () => {
    for (const headersJson of [
      '{}',
      '{"x-amzn-requestid":"r-1","content-type":"application/json"}',
      '{"content-length":"999","x-b":"2"}',
      '{"__proto__":"p","2":"two","x-a":"1","1":"one"}',
    ]) {
      const interaction = answering(headersJson);
      const response = replayedResponse(interaction);
      const spread = { ...interaction.response.headers, 'content-length': String(response.body.byteLength) };
      expect(Object.getPrototypeOf(response.headers)).toBe(Object.prototype);
      expect(Object.entries(response.headers)).toEqual(Object.entries(spread));
      expect(Buffer.from(response.body).toString()).toBe('{"a":1}');
    }
  });

  it('gives the bytes of each body, reusing the last one written out only for an equal value', () => {
    const bodies = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).map((json) => ({ json: JSON.parse(JSON.stringify(json)) as JsonValue })),
      fc.constantFrom<Interaction['response']['body']>(
        { json: { Status: 202 } },
        { json: { b: 1, a: [1, { d: 2, c: 3 }] } },
        { json: { a: [1, { c: 3, d: 2 }], b: 1 } },
        { json: { a: [1, { c: 3, d: 2 }], b: '1' } },
        { json: -0 },
        { json: 0 },
        { text: '{"Status":202}' },
        { base64: 'AAEC' },
      ),
    );
    fc.assert(
      fc.property(fc.array(bodies, { maxLength: 8 }), (sequence) => {
        const last = {};
        for (const body of sequence) {
          const replayed = replayedResponse(answering('{}', body), last);
          expect(Buffer.isBuffer(replayed.body)).toBe(true);
          expect(Buffer.from(replayed.body).equals(Buffer.from(decodeBody(body)))).toBe(true);
          expect(replayed.headers['content-length']).toBe(String(replayed.body.byteLength));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
