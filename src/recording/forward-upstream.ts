/**
 * Sends a caller's request to the real endpoint. It goes through undici's own client because nock
 * 14 patches Node's `http`, `https` and global `fetch`: a request made through them would come
 * straight back to our own interceptor. nock 15 intercepts sockets, undici's included, so the
 * request also carries {@link FORWARDED_HEADER}, which our interceptors refuse to match (nock then
 * lets it through). The header is not signed, so SigV4 ignores it.
 */
import { CONNECTION_HEADERS, normalizeHeaders, type WireRequest, type WireResponse } from '../wire/wire-types.js';
import { UpstreamError } from '../common/errors.js';

/** Marks a request lambda-cassette itself forwards, so its own interceptors let it pass. */
export const FORWARDED_HEADER = 'x-lambda-cassette-forwarded';

// Loaded on first use: replay and mock runs never pay for it.
const loadUndici = () => import('undici');
let undici: ReturnType<typeof loadUndici> | undefined;

/** Forwards `wire` to its URL (or `target`'s origin, when given) and returns the real answer, bytes untouched. */
export async function forwardUpstream(wire: WireRequest, target?: string): Promise<WireResponse> {
  undici ??= loadUndici();
  const { request } = await undici;
  const url = new URL(wire.url);
  if (target) {
    const t = new URL(target);
    url.protocol = t.protocol;
    url.host = t.host;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(normalizeHeaders(wire.headers))) {
    // undici sets `host` from the URL, which is the target's when one is given.
    if (!CONNECTION_HEADERS.has(name) && name !== 'host') headers[name] = value;
  }
  headers[FORWARDED_HEADER] = '1';
  try {
    const res = await request(url, { method: wire.method.toUpperCase() as 'POST', headers, body: Buffer.from(wire.body) });
    const body = new Uint8Array(await res.body.arrayBuffer());
    const responseHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined && value !== null) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return { kind: 'response', status: res.statusCode, headers: responseHeaders, body };
  } catch (e) {
    throw new UpstreamError(url.href, e);
  }
}
