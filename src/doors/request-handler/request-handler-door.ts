/**
 * The in-process door: an SDK `HttpHandler` that hands each request straight to the engine.
 * The SDK still serializes, signs, retries and parses for real; only the socket is gone. What the
 * door gives back is what the SDK's own `NodeHttpHandler` would: lower-case header names, and
 * socket errors renamed `TimeoutError` where it renames them.
 */
import type { DoorPort } from '../../engine/door-port.js';
import { requestBodyBytes } from '../shared/request-body.js';
import { handlerRejection, nodeHeaders } from '../shared/sdk-outcome.js';
import { forwardUpstream } from '../../recording/forward-upstream.js';

/** The parts of @smithy/protocol-http's HttpRequest this door reads. */
interface SdkHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

/** What the SDK expects back from `handle`: an HttpResponse-shaped object. */
interface SdkHttpResponse {
  statusCode: number;
  reason?: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The options the SDK passes to `handle`. */
interface SdkHandlerOptions {
  abortSignal?: { aborted: boolean; reason?: unknown };
}

function hasKeys(object: object): boolean {
  for (const _key in object) return true;
  return false;
}

function urlOf(request: SdkHttpRequest): string {
  const port = request.port ? `:${request.port}` : '';
  let search = '';
  // The SDK always passes a query object, nearly always empty.
  if (request.query && hasKeys(request.query)) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(request.query)) {
      if (v === null) query.append(k, '');
      else for (const item of Array.isArray(v) ? v : [v]) query.append(k, item);
    }
    search = `?${query}`;
  }
  return `${request.protocol}//${request.hostname}${port}${request.path}${search}`;
}

/** `NodeHttpHandler`'s error for a request aborted before it was sent. */
function abortError(signal: NonNullable<SdkHandlerOptions['abortSignal']>): Error {
  const error = new Error(signal.reason instanceof Error || signal.reason === undefined ? 'Request aborted' : String(signal.reason));
  error.name = 'AbortError';
  if (signal.reason instanceof Error) error.cause = signal.reason;
  return error;
}

/** An SDK `HttpHandler` backed by a double. */
export class RequestHandlerDoor {
  /** The SDK reads this to decide how to send the request (HTTP/1.1 here). */
  readonly metadata = { handlerProtocol: 'http/1.1' };

  // Dropped when the double closes: a client can outlive its double (a module-level client), and must
  // not keep the double's cassette in memory after it.
  #double: DoorPort | undefined;
  readonly #label: string;

  constructor(double: DoorPort) {
    this.#double = double;
    this.#label = double.settings.label;
    double.attach({ detach: () => void (this.#double = undefined) });
  }

  /** Called by the SDK for every request the client sends. */
  async handle(request: SdkHttpRequest, options?: SdkHandlerOptions): Promise<{ response: SdkHttpResponse }> {
    if (options?.abortSignal?.aborted) throw abortError(options.abortSignal);
    const double = this.#double;
    if (!double || double.closed) {
      throw new Error(
        `lambda-cassette requestHandler: the double (${this.#label}) was closed; ` +
          'a client that outlives its double must get a new requestHandler from the next one',
      );
    }
    const body = request.body;
    const wire = {
      method: request.method,
      url: urlOf(request),
      headers: request.headers,
      body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body instanceof Uint8Array ? body : await requestBodyBytes(body, 'requestHandler'),
    };
    let outcome = await double.handle(wire);
    if (!outcome) {
      // Another Lambda API on this client: onUnhandledRequest decides (the network only on 'bypass').
      const verdict = double.judgeUnhandled(wire);
      if (!verdict.bypass) throw verdict.error;
      outcome = await forwardUpstream(wire);
    }
    if (outcome.kind !== 'response') throw handlerRejection(outcome);
    return { response: { statusCode: outcome.status, headers: nodeHeaders(outcome.headers), body: outcome.body } };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}
