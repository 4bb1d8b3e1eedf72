import { boundedMemo } from '../common/bounded-memo.js';
import { normalizeHeaders, type WireRequest } from './wire-types.js';
import { parseFunctionRef, type FunctionRef } from './function-ref.js';
import {
  apiPath,
  INVOKE_ASYNC_FAMILY,
  INVOKE_ASYNC_PATH,
  INVOKE_PATH,
  lambdaHostRegionPart,
} from './lambda-address.js';
import { qualifierParam, type ServedOperation } from './invoke-event.js';
import { invocationTypeOf, type InvocationType } from './invocation-type.js';

const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/lambda\/aws4_request/;
const SDK_ATTEMPT = /attempt=(\d+)/;

/** An InvokeAsync or `Invoke` request (any invocation type), as the service reads it. */
export interface InvocationRequest {
  /** Which operation the request is. */
  operation: ServedOperation;
  /** How the function runs: InvokeAsync is `'Event'`; an Invoke without the header is `'RequestResponse'`. */
  invocationType: InvocationType;
  /** Set when `X-Amz-Invocation-Type` held a value outside the enum (the service refuses it). */
  badInvocationType?: string;
  /** `FunctionName` from the path, URI-decoded. */
  functionName: string;
  /** Parsed reference; `undefined` when the name breaks the service's pattern. */
  ref: FunctionRef | undefined;
  region: string;
  /**
   * Raw `InvokeArgs` (or `Payload`): its bytes, or the well-formed string they are the UTF-8 encoding
   * of, as a door that was handed a string keeps it (read it with {@link bodyBytes} and
   * {@link bodyLength}).
   */
  body: Uint8Array | string;
  /** Parsed JSON payload when the body is JSON; an empty body is `{}`, what the function receives. */
  json: { ok: true; value: unknown; text?: string } | { ok: false; error: string };
  /** The SDK's retry attempt from `amz-sdk-request`, 1 when absent. */
  attempt: number;
  headers: Record<string, string>;
  /** Invoke only: the `?Qualifier=` parameter as sent (`ref.qualifier` already has it when the name has none). */
  qualifierParam?: string;
}

/** Returns the still-encoded `FunctionName` when `pathname` is an InvokeAsync path. */
function matchInvokeAsyncPath(pathname: string): string | undefined {
  return INVOKE_ASYNC_PATH.exec(pathname)?.[1];
}

// InvokeAsync is the only operation of API version 2014-11-13, so a POST under it is an InvokeAsync
// whose FunctionName broke the path: '' (`/functions//invoke-async`), '.' and '..' (which URL
// parsing folds into `/functions/invoke-async` and `/invoke-async`), or a name with a slash. The
// service answers those with a validation error, so the double must see them as InvokeAsync too.
const RAW_INVOKE_ASYNC = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\/2014-11-13\/functions\/([^/?#]*)\/invoke-async\/?(?:[?#]|$)/i;
const FOLDED_NAMES: Record<string, string> = { 'functions/invoke-async': '.', 'invoke-async': '..' };

function brokenInvokeAsyncName(url: string, pathname: string): string | undefined {
  const raw = RAW_INVOKE_ASYNC.exec(url)?.[1];
  if (raw !== undefined) return raw;
  if (!INVOKE_ASYNC_FAMILY.test(pathname)) return undefined;
  const rest = pathname.slice('/2014-11-13/'.length).replace(/\/$/, '');
  return FOLDED_NAMES[rest] ?? rest.replace(/^functions\//, '').replace(/\/invoke-async$/, '');
}

// The same for Invoke: a POST carrying `X-Amz-Invocation-Type: Event` whose FunctionName segment
// was '' or a dot segment (`/functions/invocations`, `/invocations` once URL parsing folded it).
const RAW_INVOKE = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\/2015-03-31\/functions\/([^/?#]*)\/invocations\/?(?:[?#]|$)/i;
const FOLDED_INVOKE_NAMES: Record<string, string> = {
  '/2015-03-31/functions/invocations': '.',
  '/2015-03-31/invocations': '..',
};

function brokenInvokeName(url: string, pathname: string): string | undefined {
  return RAW_INVOKE.exec(url)?.[1] ?? FOLDED_INVOKE_NAMES[pathname.replace(/\/$/, '')];
}

/** The region a request is addressed to: from the host, else the SigV4 credential scope. */
export function regionOf(host: string, headers: Record<string, string>, fallback: string): string {
  return lambdaHostRegionPart(host) || (scopeRegion(headers) ?? fallback);
}

/** The region of the SigV4 credential scope in `authorization`, if any. */
function scopeRegion(headers: Record<string, string>): string | undefined {
  return CREDENTIAL_SCOPE.exec(headers['authorization'] ?? '')?.[1];
}

/** Reads the SDK's retry attempt number; 1 when the caller did not say. */
function attemptOf(headers: Record<string, string>): number {
  const n = Number(SDK_ATTEMPT.exec(headers['amz-sdk-request'] ?? '')?.[1]);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/**
 * A request body's bytes. A string body is encoded here, when something needs the bytes (a payload
 * that is not JSON, recorded or logged as sent): encoding every payload cost a stubbed call more than
 * the rest of the door.
 */
export function bodyBytes(body: Uint8Array | string): Uint8Array {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

/** A request body's length in bytes, as the service measures it against its payload limits. */
export function bodyLength(body: Uint8Array | string): number {
  return typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
}

/**
 * Whether the body is longer than `limit` bytes. A string of n UTF-16 units encodes to at most 3n
 * bytes, so most strings are known to be within a limit without counting.
 */
export function bodyOver(body: Uint8Array | string, limit: number): boolean {
  if (typeof body === 'string' && body.length * 3 <= limit) return false;
  return bodyLength(body) > limit;
}

/** A request body as text: its bytes decoded as UTF-8 (a string body is the text they encode). */
export function bodyText(body: Uint8Array | string): string {
  return typeof body === 'string' ? body : utf8Text(body);
}

function utf8Text(body: Uint8Array): string {
  return (Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength)).toString('utf8');
}

/** Whether `text` holds no lone surrogate, so that encoding it as UTF-8 and decoding it back gives it again. */
export function isWellFormed(text: string): boolean {
  // Node 20's lib typings lack String.prototype.isWellFormed; the runtime has it.
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** `text` when it is exactly what decoding its UTF-8 bytes gives: not when a lone surrogate became U+FFFD. */
function decodedAs(text: string | undefined): text is string {
  return text !== undefined && isWellFormed(text);
}

/**
 * Parses the body as JSON the way the service insists on; no payload at all is the event `{}`.
 * `sent` is the string `body` was encoded from, when there was one (WireRequest's `text`).
 */
export function parseJsonBody(body: Uint8Array | string, sent?: string): InvocationRequest['json'] {
  if (body.length === 0) return { ok: true, value: {} };
  const text = typeof body === 'string' ? body : decodedAs(sent) ? sent : utf8Text(body);
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

// A URL that WHATWG parsing would not change: lower-case host, a path of characters it leaves as they
// are and no dot segments. Such URLs (all that the SDK and the doors build) are split by this regular
// expression; any other goes through `new URL`, which costs as much as the rest of the parse.
const PLAIN_URL = /^https?:\/\/([a-z0-9.-]+)(?::\d{1,5})?(\/[\w\-.~%!$&'()*+,;=:@/]*)(\?[^#]*)?(?:#.*)?$/;
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:\/|$)/i;

interface UrlParts {
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
}

// A process calls a few functions many times: the same URLs come back, and a lookup costs less than the parse.
const hostAndPath = boundedMemo(256, (url): UrlParts => Object.freeze(splitUrl(url)));

function splitUrl(url: string): UrlParts {
  const m = PLAIN_URL.exec(url);
  if (m && !DOT_SEGMENT.test(m[2]!)) return { hostname: m[1]!, pathname: apiPath(m[2]!), search: m[3] ?? '' };
  const parsed = new URL(url);
  return { hostname: parsed.hostname, pathname: apiPath(parsed.pathname), search: parsed.search };
}

/** The served operation and encoded FunctionName a path names; `undefined` for any other request. */
function operationOf(
  req: WireRequest,
  url: { pathname: string },
): { operation: ServedOperation; encoded: string } | undefined {
  // The common case first: a well-formed InvokeAsync path, which no Invoke path test can also match.
  const plain = matchInvokeAsyncPath(url.pathname);
  if (plain !== undefined) return { operation: 'InvokeAsync', encoded: plain };
  const invoke = INVOKE_PATH.exec(url.pathname)?.[1] ?? brokenInvokeName(req.url, url.pathname);
  if (invoke !== undefined) return { operation: 'Invoke', encoded: invoke };
  const encoded = brokenInvokeAsyncName(req.url, url.pathname);
  return encoded === undefined ? undefined : { operation: 'InvokeAsync', encoded };
}

/** What a request's URL, `X-Amz-Invocation-Type` and the default region give: all of its parse but the headers' and body's part. */
interface Addressed {
  readonly operation: ServedOperation;
  readonly functionName: string;
  readonly ref: FunctionRef | undefined;
  readonly qualifier: string | undefined;
  /** The invocation type header as read (InvokeAsync: `'Event'`), and the type it names. */
  readonly header: string | undefined;
  readonly invocationType: InvocationType | undefined;
  /** The region the host names, if it names one; else the one to fall back on after the signature's. */
  readonly hostRegion: string | undefined;
  readonly fallbackRegion: string;
}

/** The last parse of a URL's address, for the header value and default region it was made with. */
interface AddressSlot {
  readonly type: string | undefined;
  readonly defaultRegion: string;
  readonly addressed: Addressed | undefined;
}

// Per URL (its parts, which hostAndPath keeps): a process sends to a few functions over and over, and
// finding the operation, the function reference and the host's region again on every call cost a
// zero-config call more than everything else the engine does (0.03–0.04 of the SDK's own cost).
const addressSlots = new WeakMap<UrlParts, AddressSlot>();

function addressOf(
  req: WireRequest,
  url: UrlParts,
  type: string | undefined,
  defaultRegion: string,
): Addressed | undefined {
  const served = operationOf(req, url);
  if (served === undefined) return undefined;
  const { operation, encoded } = served;
  let functionName = encoded;
  if (encoded.includes('%')) {
    try {
      functionName = decodeURIComponent(encoded);
    } catch {
      // Not valid percent-encoding: the name as sent.
    }
  }
  let ref = parseFunctionRef(functionName);
  const qualifier = operation === 'Invoke' ? qualifierParam(url.search) : undefined;
  if (ref && qualifier !== undefined && ref.qualifier === undefined) ref = Object.freeze({ ...ref, qualifier });
  const header = operation === 'Invoke' ? type : 'Event';
  return Object.freeze({
    operation,
    functionName,
    ref,
    qualifier,
    header,
    invocationType: invocationTypeOf(header),
    hostRegion: lambdaHostRegionPart(url.hostname) || undefined,
    fallbackRegion: ref?.region ?? defaultRegion,
  });
}

/** Parses an InvokeAsync or Invoke request (any invocation type); `undefined` when the request is neither. */
export function parseInvocation(req: WireRequest, defaultRegion: string): InvocationRequest | undefined {
  const url = hostAndPath(req.url);
  if (req.method.toUpperCase() !== 'POST') return undefined;
  const headers = normalizeHeaders(req.headers);
  const type = headers['x-amz-invocation-type'];
  let slot = addressSlots.get(url);
  if (slot === undefined || slot.type !== type || slot.defaultRegion !== defaultRegion) {
    slot = { type, defaultRegion, addressed: addressOf(req, url, type, defaultRegion) };
    addressSlots.set(url, slot);
  }
  const addressed = slot.addressed;
  if (addressed === undefined) return undefined;
  const { invocationType } = addressed;
  // Optional fields assigned, not spread in: every call through every door is parsed here.
  const request: InvocationRequest = {
    operation: addressed.operation,
    invocationType: invocationType ?? 'RequestResponse',
    functionName: addressed.functionName,
    ref: addressed.ref,
    // As regionOf: the host's, else the signature's credential scope, else the fallback.
    region: addressed.hostRegion ?? scopeRegion(headers) ?? addressed.fallbackRegion,
    body: req.body,
    json: parseJsonBody(req.body, req.text),
    attempt: attemptOf(headers),
    headers,
  };
  if (invocationType === undefined) request.badInvocationType = addressed.header!;
  if (addressed.qualifier !== undefined) request.qualifierParam = addressed.qualifier;
  return request;
}
