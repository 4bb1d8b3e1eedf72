/**
 * Sends a caller's request to the real endpoint. It leaves from a worker thread (see
 * send-outside-interceptors.ts), because nock patches this thread's `http`, `https`, `fetch` and
 * sockets: a request made here would come straight back to our own interceptor. Nothing the
 * request carries marks it as forwarded (a header would let any caller's request through the
 * double): which thread sends it is the mark, and no request can forge that.
 *
 * A request marked `signForTarget` (the loopback server's `sign: true`) loses the caller's signature
 * and is signed again for the host it goes to (sign-request.ts).
 */
import { CONNECTION_HEADERS, normalizeHeaders, type WireRequest, type WireResponse } from '../wire/wire-types.js';
import { regionOf } from '../wire/parse-request.js';
import { LambdaCassetteError } from '../common/errors.js';
import { UpstreamError } from '../common/upstream-errors.js';
import { sendOutsideInterceptors } from './send-outside-interceptors.js';
import { signRequest } from './sign-request.js';
import { secretsOf } from './secret-scrubber.js';

/** The caller's SigV4 headers: never forwarded when the request is signed again. */
const CALLER_SIGNATURE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
]);

/** Default region of a signature when neither the target host nor the caller's credential scope names one. */
const FALLBACK_SIGNING_REGION = 'us-east-1';

/**
 * `headers` signed for `url`: region from the target's host (`lambda.<region>.amazonaws.com`), else
 * from the caller's own credential scope; service `lambda`; credentials from the default chain.
 */
async function signedFor(
  url: URL,
  wire: WireRequest,
  headers: Record<string, string>,
): Promise<Record<string, string>> {
  const original = normalizeHeaders(wire.headers);
  const region = regionOf(url.hostname, original, FALLBACK_SIGNING_REGION);
  const unsigned: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!CALLER_SIGNATURE_HEADERS.has(name)) unsigned[name] = value;
  try {
    const signed = await signRequest(
      { method: wire.method, url: url.href, headers: unsigned, body: wire.body },
      { region, service: 'lambda' },
    );
    return normalizeHeaders(signed.headers);
  } catch (e) {
    if (e instanceof LambdaCassetteError) throw e;
    throw new UpstreamError(
      url.href,
      new Error(
        `could not sign the request for ${url.host} (sign: true) with the default AWS credential chain: ${(e as Error)?.message ?? String(e)}`,
        { cause: e },
      ),
    );
  }
}

/** Forwards `wire` to its URL (or `target`'s origin, when given) and returns the real answer, bytes untouched. */
export async function forwardUpstream(wire: WireRequest, target?: string): Promise<WireResponse> {
  const url = new URL(wire.url);
  if (target) {
    const t = new URL(target);
    url.protocol = t.protocol;
    url.host = t.host;
  }
  let headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(normalizeHeaders(wire.headers))) {
    // Node sets `host` from the URL, which is the target's when one is given.
    if (!CONNECTION_HEADERS.has(name) && name !== 'host') headers[name] = value;
  }
  let sentSecrets: string[] | undefined;
  if (wire.signForTarget) {
    const signed = await signedFor(url, wire, headers);
    // The signature covers `host` as Node will send it (from the URL): the same value.
    delete signed['host'];
    headers = signed;
    sentSecrets = secretsOf(signed);
  }
  try {
    const res = await sendOutsideInterceptors({
      url: url.href,
      method: wire.method.toUpperCase(),
      headers,
      body: wire.body,
    });
    return {
      kind: 'response',
      status: res.status,
      headers: res.headers,
      body: res.body,
      ...(sentSecrets ? { sentSecrets } : {}),
    };
  } catch (e) {
    throw new UpstreamError(url.href, e);
  }
}
