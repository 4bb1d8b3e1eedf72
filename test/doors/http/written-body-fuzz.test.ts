/**
 * What a caller writes to `http.request` reaches the double as the bytes a real server would have
 * received: however the body is split into `write` calls, whatever string encoding each chunk names,
 * lone surrogates included. The same writes go to a real HTTP server on 127.0.0.1 (no double open),
 * which keeps the bytes it got, and then to the double; the double's call log must hold those bytes
 * read as a payload (parsed JSON, or the UTF-8 text of what is not JSON), and the server must see
 * nothing while the double is open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockLambda } from '../../../src/index.js';

const ENCODINGS = ['utf8', 'utf-8', 'UTF8', 'latin1', 'base64', 'hex', 'ucs2', undefined] as const;
type Encoding = (typeof ENCODINGS)[number];

/** One `write` (or the `end`): a string in an encoding, or bytes. */
type Chunk = { text: string; encoding: Encoding } | { bytes: Uint8Array };

const chunk: fc.Arbitrary<Chunk> = fc.oneof(
  fc.record({
    text: fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.constantFrom('{"a":1}', '{"s":"\ud800"}', '{"n":"é☕"}', '', '["x"'),
    ),
    encoding: fc.constantFrom(...ENCODINGS),
  }),
  fc.record({ bytes: fc.uint8Array({ maxLength: 40 }) }),
);

/** The text of a chunk that `Buffer.from(text, encoding)` reads (base64 and hex of the string's own bytes). */
function asWritten(c: Chunk): { data: string | Uint8Array; encoding?: BufferEncoding } {
  if ('bytes' in c) return { data: c.bytes };
  if (c.encoding === 'base64' || c.encoding === 'hex')
    return { data: Buffer.from(c.text, 'utf8').toString(c.encoding), encoding: c.encoding };
  return c.encoding === undefined ? { data: c.text } : { data: c.text, encoding: c.encoding as BufferEncoding };
}

let server: http.Server;
let base: string;
const received: Buffer[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => {
      received.push(Buffer.concat(parts));
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"Status":202}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(chunks: Chunk[], withEnd: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/2014-11-13/functions/fuzz/invoke-async/`, { method: 'POST' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    const writes = chunks.map(asWritten);
    const last = withEnd ? writes.pop() : undefined;
    for (const w of writes) {
      if (w.encoding) req.write(w.data, w.encoding);
      else req.write(w.data);
    }
    if (last) {
      if (last.encoding) req.end(last.data, last.encoding);
      else req.end(last.data);
    } else req.end();
  });
}

/** What the call log shows for a body of these bytes. */
function payloadOf(bytes: Buffer): unknown {
  if (bytes.byteLength === 0) return {};
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

describe('a body written to http.request in any split and encoding', () => {
  it('reaches the double as the bytes a real server receives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chunk, { minLength: 1, maxLength: 4 }), fc.boolean(), async (chunks, withEnd) => {
        received.length = 0;
        expect(await send(chunks, withEnd)).toBe(202);
        const bytes = received[0]!;
        const lambda = await mockLambda();
        try {
          const status = await send(chunks, withEnd);
          expect(received).toHaveLength(1);
          const call = lambda.calls[0]!;
          // Not JSON is refused as AWS refuses it (400); either way the log has what was sent.
          expect(call.payload).toEqual(payloadOf(bytes));
          expect(status === 202 || status === 400).toBe(true);
        } finally {
          await lambda.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
