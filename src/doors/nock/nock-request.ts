/**
 * Reading the request in a reply function, as raw bytes, from nock 14 and nock 15.
 *
 * nock 14 `JSON.parse`s (and gunzips) the body of a request whose content-type is JSON before it
 * calls a reply function, inside a timer: a body that is not JSON (or not gzip) throws where nobody
 * can catch it and the process dies. Its scope emits `request` just before, so the door hides the
 * content-type from that parse (keeping the real headers aside for the engine) and reads the raw
 * bytes itself. nock 15 hands reply functions a Fetch API Request and does not parse.
 */
import type { WireRequest } from '../../wire/wire-types.js';

/** The ClientRequest-like object nock 14 passes as `this.req` and with its scope's `request` event. */
export interface Nock14Request {
  headers: Record<string, string | string[] | undefined>;
  method?: string;
  options: { proto: string; host: string };
  requestBodyBuffers?: Buffer[];
}

const realHeaders = new WeakMap<object, Nock14Request['headers']>();

/** Listener for a scope's `request` event: keeps nock 14 from parsing the body. */
export function hideContentType(req: unknown): void {
  const r = req as Partial<Nock14Request> | undefined;
  // nock 15 passes a Fetch Request (headers with .get); it does not parse bodies.
  if (!r?.headers || typeof (r.headers as { get?: unknown }).get === 'function') return;
  realHeaders.set(r, r.headers);
  const visible = { ...r.headers };
  delete visible['content-type'];
  r.headers = visible;
}

/** The request a nock 14 reply function serves (`path` is its first argument). */
export function fromNock14(req: Nock14Request, path: string, method: string): { wire: WireRequest; url: URL } {
  // `new URL` drops default ports, so origins compare equal however the caller spelled them.
  const url = new URL(`${req.options.proto}://${req.options.host}${path}`);
  const body = Buffer.concat(req.requestBodyBuffers ?? []);
  return { wire: { method, url: url.href, headers: realHeaders.get(req) ?? req.headers, body }, url };
}

/** The request a nock 15 reply function serves. */
export async function fromFetchRequest(request: Request): Promise<{ wire: WireRequest; url: URL }> {
  const url = new URL(request.url);
  const body = new Uint8Array(await request.arrayBuffer());
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { wire: { method: request.method, url: url.href, headers, body }, url };
}
