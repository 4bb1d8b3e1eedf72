/**
 * Every way Node code sends HTTP through undici or `http2`, as one table of senders: each sends one
 * request and gives back what the caller saw (status and body text, or the error). Tests run the
 * same cases through every entry.
 */
import http2 from 'node:http2';
import { Agent, Client, Pool, fetch as undiciFetch, request as undiciRequest, stream as undiciStream } from 'undici';
import { Writable } from 'node:stream';

export interface Sent {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** What the caller saw; `errorType` is the answer's `x-amzn-ErrorType`, when it has one. */
export type Seen =
  { kind: 'response'; status: number; body: string; errorType?: string } | { kind: 'error'; error: Error };

type Answer = { status: number; body: string; errorType?: string };

/** `errorType` from a header value, only when there is one (so answers without it compare equal to `{ status, body }`). */
const typed = (answer: { status: number; body: string }, header: unknown): Answer =>
  header === undefined || header === null ? answer : { ...answer, errorType: String(header) };

export interface HttpClient {
  name: string;
  /** Whether it speaks HTTP/2 (and so needs an HTTP/2 counting server). */
  http2?: boolean;
  send(request: Sent): Promise<Seen>;
}

async function seen(fn: () => Promise<Answer>): Promise<Seen> {
  try {
    return { kind: 'response', ...(await fn()) };
  } catch (error) {
    return { kind: 'error', error: error as Error };
  }
}

const withBody = (r: Sent) =>
  r.method === 'GET' || r.method === 'HEAD'
    ? {}
    : { body: typeof r.body === 'string' || r.body === undefined ? (r.body ?? '') : new Uint8Array(r.body) };

function collector(): { sink: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _e, cb) => (chunks.push(chunk), cb()) });
  return { sink, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function viaStream(r: Sent, dispatcher?: Agent | Pool): Promise<Answer> {
  const { sink, text } = collector();
  let status = 0;
  let errorType: unknown;
  await undiciStream(
    r.url,
    { method: r.method as 'POST', headers: r.headers, ...withBody(r), ...(dispatcher ? { dispatcher } : {}) },
    ({ statusCode, headers }) => {
      status = statusCode;
      errorType = headers['x-amzn-errortype'];
      return sink;
    },
  );
  return typed({ status, body: text() }, errorType);
}

/** `http2.connect` + `session.request`, as raw HTTP/2 code does. */
export function http2Request(r: Sent): Promise<Answer> {
  const url = new URL(r.url);
  return new Promise((resolve, reject) => {
    const session = http2.connect(url.origin);
    session.on('error', reject);
    const hasBody = r.method !== 'GET' && r.method !== 'HEAD';
    // Node would end a DELETE stream at once (no payload expected): endStream false keeps it open for the body.
    const stream = session.request(
      { ':method': r.method, ':path': `${url.pathname}${url.search}`, ...(r.headers ?? {}) },
      { endStream: !hasBody },
    );
    let status = 0;
    let errorType: unknown;
    const chunks: Buffer[] = [];
    stream.on('response', (headers) => {
      status = Number(headers[':status']);
      errorType = headers['x-amzn-errortype'];
    });
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('error', (e) => (session.close(), reject(e)));
    stream.on('end', () => {
      session.close();
      resolve(typed({ status, body: Buffer.concat(chunks).toString('utf8') }, errorType));
    });
    if (hasBody) stream.end(r.body ?? '');
  });
}

export const UNDICI_CLIENTS: readonly HttpClient[] = [
  {
    name: 'global fetch',
    send: (r) =>
      seen(async () => {
        const res = await fetch(r.url, { method: r.method, headers: r.headers, ...withBody(r) });
        return typed({ status: res.status, body: await res.text() }, res.headers.get('x-amzn-errortype'));
      }),
  },
  {
    name: 'undici.fetch',
    send: (r) =>
      seen(async () => {
        const res = await undiciFetch(r.url, { method: r.method, headers: r.headers, ...withBody(r) });
        return typed({ status: res.status, body: await res.text() }, res.headers.get('x-amzn-errortype'));
      }),
  },
  {
    name: 'undici.fetch with its own Agent',
    send: (r) =>
      seen(async () => {
        const dispatcher = new Agent();
        const res = await undiciFetch(r.url, { method: r.method, headers: r.headers, ...withBody(r), dispatcher });
        const body = await res.text();
        await dispatcher.close();
        return typed({ status: res.status, body }, res.headers.get('x-amzn-errortype'));
      }),
  },
  {
    name: 'undici.request',
    send: (r) =>
      seen(async () => {
        const res = await undiciRequest(r.url, { method: r.method as 'POST', headers: r.headers, ...withBody(r) });
        return typed({ status: res.statusCode, body: await res.body.text() }, res.headers['x-amzn-errortype']);
      }),
  },
  {
    name: 'undici.request with its own Agent',
    send: (r) =>
      seen(async () => {
        const dispatcher = new Agent();
        const res = await undiciRequest(r.url, {
          method: r.method as 'POST',
          headers: r.headers,
          ...withBody(r),
          dispatcher,
        });
        const body = await res.body.text();
        await dispatcher.close();
        return typed({ status: res.statusCode, body }, res.headers['x-amzn-errortype']);
      }),
  },
  { name: 'undici.stream', send: (r) => seen(() => viaStream(r)) },
  {
    name: 'undici.stream with its own Pool',
    send: (r) =>
      seen(async () => {
        const pool = new Pool(new URL(r.url).origin);
        const out = await viaStream(r, pool);
        await pool.close();
        return out;
      }),
  },
  {
    name: 'undici Client.request',
    send: (r) =>
      seen(async () => {
        const url = new URL(r.url);
        const client = new Client(url.origin);
        const res = await client.request({
          path: `${url.pathname}${url.search}`,
          method: r.method as 'POST',
          headers: r.headers,
          ...withBody(r),
        });
        const body = await res.body.text();
        await client.close();
        return typed({ status: res.statusCode, body }, res.headers['x-amzn-errortype']);
      }),
  },
  { name: 'raw http2', http2: true, send: (r) => seen(() => http2Request(r)) },
];
