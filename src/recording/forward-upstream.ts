/**
 * Sends a caller's request to the real endpoint. It leaves from a worker thread (see
 * send-outside-interceptors.ts), because nock patches this thread's `http`, `https`, `fetch` and
 * sockets: a request made here would come straight back to our own interceptor. It also carries
 * {@link FORWARDED_HEADER}, which our interceptors refuse to match, so a request that does reach
 * them (the loopback server forwarding to itself) is told apart. The header is not signed, so SigV4
 * ignores it.
 */
import { CONNECTION_HEADERS, normalizeHeaders, type WireRequest, type WireResponse } from '../wire/wire-types.js';
import { UpstreamError } from '../common/errors.js';
import { sendOutsideInterceptors } from './send-outside-interceptors.js';

/** Marks a request lambda-cassette itself forwards, so its own interceptors let it pass. */
export const FORWARDED_HEADER = 'x-lambda-cassette-forwarded';


/** Forwards `wire` to its URL (or `target`'s origin, when given) and returns the real answer, bytes untouched. */
export async function forwardUpstream(wire: WireRequest, target?: string): Promise<WireResponse> {
  const url = new URL(wire.url);
  if (target) {
    const t = new URL(target);
    url.protocol = t.protocol;
    url.host = t.host;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(normalizeHeaders(wire.headers))) {
    // Node sets `host` from the URL, which is the target's when one is given.
    if (!CONNECTION_HEADERS.has(name) && name !== 'host') headers[name] = value;
  }
  headers[FORWARDED_HEADER] = '1';
  try {
    const res = await sendOutsideInterceptors({ url: url.href, method: wire.method.toUpperCase(), headers, body: wire.body });
    return { kind: 'response', status: res.status, headers: res.headers, body: res.body };
  } catch (e) {
    throw new UpstreamError(url.href, e);
  }
}
