import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/cassette/index.js';
import { replayedResponse } from '../../src/engine/recorded-response.js';

/** An interaction answering with `headers`, parsed from JSON as a loaded cassette's are. */
function answering(headersJson: string): Interaction {
  return {
    request: { functionName: 'fn', region: 'us-east-1', payload: { json: {} } },
    response: { status: 202, headers: JSON.parse(headersJson) as Record<string, string>, body: { json: { a: 1 } } },
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
});
