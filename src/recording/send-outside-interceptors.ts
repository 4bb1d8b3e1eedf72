/**
 * Sends one HTTP request from a worker thread, with Node's own `http`/`https`. nock patches the
 * `http`, `https`, `net` and `fetch` of the thread it is loaded in (nock 14 the first three
 * modules' request functions, nock 15 sockets too), never another thread's, so a request made in a
 * worker reaches the network whatever interceptors the test has set up, `disableNetConnect()`
 * included. It replaces undici, which was 1.7 MB of every install for a path only recording takes.
 *
 * Being sent from this worker is the only mark a forwarded request has (no header: a caller could
 * forge one). The worker runs WORKER_SOURCE alone, without the parent's `--import`/`--require`, so
 * no interceptor is ever loaded in it; an interceptor that does reach worker threads must leave
 * this one alone (its `workerData` is {@link FORWARDER_WORKER_DATA}, a value of this process).
 *
 * One worker is started on first use and kept; it holds the process open only while requests are
 * in flight.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** A request to send: URL, method, headers as sent, body bytes. */
interface OutgoingRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The answer, bytes untouched; repeated headers joined with `, ` (lower-case names). */
interface IncomingResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

type Reply = { id: number; response: IncomingResponse } | { id: number; error: { message: string; code?: string } };

// CommonJS, run with `eval`: the worker needs no file of its own in the package.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
const https = require('node:https');
parentPort.on('message', ({ id, url, method, headers, body }) => {
  const fail = (e) => parentPort.postMessage({ id, error: { message: e.message, code: e.code } });
  const target = new URL(url);
  const req = (target.protocol === 'https:' ? https : http).request(target, { method, headers }, (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('error', fail);
    res.on('end', () => {
      const out = {};
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        const name = res.rawHeaders[i].toLowerCase();
        out[name] = name in out ? out[name] + ', ' + res.rawHeaders[i + 1] : res.rawHeaders[i + 1];
      }
      const bytes = new Uint8Array(Buffer.concat(chunks));
      parentPort.postMessage({ id, response: { status: res.statusCode, headers: out, body: bytes } }, [bytes.buffer]);
    });
  });
  req.on('error', fail);
  req.end(Buffer.from(body));
});
`;

/** The forwarding worker's `workerData`: a random token per process, which no request carries. */
export const FORWARDER_WORKER_DATA = { lambdaCassetteForwarder: randomUUID() } as const;

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (r: IncomingResponse) => void; reject: (e: Error) => void }>();

function settle(reply: Reply): void {
  const waiter = pending.get(reply.id);
  if (!waiter) return;
  pending.delete(reply.id);
  if (pending.size === 0) worker?.unref();
  if ('response' in reply) waiter.resolve(reply.response);
  else waiter.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
}

function failAll(error: Error): void {
  worker = undefined;
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

function startWorker(): Worker {
  // No execArgv: the parent's --import/--require (a nock set-up file, say) must not run in it.
  // Its workerData, an object of this process, is how the worker-thread guard knows it (it must reach Lambda).
  const started = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: FORWARDER_WORKER_DATA });
  started.on('message', settle);
  started.on('error', failAll);
  started.on('exit', (code) => failAll(new Error(`lambda-cassette's forwarding worker stopped (exit code ${code})`)));
  started.unref();
  return started;
}

/** Sends `request` past every interceptor in this thread and resolves with the real answer. */
export function sendOutsideInterceptors(request: OutgoingRequest): Promise<IncomingResponse> {
  worker ??= startWorker();
  const id = nextId++;
  const answer = new Promise<IncomingResponse>((resolve, reject) => pending.set(id, { resolve, reject }));
  worker.ref();
  worker.postMessage({ id, ...request });
  return answer;
}
