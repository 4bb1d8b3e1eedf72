/**
 * The request object raw http/https callers get for a call a double answers behaves as Node's
 * `ClientRequest` does where clients look: events in order, piping, abort signals, `Expect:
 * 100-continue`, `https.get`; and a redefined `http.request` is reported by `close()`. Every case
 * points at the counting network, so a request that escaped would show as a hit.
 */
import { describe, expect, it } from 'vitest';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { InterceptionLostError, mockLambda } from '../../../src/index.js';
import { useCountingNetwork } from '../../support/counting-network.js';

const network = useCountingNetwork();

const invokeAsync = (name: string) => `${network.url}/2014-11-13/functions/${name}/invoke-async/`;

function collect(
  req: http.ClientRequest,
  events: string[],
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    for (const name of ['socket', 'finish', 'close']) req.on(name, () => events.push(name));
    req.on('error', reject);
    req.on('response', (res: http.IncomingMessage) => {
      events.push('response');
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
  });
}

describe('a request the double answers', () => {
  it('emits socket, finish, response, close in that order, with Node-shaped headers; a piped body arrives whole', async () => {
    const lambda = await mockLambda();
    const events: string[] = [];
    const req = http.request(invokeAsync('piped'), { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    const done = collect(req, events);
    Readable.from([Buffer.from('{"a":'), Buffer.from('1}')]).pipe(req);
    const res = await done;
    await new Promise((r) => setTimeout(r, 10));
    expect(res.status).toBe(202);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.body)));
    expect(events).toEqual(['socket', 'finish', 'response', 'close']);
    expect(lambda.calls.map((c) => c.payload)).toEqual([{ a: 1 }]);
    expect(network.hits).toEqual([]);
    await lambda.close();
  });

  it('a body written as one string, as Buffers, or as one string in another encoding arrives as the same payload', async () => {
    const lambda = await mockLambda();
    const send = (write: (req: http.ClientRequest) => void) => {
      const req = http.request(invokeAsync('bodies'), { method: 'POST' });
      const done = collect(req, []);
      write(req);
      return done;
    };
    const payload = { note: 'café ☕', n: 1 };
    const text = JSON.stringify(payload);
    await send((req) => req.end(text));
    await send((req) => req.end(text, 'utf-8'));
    await send((req) => {
      req.write(text.slice(0, 5));
      req.end(text.slice(5));
    });
    await send((req) => req.end(Buffer.from(text).toString('base64'), 'base64'));
    // Written in latin1, "é" is one byte that is not UTF-8: the engine reads the bytes, not the string.
    await send((req) => req.end('{"n":"é"}', 'latin1'));
    // A lone surrogate: the bytes sent hold U+FFFD, as Node would send them; the string itself is not the payload.
    await send((req) => req.end('{"s":"\ud800"}'));
    expect(lambda.calls.map((c) => c.payload)).toEqual([
      payload,
      payload,
      payload,
      payload,
      { n: '\ufffd' },
      { s: '\ufffd' },
    ]);
    expect(network.hits).toEqual([]);
    await lambda.close();
  });

  it("answers after what a 'finish' listener queues has run, as a real exchange would", async () => {
    const lambda = await mockLambda();
    const order: string[] = [];
    const req = http.request(invokeAsync('order'), { method: 'POST' });
    req.on('finish', () => {
      order.push('finish');
      queueMicrotask(() => order.push('microtask'));
      void Promise.resolve().then(() => order.push('then'));
    });
    const done = new Promise<void>((resolve) =>
      req.on('response', (res: http.IncomingMessage) => {
        order.push('response');
        res.resume().on('end', resolve);
      }),
    );
    req.end('{}');
    await done;
    expect(order).toEqual(['finish', 'microtask', 'then', 'response']);
    await lambda.close();
  });

  it("refuses a header name or value Node refuses, with Node's error, every time it is given", async () => {
    const lambda = await mockLambda();
    const nodeError = (make: () => unknown) => {
      try {
        make();
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return 'no error';
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(nodeError(() => http.request(invokeAsync('h'), { method: 'POST', headers: { 'bad name': 'x' } }))).toBe(
        'ERR_INVALID_HTTP_TOKEN',
      );
      expect(nodeError(() => http.request(invokeAsync('h'), { method: 'POST', headers: { 'x-ok': 'a\nb' } }))).toBe(
        'ERR_INVALID_CHAR',
      );
      const req = http.request(invokeAsync('h'), { method: 'POST' });
      expect(nodeError(() => req.setHeader('bad name', 'x'))).toBe('ERR_INVALID_HTTP_TOKEN');
      const done = collect(req, []);
      req.end('{}');
      expect((await done).status).toBe(202);
    }
    expect(lambda.calls).toHaveLength(2);
    expect(network.hits).toEqual([]);
    await lambda.close();
  });

  it('an aborted signal fails it with AbortError, and the double never sees it', async () => {
    const lambda = await mockLambda();
    const controller = new AbortController();
    const req = http.request(invokeAsync('aborted'), { method: 'POST', signal: controller.signal });
    const failed = new Promise<Error>((resolve) => req.on('error', resolve));
    controller.abort();
    req.end('{}');
    expect((await failed).name).toBe('AbortError');
    expect(lambda.calls).toEqual([]);
    expect(network.hits).toEqual([]);
    await lambda.close();
  });

  it('destroy() before the answer fails it with "socket hang up"', async () => {
    const lambda = await mockLambda();
    const req = http.request(invokeAsync('destroyed'), { method: 'POST' });
    const failed = new Promise<Error & { code?: string }>((resolve) => req.on('error', resolve));
    req.destroy();
    expect(await failed).toMatchObject({ message: 'socket hang up', code: 'ECONNRESET' });
    expect(network.hits).toEqual([]);
    await lambda.close();
  });

  it("Expect: 100-continue gets 'continue' at once", async () => {
    const lambda = await mockLambda();
    const req = http.request(invokeAsync('continued'), { method: 'POST', headers: { Expect: '100-continue' } });
    const done = collect(req, []);
    await new Promise<void>((resolve) => req.on('continue', resolve));
    req.end('{}');
    expect((await done).status).toBe(202);
    await lambda.close();
  });

  it("https.request to an AWS Lambda host, and https.get of another Lambda API, are the double's", async () => {
    const lambda = await mockLambda();
    const post = https.request('https://lambda.eu-west-1.amazonaws.com/2014-11-13/functions/tls-fn/invoke-async/', {
      method: 'POST',
    });
    const posted = collect(post, []);
    post.end('{}');
    expect((await posted).status).toBe(202);
    const got = await new Promise<Error>((resolve) =>
      https
        .get('https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/tls-fn', () => undefined)
        .on('error', resolve),
    );
    expect(got.message).toMatch(/GetFunction/);
    expect(lambda.calls.map((c) => c.functionName)).toEqual(['tls-fn']);
    await expect(lambda.close()).rejects.toThrow(/GetFunction/);
  });
});

describe('http.request redefined while a double is open', () => {
  it('close() rejects with InterceptionLostError naming it, and leaves the property as it was made', async () => {
    const before = Object.getOwnPropertyDescriptor(http, 'request')!;
    const lambda = await mockLambda();
    const replacement = before.value as typeof http.request;
    Object.defineProperty(http, 'request', {
      value: replacement,
      writable: true,
      configurable: true,
      enumerable: true,
    });
    await expect(lambda.close()).rejects.toBeInstanceOf(InterceptionLostError);
    expect(http.request).toBe(replacement);
    Object.defineProperty(http, 'request', before);
  });
});
