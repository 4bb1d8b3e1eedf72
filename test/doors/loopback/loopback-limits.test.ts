/**
 * The loopback server settles who is asking before it reads a body, and never holds more than
 * Lambda's largest payload plus headroom: a 300 MB upload is refused (403 for a browser's, 413 for
 * any other) after a few MB at most, without the process's memory growing by hundreds of MB. The
 * client streams the upload over a raw socket and counts what the server accepted before it closed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { MAX_LOOPBACK_BODY_BYTES } from '../../../src/doors/loopback/loopback-server-door.js';

const UPLOAD = 300 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close().catch(() => undefined);
  lambda = undefined;
});

/** Streams a `declared`-byte body (chunked when `declared` is undefined) until the server stops taking it. */
function upload(
  port: number,
  headers: Record<string, string>,
  declared: number | undefined,
): Promise<{ accepted: number; answer: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let accepted = 0;
    let answer = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ accepted, answer });
    };
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('error', finish);
    socket.on('close', finish);
    const head = {
      host: `127.0.0.1:${port}`,
      ...headers,
      ...(declared === undefined ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(declared) }),
    };
    socket.write(
      `POST /2015-03-31/functions/f/invocations HTTP/1.1\r\n${Object.entries(head)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n`,
    );
    const pump = () => {
      while (!done && accepted < UPLOAD) {
        const piece =
          declared === undefined
            ? Buffer.concat([Buffer.from(`${CHUNK.byteLength.toString(16)}\r\n`), CHUNK, Buffer.from('\r\n')])
            : CHUNK;
        accepted += CHUNK.byteLength;
        if (!socket.write(piece)) return void socket.once('drain', pump);
      }
    };
    socket.once('connect', pump);
    // Whatever the kernel buffered is counted as accepted: the bound below allows for it.
  });
}

describe('a 300 MB upload to the loopback server', () => {
  it.each([
    [
      'from a browser (Origin), with a Content-Length',
      { origin: 'https://evil.test', 'x-amz-invocation-type': 'Event' },
      UPLOAD,
      '403',
    ],
    [
      'from a browser (Sec-Fetch-Site), chunked',
      { 'sec-fetch-site': 'cross-site', 'x-amz-invocation-type': 'Event' },
      undefined,
      '403',
    ],
    ['from a client, with a Content-Length over the cap', { 'x-amz-invocation-type': 'Event' }, UPLOAD, '413'],
    ['from a client, chunked', { 'x-amz-invocation-type': 'Event' }, undefined, '413'],
  ])(
    '%s: refused after a few MB, memory does not follow',
    async (_label, headers, declared, status) => {
      lambda = await mockLambda();
      const server = await lambda.listen();
      const rssBefore = process.memoryUsage().rss;
      const { accepted, answer } = await upload(server.port, headers, declared);
      const grown = process.memoryUsage().rss - rssBefore;
      expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      // The cap, plus what socket buffers on both sides hold before the close is seen.
      expect(accepted).toBeLessThan(MAX_LOOPBACK_BODY_BYTES + 32 * 1024 * 1024);
      expect(grown).toBeLessThan(100 * 1024 * 1024);
      expect(lambda.calls).toEqual([]);
    },
    60_000,
  );

  it("a body under the cap is still read and judged: a 2 MB Invoke Event gets the service's own error", async () => {
    lambda = await mockLambda();
    const server = await lambda.listen();
    const res = await fetch(`${server.url}/2015-03-31/functions/f/invocations`, {
      method: 'POST',
      headers: { 'x-amz-invocation-type': 'Event' },
      body: Buffer.alloc(2 * 1024 * 1024, 0x61),
    });
    expect(res.headers.get('x-amzn-errortype')).toMatch(/RequestTooLarge/);
    expect(await res.text()).not.toMatch(/loopback server reads/);
  });
});
