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
  body?: string;
}

export type Seen = { kind: 'response'; status: number; body: string } | { kind: 'error'; error: Error };

export interface HttpClient {
  name: string;
  /** Whether it speaks HTTP/2 (and so needs an HTTP/2 counting server). */
  http2?: boolean;
  send(request: Sent): Promise<Seen>;
}

async function seen(fn: () => Promise<{ status: number; body: string }>): Promise<Seen> {
  try {
    return { kind: 'response', ...(await fn()) };
  } catch (error) {
    return { kind: 'error', error: error as Error };
  }
}

const withBody = (r: Sent) => (r.method === 'GET' || r.method === 'HEAD' ? {} : { body: r.body ?? '' });

function collector(): { sink: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _e, cb) => (chunks.push(chunk), cb()) });
  return { sink, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function viaStream(r: Sent, dispatcher?: Agent | Pool): Promise<{ status: number; body: string }> {
  const { sink, text } = collector();
  let status = 0;
  await undiciStream(r.url, { method: r.method as 'POST', headers: r.headers, ...withBody(r), ...(dispatcher ? { dispatcher } : {}) }, ({ statusCode }) => {
    status = statusCode;
    return sink;
  });
  return { status, body: text() };
}

/** `http2.connect` + `session.request`, as raw HTTP/2 code does. */
export function http2Request(r: Sent): Promise<{ status: number; body: string }> {
  const url = new URL(r.url);
  return new Promise((resolve, reject) => {
    const session = http2.connect(url.origin);
    session.on('error', reject);
    const stream = session.request({ ':method': r.method, ':path': `${url.pathname}${url.search}`, ...(r.headers ?? {}) });
    let status = 0;
    const chunks: Buffer[] = [];
    stream.on('response', (headers) => (status = Number(headers[':status'])));
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('error', (e) => (session.close(), reject(e)));
    stream.on('end', () => {
      session.close();
      resolve({ status, body: Buffer.concat(chunks).toString('utf8') });
    });
    // Node ends GET and HEAD streams itself (endStream).
    if (r.method !== 'GET' && r.method !== 'HEAD') stream.end(r.body ?? '');
  });
}

export const UNDICI_CLIENTS: readonly HttpClient[] = [
  { name: 'global fetch', send: (r) => seen(async () => { const res = await fetch(r.url, { method: r.method, headers: r.headers, ...withBody(r) }); return { status: res.status, body: await res.text() }; }) },
  { name: 'undici.fetch', send: (r) => seen(async () => { const res = await undiciFetch(r.url, { method: r.method, headers: r.headers, ...withBody(r) }); return { status: res.status, body: await res.text() }; }) },
  { name: 'undici.fetch with its own Agent', send: (r) => seen(async () => { const dispatcher = new Agent(); const res = await undiciFetch(r.url, { method: r.method, headers: r.headers, ...withBody(r), dispatcher }); const body = await res.text(); await dispatcher.close(); return { status: res.status, body }; }) },
  { name: 'undici.request', send: (r) => seen(async () => { const res = await undiciRequest(r.url, { method: r.method as 'POST', headers: r.headers, ...withBody(r) }); return { status: res.statusCode, body: await res.body.text() }; }) },
  { name: 'undici.request with its own Agent', send: (r) => seen(async () => { const dispatcher = new Agent(); const res = await undiciRequest(r.url, { method: r.method as 'POST', headers: r.headers, ...withBody(r), dispatcher }); const body = await res.body.text(); await dispatcher.close(); return { status: res.statusCode, body }; }) },
  { name: 'undici.stream', send: (r) => seen(() => viaStream(r)) },
  { name: 'undici.stream with its own Pool', send: (r) => seen(async () => { const pool = new Pool(new URL(r.url).origin); const out = await viaStream(r, pool); await pool.close(); return out; }) },
  { name: 'undici Client.request', send: (r) => seen(async () => { const url = new URL(r.url); const client = new Client(url.origin); const res = await client.request({ path: `${url.pathname}${url.search}`, method: r.method as 'POST', headers: r.headers, ...withBody(r) }); const body = await res.body.text(); await client.close(); return { status: res.statusCode, body }; }) },
  { name: 'raw http2', http2: true, send: (r) => seen(() => http2Request(r)) },
];
