/**
 * The fast path for global `fetch`: while a double is open, `globalThis.fetch` is wrapped, and a
 * request the shared claim rule takes (shared/claim.ts) gets a `Response` built from the
 * double's answer without entering Node's fetch machinery or any interceptor installed below
 * (nock's, msw's): it is answered once, here. Everything else goes to the `fetch` that was there.
 * What the wrapper does not see (a `fetch` captured before the double opened, undici's own
 * `fetch`) still meets the dispatcher door, so this is about speed, not coverage.
 *
 * The `Response` is what Node's fetch would build from the same bytes: `content-encoding` decoded
 * (gzip, deflate, br, in reverse order of application; an unknown coding leaves the body as sent),
 * no body for HEAD and the null-body statuses, `url` set, and every failure a
 * `TypeError('fetch failed')` whose `cause` is the error, as undici rejects.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { DoorPort } from '../../engine/door-port.js';
import { openDoubles, type ProcessPatch } from '../shared/door-registry.js';
import { answerRequest } from '../shared/answer-request.js';
import { replaceMethod } from '../shared/replace-method.js';
import { claim, mayClaim } from '../shared/claim.js';
import { nockConflict } from '../shared/caller-nock.js';

type Fetch = typeof globalThis.fetch;

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
const DECODERS: Record<string, (bytes: Uint8Array) => Uint8Array> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  'x-deflate': inflateSync,
  br: brotliDecompressSync,
};

function recordOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** The body a client reads: decoded as Node's fetch decodes it; a stream that errors when the bytes do not decode. */
function decoded(sent: Uint8Array, contentEncoding: string | null): BodyInit {
  const body = sent as Uint8Array<ArrayBuffer>;
  if (!contentEncoding) return body;
  const codings = contentEncoding
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
    .reverse();
  if (!codings.every((c) => c in DECODERS)) return body;
  try {
    return codings.reduce<Uint8Array<ArrayBuffer>>((bytes, coding) => new Uint8Array(DECODERS[coding]!(bytes)), body);
  } catch (error) {
    return new ReadableStream({
      start: (controller) => controller.error(new TypeError('terminated', { cause: error })),
    });
  }
}

async function answerFetch(double: DoorPort, request: Request, url: URL): Promise<Response> {
  const signal = request.signal;
  if (signal.aborted) throw signal.reason;
  const body = request.body === null ? new Uint8Array() : new Uint8Array(await request.arrayBuffer());
  let answer;
  try {
    answer = await answerRequest(double, {
      method: request.method,
      url: url.href,
      headers: recordOf(request.headers),
      body,
    });
  } catch (error) {
    throw new TypeError('fetch failed', { cause: error });
  }
  if (signal.aborted) throw signal.reason;
  const headers = new Headers();
  for (const name in answer.headers) headers.append(name, answer.headers[name]!);
  const empty = request.method === 'HEAD' || NULL_BODY_STATUS.has(answer.status);
  const response = new Response(empty ? null : decoded(answer.body, headers.get('content-encoding')), {
    status: answer.status,
    headers,
  });
  Object.defineProperty(response, 'url', { value: url.href });
  return response;
}

function hrefOf(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return typeof (input as Request | undefined)?.url === 'string' ? (input as Request).url : undefined;
}

/** The double that takes this `fetch` call, and the URL it is for; `undefined` when it goes to the original. */
function claimFetch(input: unknown, init: RequestInit | undefined): [DoorPort, URL] | undefined {
  const href = hrefOf(input);
  if (href === undefined || !URL.canParse(href)) return undefined;
  const url = new URL(href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const where = { origin: url.origin, hostname: url.hostname };
  const path = `${url.pathname}${url.search}`;
  if (!mayClaim(openDoubles, where, path)) return undefined;
  const fromRequest = typeof input === 'object' && !(input instanceof URL) ? (input as Request) : undefined;
  const method = (init?.method ?? fromRequest?.method ?? 'GET').toUpperCase();
  const headers = recordOf(new Headers(init?.headers !== undefined ? init.headers : fromRequest?.headers));
  const double = claim(openDoubles, { where, method, path, headers });
  return double ? [double, url] : undefined;
}

/** Global `fetch`, answering what a double claims and handing the rest to `original`. */
function answeringFetch(original: Fetch): Fetch {
  return function fetch(input: Parameters<Fetch>[0], init?: RequestInit): Promise<Response> {
    let claimed: [DoorPort, URL] | undefined;
    try {
      claimed = openDoubles.length === 0 ? undefined : claimFetch(input, init);
    } catch {
      claimed = undefined; // A malformed call: the original fetch rejects it as it would have.
    }
    if (!claimed) return original(input, init);
    const [double, url] = claimed;
    try {
      const request = new Request(input, init);
      // A caller's nock interceptor that also matches a call the double serves: refused loudly, never answered twice.
      const conflict = nockConflict(double, request.method, url.origin, `${url.pathname}${url.search}`);
      if (conflict) return Promise.reject(new TypeError('fetch failed', { cause: conflict }));
      return answerFetch(double, request, url);
    } catch (error) {
      return Promise.reject(error);
    }
  } as Fetch;
}

/** The global `fetch` patch: installed with the first double, removed with the last. */
export const FETCH_PATCH: ProcessPatch = {
  name: 'global-fetch',
  install() {
    if (typeof globalThis.fetch !== 'function') return () => {};
    // Someone who wrapped our replacement since (msw, nock) keeps their wrapper at the undo.
    return replaceMethod<Fetch>(globalThis, 'fetch', answeringFetch) ?? (() => {});
  },
};
