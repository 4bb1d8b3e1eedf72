/**
 * `close()` while a recorded request still waits for the real endpoint: it waits (bounded by
 * `closeTimeout`) and writes the interaction, or rejects naming the request. An asynchronous invoke
 * is fired and forgotten, so this is the ordinary case, not a race.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { InvalidCloseTimeoutError, openCassette, RecordingIncompleteError } from '../../src/index.js';
import { lambdaClient } from '../support/sdk.js';

/** An endpoint on 127.0.0.1 that holds every answer until `release()`; counts what it received. */
async function heldUpstream() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const received: string[] = [];
  const answeredAt: number[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(req.url!);
      void released.then(() => {
        answeredAt.push(Date.now());
        res.writeHead(202, { 'content-type': 'application/json' }).end('{"Status":202}');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    answeredAt,
    release,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lc-close-wait-'));
  vi.stubEnv('CI', '');
  vi.stubEnv('LAMBDA_CASSETTE_MODE', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('close() and recordings in flight', () => {
  it('waits for an answer that arrives after close() began, then writes it', async () => {
    const upstream = await heldUpstream();
    try {
      const lambda = await openCassette('fire-and-forget', { dir, endpoint: upstream.url, mode: 'record' });
      // Fired and forgotten, as asynchronous invokes usually are.
      const sent = lambdaClient({ endpoint: upstream.url, maxAttempts: 1 }).send(
        new InvokeAsyncCommand({ FunctionName: 'mailer-fn', InvokeArgs: '{"to":"a"}' }),
      );
      await until(() => upstream.received.length === 1);
      let closedAt = 0;
      const closing = lambda.close().then(() => (closedAt = Date.now()));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(closedAt).toBe(0); // still waiting: the function runs, its answer has not come
      upstream.release();
      await closing;
      await sent;
      expect(closedAt).toBeGreaterThanOrEqual(upstream.answeredAt[0]!);
      const stored = JSON.parse(readFileSync(join(dir, 'fire-and-forget.json'), 'utf8')) as {
        interactions: { request: { functionName: string; payload: unknown } }[];
      };
      expect(stored.interactions.map((i) => [i.request.functionName, i.request.payload])).toEqual([
        ['mailer-fn', { json: { to: 'a' } }],
      ]);
      expect(upstream.received).toHaveLength(1);
    } finally {
      upstream.release();
      await upstream.close();
    }
  });

  it('rejects naming each request still in flight after closeTimeout, and leaves the cassette unwritten', async () => {
    const upstream = await heldUpstream();
    try {
      const lambda = await openCassette('slow', { dir, endpoint: upstream.url, mode: 'record', closeTimeout: 100 });
      const client = lambdaClient({ endpoint: upstream.url, maxAttempts: 1 });
      const sent = [
        client.send(new InvokeAsyncCommand({ FunctionName: 'slow-a', InvokeArgs: '{}' })),
        client.send(new InvokeAsyncCommand({ FunctionName: 'slow-b', InvokeArgs: '{}' })),
      ];
      await until(() => upstream.received.length === 2);
      const error = await lambda.close().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RecordingIncompleteError);
      expect((error as RecordingIncompleteError).failures).toEqual([
        expect.stringMatching(/^slow-a \(InvokeAsync\): no answer .*closeTimeout \(100 ms\)/),
        expect.stringMatching(/^slow-b \(InvokeAsync\): no answer .*closeTimeout \(100 ms\)/),
      ]);
      expect(existsSync(join(dir, 'slow.json'))).toBe(false);
      upstream.release();
      await Promise.all(sent);
      expect(upstream.received).toHaveLength(2);
    } finally {
      upstream.release();
      await upstream.close();
    }
  });

  it('refuses a closeTimeout that is not a number of milliseconds', async () => {
    await expect(openCassette('x', { dir, mode: 'record', closeTimeout: -1 })).rejects.toBeInstanceOf(
      InvalidCloseTimeoutError,
    );
    await expect(
      openCassette('x', { dir, mode: 'record', closeTimeout: '10s' as unknown as number }),
    ).rejects.toMatchObject({ code: 'LC_INVALID_CLOSE_TIMEOUT' });
  });
});
