/**
 * What @aws-sdk/client-lambda gives its caller for an engine outcome, for doors that stand in for
 * part of the SDK: the in-process `requestHandler` replaces the SDK's `NodeHttpHandler`, and the
 * aws-sdk-client-mock door replaces the whole middleware stack (serialization, signing, retries,
 * parsing). Each function here reproduces what those SDK layers do, so a caller cannot tell the
 * difference from a real HTTP exchange (test/doors pins this against the http/https door).
 */
import { lowerCaseName, type WireFailure, type WireFault, type WireResponse } from '../../wire/wire-types.js';
import { faultError } from './transport-faults.js';

/** Socket error codes that the SDK's `NodeHttpHandler` renames to `TimeoutError` (so they are retried as transient). */
const NODE_TIMEOUT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** Response header names as Node's `http` module delivers them: lower-cased. The SDK reads request ids by lower-case name. */
export function nodeHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) out[lowerCaseName(name)] = headers[name]!;
  return out;
}

/** What `NodeHttpHandler.handle()` rejects with when the engine answers a fault or cannot answer. */
export function handlerRejection(outcome: WireFault | WireFailure): Error {
  const error = outcome.kind === 'fault' ? faultError(outcome.fault) : outcome.error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NODE_TIMEOUT_CODES.has(code)) error.name = 'TimeoutError';
  return error;
}

/** The parts of the @aws-sdk/client-lambda module the client-mock door uses (typed here, so our d.ts never names SDK types). */
export interface LambdaSdk {
  InvokeAsyncCommand: new (input: object) => unknown;
  InvokeCommand: new (input: object) => unknown;
  LambdaServiceException: new (options: Record<string, unknown>) => Error;
  [exportName: string]: unknown;
}

/** `$metadata` as the SDK fills it from a response, with the retry middleware's counters after `attempts` attempts. */
interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  extendedRequestId?: string;
  cfId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}

/** What `InvokeAsyncCommand` resolves to. */
export interface InvokeAsyncOutput {
  Status: number;
  $metadata: ResponseMetadata;
}

/** The HttpResponse-shaped value the SDK hides in `error.$response`. */
interface SdkHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
}

const DESERIALIZATION_HINT =
  'Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.';

/** The SDK's `$metadata` for a response (`HttpProtocol.deserializeMetadata`), before the retry middleware adds its counters. */
function responseMetadata(response: SdkHttpResponse): ResponseMetadata {
  const h = response.headers;
  return {
    httpStatusCode: response.statusCode,
    requestId: h['x-amzn-requestid'] ?? h['x-amzn-request-id'] ?? h['x-amz-request-id'],
    extendedRequestId: h['x-amz-id-2'],
    cfId: h['x-amz-cf-id'],
  };
}

/** The retry middleware's bookkeeping after one attempt (the client-mock door has no retries). */
function countAttempt(metadata: ResponseMetadata): ResponseMetadata {
  metadata.attempts = 1;
  metadata.totalRetryDelay = 0;
  return metadata;
}

/** `loadRestJsonErrorCode`: the `x-amzn-ErrorType` header, then a body `code`, then `__type`, cleaned of `:...`, `,...` and `ns#`. */
function errorCode(headers: Record<string, string>, data: Record<string, unknown>): string | undefined {
  const sanitize = (raw: unknown): string => {
    let value = String(raw);
    if (value.includes(',')) value = value.split(',')[0]!;
    if (value.includes(':')) value = value.split(':')[0]!;
    if (value.includes('#')) value = value.split('#')[1]!;
    return value;
  };
  const header = headers['x-amzn-errortype'];
  if (header !== undefined) return sanitize(header);
  const codeKey = Object.keys(data).find((k) => k.toLowerCase() === 'code');
  if (codeKey !== undefined && data[codeKey] !== undefined) return sanitize(data[codeKey]);
  if (data['__type'] !== undefined) return sanitize(data['__type']);
  return undefined;
}

/** smithy's `decorateServiceException`: body fields fill unset properties; `message` wins over `Message`, which is dropped. */
function decorate(exception: Error & Record<string, unknown>, additions: Record<string, unknown>): Error {
  for (const [key, value] of Object.entries(additions)) {
    if (value === undefined) continue;
    if (exception[key] == undefined || exception[key] === '') exception[key] = value;
  }
  exception.message = (exception.message || (exception['Message'] as string | undefined) || 'UnknownError') as string;
  delete exception['Message'];
  return exception;
}

function hide(error: object, key: string, value: unknown, writable = false): void {
  Object.defineProperty(error, key, { value, enumerable: false, writable, configurable: writable });
}

const modeledCache = new WeakMap<
  LambdaSdk,
  Map<string, (new (options: Record<string, unknown>) => Error) | undefined>
>();

/** The SDK's own class for an error name, when the Lambda model has one. */
function modeledClass(sdk: LambdaSdk, name: string): (new (options: Record<string, unknown>) => Error) | undefined {
  let cache = modeledCache.get(sdk);
  if (!cache) modeledCache.set(sdk, (cache = new Map()));
  if (cache.has(name)) return cache.get(name);
  const candidate = Object.prototype.hasOwnProperty.call(sdk, name) ? sdk[name] : undefined;
  const found =
    typeof candidate === 'function' && candidate.prototype instanceof sdk.LambdaServiceException
      ? (candidate as new (options: Record<string, unknown>) => Error)
      : undefined;
  cache.set(name, found);
  return found;
}

/** What the SDK throws for an error body it cannot parse (moto's HTML 500s): the `SyntaxError`, with the SDK's hint. */
function deserializationError(cause: unknown, response: SdkHttpResponse, text: string): Error {
  const error = cause instanceof Error ? cause : new SyntaxError(String(cause));
  hide(error, '$responseBodyText', text);
  hide(error, '$response', { ...response, body: text });
  error.message += `\n  ${DESERIALIZATION_HINT}`;
  const entries = Object.entries(response.headers);
  const find = (pattern: RegExp) => entries.find(([k]) => pattern.test(k))?.[1];
  (error as Error & { $metadata: ResponseMetadata }).$metadata = countAttempt({
    httpStatusCode: response.statusCode,
    requestId: find(/^x-[\w-]+-request-?id$/),
    extendedRequestId: find(/^x-[\w-]+-id-2$/),
    cfId: find(/^x-[\w-]+-cf-id$/),
  });
  return error;
}

/** The exception the SDK raises for an error response (status 300 and up), built the way `AwsRestJsonProtocol.handleError` builds it. */
function serviceException(sdk: LambdaSdk, response: SdkHttpResponse, bytes: Uint8Array): Error {
  const data: Record<string, unknown> = {};
  if (bytes.byteLength > 0) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (cause) {
      return deserializationError(cause, response, text);
    }
    if (parsed !== null && typeof parsed === 'object') Object.assign(data, parsed);
  }
  const metadata = countAttempt(responseMetadata(response));
  const statusFault = response.statusCode < 500 ? 'client' : 'server';
  const name = errorCode(response.headers, data) ?? 'Unknown';
  const Modeled = modeledClass(sdk, name);
  let exception: Error & Record<string, unknown>;
  if (Modeled) {
    exception = new Modeled({}) as Error & Record<string, unknown>;
    // The model's fault (set by the class) wins over the one the status suggests.
    const modelFault = exception['$fault'];
    Object.assign(
      exception,
      { $metadata: metadata, $fault: statusFault },
      { $fault: modelFault, message: data['message'] ?? data['Message'] ?? 'UnknownError' },
    );
  } else {
    data['message'] = data['message'] ?? data['Message'] ?? 'UnknownError';
    exception = new sdk.LambdaServiceException({ name }) as Error & Record<string, unknown>;
    Object.assign(exception, { $metadata: metadata, $fault: statusFault });
  }
  decorate(exception, data);
  hide(exception, '$response', { ...response, body: bytes });
  return exception;
}

/**
 * What `client.send(new InvokeAsyncCommand(...))` resolves to for `response`, after one attempt;
 * throws what it would throw instead (the SDK's own exception class, with `$fault`, `$metadata`
 * and message exactly as when parsed from the wire).
 */
export function invokeAsyncResult(sdk: LambdaSdk, response: WireResponse): InvokeAsyncOutput {
  const http: SdkHttpResponse = {
    statusCode: response.status,
    headers: nodeHeaders(response.headers),
    body: response.body,
  };
  if (response.status >= 300) throw serviceException(sdk, http, response.body);
  return { Status: response.status, $metadata: countAttempt(responseMetadata(http)) };
}

/**
 * What {@link invokeAsyncResult} gives for the service's plain success (202, `{"Status":202}`) with
 * request id `requestId`, without the response: see DoorPort.acceptAtOnce.
 */
export function invokeAsyncAccepted(requestId: string): InvokeAsyncOutput {
  // responseMetadata's fields, for headers that carry only the request id.
  const metadata: ResponseMetadata = { httpStatusCode: 202, requestId, extendedRequestId: undefined, cfId: undefined };
  return { Status: 202, $metadata: countAttempt(metadata) };
}

/** What `InvokeCommand` resolves to (an Event invocation: `StatusCode` 202, the body as `Payload`, `null` when empty). */
export interface InvokeOutput {
  StatusCode: number;
  Payload: Uint8Array | null;
  FunctionError?: string;
  LogResult?: string;
  ExecutedVersion?: string;
  $metadata: ResponseMetadata;
}

/** The SDK's blob type for `Payload` (`Uint8ArrayBlobAdapter.mutate`), so `transformToString()` works as after a real call. */
export type BlobAdapter = (bytes: Uint8Array) => Uint8Array;

/**
 * What `client.send(new InvokeCommand(...))` resolves to for `response`, after one attempt; throws
 * what it would throw instead, as {@link invokeAsyncResult} does.
 */
export function invokeResult(sdk: LambdaSdk, response: WireResponse, blob: BlobAdapter): InvokeOutput {
  const http: SdkHttpResponse = {
    statusCode: response.status,
    headers: nodeHeaders(response.headers),
    body: response.body,
  };
  if (response.status >= 300) throw serviceException(sdk, http, response.body);
  const h = http.headers;
  const output: InvokeOutput = {
    StatusCode: response.status,
    // A copy with a buffer of its own, as the SDK's; `new`, not `Uint8Array.from`, which copies a byte at a time.
    Payload: response.body.byteLength > 0 ? blob(new Uint8Array(response.body)) : null,
    $metadata: countAttempt(responseMetadata(http)),
  };
  if (h['x-amz-function-error'] !== undefined) output.FunctionError = h['x-amz-function-error'];
  if (h['x-amz-log-result'] !== undefined) output.LogResult = h['x-amz-log-result'];
  if (h['x-amz-executed-version'] !== undefined) output.ExecutedVersion = h['x-amz-executed-version'];
  return output;
}

/** What `client.send()` rejects with when the engine answers a fault or cannot answer, after one attempt. */
export function invokeAsyncRejection(outcome: WireFault | WireFailure): Error {
  const error = handlerRejection(outcome) as Error & { $metadata?: ResponseMetadata };
  error.$metadata ??= {};
  countAttempt(error.$metadata);
  return error;
}
