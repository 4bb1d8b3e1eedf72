/**
 * What the loopback server tells a person, once per request: an SDK retries a request that got no
 * answer (a replay miss closes the connection, which it takes for a network fault), so the same
 * failure would otherwise be reported once per attempt. Attempts of one request share the SDK's
 * `amz-sdk-invocation-id`; a client that sends none is taken to retry when it sends the same method,
 * path and body again within {@link SAME_REQUEST_WINDOW_MS}.
 */
import { createHash } from 'node:crypto';
import type { WireResponse } from '../../wire/wire-types.js';

/** How long a request without an invocation id counts as a retry of an identical one before it. */
export const SAME_REQUEST_WINDOW_MS = 10_000;
const REMEMBERED = 1_000;

/** Remembers the requests already reported, by invocation id or by content. */
export class OncePerRequest {
  readonly #seen = new Map<string, number>();

  /**
   * Whether `what` happening to this request is news (no earlier attempt of it was reported with the
   * same `what`, e.g. the error's name); remembers it.
   */
  first(
    what: string,
    headers: Record<string, string | string[] | undefined>,
    method: string,
    path: string,
    body: Uint8Array,
    now = Date.now(),
  ): boolean {
    const invocation = headers['amz-sdk-invocation-id'];
    const key =
      typeof invocation === 'string' && invocation !== ''
        ? `id ${invocation} ${what}`
        : `${what} ${method} ${path} ${createHash('sha256').update(body).digest('hex')}`;
    const at = this.#seen.get(key);
    const retry = at !== undefined && (key.startsWith('id ') || now - at < SAME_REQUEST_WINDOW_MS);
    this.#seen.delete(key);
    this.#seen.set(key, now);
    if (this.#seen.size > REMEMBERED) this.#seen.delete(this.#seen.keys().next().value as string);
    return !retry;
  }
}

// Error types AWS answers a request whose signature it cannot accept with.
const SIGNATURE_ERRORS =
  /^(?:InvalidSignatureException|SignatureDoesNotMatch|IncompleteSignature(?:Exception)?|UnrecognizedClientException|MissingAuthenticationToken(?:Exception)?)\b/;

/** Whether an upstream answer refuses the request's signature (403 with a signature error type, or a message about one). */
export function refusesSignature(response: Pick<WireResponse, 'status' | 'headers' | 'body'>): boolean {
  if (response.status !== 403) return false;
  const type = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'x-amzn-errortype')?.[1] ?? '';
  if (SIGNATURE_ERRORS.test(type)) return true;
  return /signature/i.test(
    Buffer.from(response.body.buffer, response.body.byteOffset, Math.min(response.body.byteLength, 4096)).toString(
      'utf8',
    ),
  );
}

/** What to tell someone recording through the server without `sign` when the target refused the signature. */
export function unsignedRefusalNotice(): string {
  return (
    "lambda-cassette: the endpoint requests are forwarded to refused the request's signature (403); the client got, and a recording keeps, that refusal. " +
    'Clients sign for the loopback server (127.0.0.1), not for the target: to record from an endpoint that checks ' +
    'signatures (real AWS), re-sign forwarded requests with your AWS credentials: listen({ sign: true }), or `serve --sign`.'
  );
}
