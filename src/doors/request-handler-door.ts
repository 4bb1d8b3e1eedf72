/**
 * The in-process door: an SDK `HttpHandler` that hands each request straight to the engine.
 * The SDK still serializes, signs and parses for real; only the socket is gone.
 */
import type { LambdaDouble } from '../double.js';
import { faultError } from '../transport-faults.js';

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

async function bodyBytes(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  throw new TypeError(`lambda-cassette requestHandler: cannot read a request body of type ${Object.prototype.toString.call(body)}`);
}

function urlOf(request: SdkHttpRequest): string {
  const port = request.port ? `:${request.port}` : '';
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(request.query ?? {})) {
    if (v === null) query.append(k, '');
    else for (const item of Array.isArray(v) ? v : [v]) query.append(k, item);
  }
  const search = query.size > 0 ? `?${query}` : '';
  return `${request.protocol}//${request.hostname}${port}${request.path}${search}`;
}

/** An SDK `HttpHandler` backed by a double. */
export class RequestHandlerDoor {
  /** The SDK reads this to decide how to send the request (HTTP/1.1 here). */
  readonly metadata = { handlerProtocol: 'http/1.1' };

  constructor(private readonly double: LambdaDouble) {}

  /** Called by the SDK for every request the client sends. */
  async handle(request: SdkHttpRequest): Promise<{ response: SdkHttpResponse }> {
    const wire = { method: request.method, url: urlOf(request), headers: request.headers, body: await bodyBytes(request.body) };
    const outcome = await this.double.handle(wire);
    if (!outcome) {
      throw new Error(`lambda-cassette requestHandler: ${request.method} ${wire.url} is not InvokeAsync; this handler only answers InvokeAsync`);
    }
    if (outcome.kind === 'fault') throw faultError(outcome.fault);
    if (outcome.kind === 'failure') throw outcome.error;
    return { response: { statusCode: outcome.status, headers: outcome.headers, body: outcome.body } };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}
