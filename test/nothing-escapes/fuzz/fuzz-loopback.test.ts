/**
 * Fuzzing the loopback server door with raw sockets: well-formed requests with whatever
 * fast-check makes up, and bytes that are not HTTP at all. Every HTTP answer is 202 or a documented
 * error; a connection that is not HTTP is closed; nothing hangs or crashes; a recording double's
 * upstream (the counting server) is never reached by a mock double.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import net from 'node:net';
import { mockLambda, type LambdaDouble, type LoopbackServer } from '../../../src/index.js';
import { startCountingNetwork, type CountingNetwork } from '../../support/counting-network.js';
import { REFUSAL_TYPES } from '../../../src/doors/loopback/cassette-refusal.js';
import {
  DOCUMENTED_ERRORS,
  fuzzParameters,
  OWN_REFUSALS,
  rawCases,
  SERVED_STATUSES,
  watchCrashes,
  within,
  type RawCase,
} from './fuzz-support.js';

let lambda: LambdaDouble;
let server: LoopbackServer;
let network: CountingNetwork;
let watch: ReturnType<typeof watchCrashes>;
beforeAll(async () => {
  network = await startCountingNetwork();
  lambda = await mockLambda({ endpoint: network.url });
  server = await lambda.listen();
  watch = watchCrashes();
});
afterAll(async () => {
  watch.stop();
  await lambda.close().catch(() => undefined);
  await network.close();
});

/** Writes `bytes` on a fresh socket; resolves with everything the server sent before closing. */
function exchange(bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      // One answer is all a request gets; stop reading once it is complete.
      const text = Buffer.concat(chunks).toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: (\d+)/i.exec(text)?.[1];
      if (head >= 0 && length !== undefined && text.length >= head + 4 + Number(length)) socket.end();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.end(bytes);
  });
}

function httpBytes(c: RawCase): Buffer {
  const headers = {
    ...c.headers,
    host: `127.0.0.1:${server.port}`,
    'content-length': String(c.body.byteLength),
    connection: 'close',
  };
  const head = `${c.method} ${c.path.replace(/[^\x21-\x7e]/g, '_')} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), c.body]);
}

const REFUSAL_NAMES = new Map(Object.entries(REFUSAL_TYPES).map(([name, type]) => [type, name]));

function verdict(answer: string): string | undefined {
  if (answer === '') return undefined; // closed without an answer: what a socket that is not HTTP gets
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
  if (SERVED_STATUSES.has(status)) return undefined;
  const type = /\r\nx-amzn-errortype: ([^\r:]*)/i.exec(answer)?.[1];
  // The loopback server answers the double's own refusals with an AWS-style type (REFUSAL_TYPES).
  if (
    type !== undefined &&
    (DOCUMENTED_ERRORS.has(type) || OWN_REFUSALS.has(type) || OWN_REFUSALS.has(REFUSAL_NAMES.get(type) ?? ''))
  )
    return undefined;
  // Node's own parser answers 400 to bytes that are not HTTP before the double sees them.
  if (status === 400 && /\r\nconnection: close/i.test(answer) && !type) return undefined;
  return `answered: ${answer.slice(0, 300)}`;
}

describe('fuzzing the loopback door with raw sockets', () => {
  it('well-formed HTTP with arbitrary methods, paths, headers and bodies, and bytes that are not HTTP', async () => {
    const cases = fc.oneof(
      { weight: 4, arbitrary: rawCases.map(httpBytes) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 300 }).map((s) => Buffer.from(`POST ${s} HTTP/1.1\r\n\r\n`)) },
    );
    await fc.assert(
      fc.asyncProperty(cases, async (bytes) => {
        const answer = await within(10_000, `raw socket ${bytes.subarray(0, 60).toString('latin1')}`, exchange(bytes));
        expect(verdict(answer)).toBeUndefined();
        expect(network.hits).toEqual([]);
      }),
      fuzzParameters(),
    );
    expect(watch.crashes).toEqual([]);
  }, 600_000);
});
