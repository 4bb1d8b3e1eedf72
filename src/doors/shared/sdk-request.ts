/**
 * One SDK request answered by a double, as the SDK's own `NodeHttpHandler` would have answered it
 * after a real exchange: the `HttpRequest` becomes a `WireRequest`, the engine's outcome an
 * `HttpResponse` with lower-case header names, or the socket error `NodeHttpHandler` raises
 * (renamed `TimeoutError` where it renames it). Requests the engine does not serve meet the
 * double's `onUnhandledRequest` and, when it lets them on, are forwarded (answer-request.ts). Shared
 * by the `requestHandler` door and the zero-configuration SDK door (doors/sdk-handler).
 */
import type { DoorPort } from '../../engine/door-port.js';
import type { WireRequest, WireResponse } from '../../wire/wire-types.js';
import { requestBodyBytes } from './request-body.js';
import { handlerRejection, nodeHeaders } from './sdk-outcome.js';
import { answerRequestNow, type AnswerForm } from './answer-request.js';
import { promised } from '../../common/maybe-promise.js';

/** The parts of @smithy/protocol-http's HttpRequest this door reads. */
export interface SdkHttpRequest {
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
export interface SdkHttpResponse {
  statusCode: number;
  reason?: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The options the SDK passes to `handle`. */
export interface SdkHandlerOptions {
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
  const error = new Error(
    signal.reason instanceof Error || signal.reason === undefined ? 'Request aborted' : String(signal.reason),
  );
  error.name = 'AbortError';
  if (signal.reason instanceof Error) error.cause = signal.reason;
  return error;
}

function wireOf(request: SdkHttpRequest, body: Uint8Array, text?: string): WireRequest {
  const wire: WireRequest = { method: request.method, url: urlOf(request), headers: request.headers, body };
  if (text !== undefined) wire.text = text;
  return wire;
}

// The socket errors NodeHttpHandler raises, renamed TimeoutError where it renames them.
const SDK_FORM: AnswerForm = { reject: handlerRejection };

function answerWire(double: DoorPort, wire: WireRequest): Promise<{ response: SdkHttpResponse }> {
  return promised(answerRequestNow(double, wire, SDK_FORM), sdkResponse);
}

function sdkResponse(answer: WireResponse): { response: SdkHttpResponse } {
  return { response: { statusCode: answer.status, headers: nodeHeaders(answer.headers), body: answer.body } };
}

/**
 * What `NodeHttpHandler.handle(request, options)` resolves to (or rejects with) when `double` answers
 * the request; `who` names the door in the error for a body it cannot read.
 */
export function answerSdkRequest(
  double: DoorPort,
  request: SdkHttpRequest,
  options: SdkHandlerOptions | undefined,
  who: string,
): Promise<{ response: SdkHttpResponse }> {
  if (options?.abortSignal?.aborted) return Promise.reject(abortError(options.abortSignal));
  const body = request.body;
  // The SDK's serialized body is nearly always a string or bytes: no await on the way in then.
  if (typeof body === 'string') return answerWire(double, wireOf(request, Buffer.from(body, 'utf8'), body));
  if (body instanceof Uint8Array) return answerWire(double, wireOf(request, body));
  return requestBodyBytes(body, who).then((bytes) => answerWire(double, wireOf(request, bytes)));
}
