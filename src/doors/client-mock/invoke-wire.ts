/**
 * The request the SDK would send for an `InvokeAsyncCommand` or `InvokeCommand` input, built without
 * the SDK's middleware: FunctionName URI-encoded into the path, the client's region in the host, the
 * headers the input sets, and the payload bytes as the body. And that request as the engine parses
 * it, without building it (`invocationOf`).
 */
import { invokeAsyncUrl, invokeUrl } from '../../wire/lambda-address.js';
import type { ServedOperation } from '../../wire/invoke-event.js';
import type { WireRequest } from '../../wire/wire-types.js';
import { parseInvocation, parseJsonBody, type InvocationRequest } from '../../wire/parse-request.js';

/** The fields of `InvokeAsyncCommandInput` (and of `InvokeCommandInput`: `Payload`, `Qualifier`) the door reads. */
export interface InvokeInput {
  FunctionName?: unknown;
  InvokeArgs?: unknown;
  Payload?: unknown;
  Qualifier?: unknown;
  InvocationType?: unknown;
  LogType?: unknown;
}

/** What `parseInvocation` reads from a request's address and headers: all of it but the payload. */
type Addressed = Omit<InvocationRequest, 'body' | 'json'>;

/**
 * One function's address (operation, region, name) with no qualifier, as requests to it are built
 * and parsed. `parsed` is the last parse of its address and headers, for the default region and
 * header values it was made with.
 */
interface Address {
  readonly url: string;
  parsed?: {
    readonly defaultRegion: string;
    readonly type: string | undefined;
    readonly logType: string | undefined;
    readonly addressed: Addressed | undefined;
  };
}

/** The SDK's `extendedEncodeURIComponent`, which encodes an HTTP label such as FunctionName. */
function encodeLabel(value: string): string {
  if (/^[\w.~-]+$/.test(value)) return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// A test calls few functions in few regions, many times each: their addresses are kept, since
// finding a region's partition for the host costs as much as the rest of building the request.
// parseInvocation keeps its own parse of each URL, but building a request with no body for it and
// reading its headers back on every call still cost bindClientMock 0.03 of a bare stub (1.262x
// against 1.230x in six probe runs each), so the parse less the payload is kept here too.
// Bounded, in case names are generated.
const MAX_ADDRESSES = 1000;
const addresses: Record<ServedOperation, Map<string, Map<string, Address>>> = {
  InvokeAsync: new Map(),
  Invoke: new Map(),
};
let addressCount = 0;

function address(operation: ServedOperation, region: string, name: string): Address {
  const known = addresses[operation].get(region)?.get(name);
  if (known !== undefined) return known;
  const encoded = encodeLabel(name);
  const built: Address = { url: operation === 'Invoke' ? invokeUrl(region, encoded) : invokeAsyncUrl(region, encoded) };
  if (++addressCount > MAX_ADDRESSES) {
    addresses.InvokeAsync.clear();
    addresses.Invoke.clear();
    addressCount = 1;
  }
  let byName = addresses[operation].get(region);
  if (!byName) addresses[operation].set(region, (byName = new Map()));
  byName.set(name, built);
  return built;
}

function url(operation: ServedOperation, region: string, name: string, qualifier: string | undefined): string {
  return qualifier === undefined
    ? address(operation, region, name).url
    : invokeUrl(region, encodeLabel(name), qualifier);
}

function qualifierOf(operation: ServedOperation, input: InvokeInput): string | undefined {
  return operation === 'Invoke' && input.Qualifier != null ? String(input.Qualifier) : undefined;
}

// The SDK sends these headers only when the input sets them; no InvocationType means RequestResponse.
function invocationTypeHeader(operation: ServedOperation, input: InvokeInput): string | undefined {
  return operation === 'Invoke' && input.InvocationType != null ? String(input.InvocationType) : undefined;
}

function logTypeHeader(operation: ServedOperation, input: InvokeInput): string | undefined {
  return operation === 'Invoke' && input.LogType != null ? String(input.LogType) : undefined;
}

/** The request the SDK would send for `input`: InvokeAsync, or Invoke in any invocation type; `text` is the payload string `body` encodes, if any. */
export function wireOf(
  operation: ServedOperation,
  region: string,
  name: unknown,
  input: InvokeInput,
  body: Uint8Array,
  text?: string,
): WireRequest {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  const type = invocationTypeHeader(operation, input);
  const logType = logTypeHeader(operation, input);
  if (type !== undefined) headers['x-amz-invocation-type'] = type;
  if (logType !== undefined) headers['x-amz-log-type'] = logType;
  const wire: WireRequest = {
    method: 'POST',
    url: url(operation, region, String(name), qualifierOf(operation, input)),
    headers,
    body,
  };
  if (text !== undefined) wire.text = text;
  return wire;
}

const NO_BODY = new Uint8Array(0);

/** What parsing the request gives, less its payload; its headers frozen, as calls share them. */
function addressedOf(parsed: InvocationRequest | undefined): Addressed | undefined {
  if (!parsed) return undefined;
  const { body: _body, json: _json, ...addressed } = parsed;
  Object.freeze(addressed.headers);
  return Object.freeze(addressed);
}

/**
 * `addressed` with a payload. Written out, not spread: spreading the kept object cost a call more
 * than the rest of this file.
 */
function withPayload(addressed: Addressed, payload: Uint8Array | string): InvocationRequest {
  const request: InvocationRequest = {
    operation: addressed.operation,
    invocationType: addressed.invocationType,
    functionName: addressed.functionName,
    ref: addressed.ref,
    region: addressed.region,
    body: payload,
    json: parseJsonBody(payload),
    attempt: addressed.attempt,
    headers: addressed.headers,
  };
  if (addressed.badInvocationType !== undefined) request.badInvocationType = addressed.badInvocationType;
  if (addressed.qualifierParam !== undefined) request.qualifierParam = addressed.qualifierParam;
  return request;
}

/**
 * What `parseInvocation(wireOf(operation, region, name, input, bytes), defaultRegion)` gives, where
 * `bytes` is `payload` (a well-formed string) encoded as UTF-8, or `payload` itself: without building
 * the request or encoding the payload. The payload is parsed by the same function as any request's;
 * the rest is kept per address. `undefined` when the request is not one the engine serves.
 */
export function invocationOf(
  operation: ServedOperation,
  region: string,
  name: unknown,
  input: InvokeInput,
  payload: Uint8Array | string,
  defaultRegion: string,
): InvocationRequest | undefined {
  if (qualifierOf(operation, input) !== undefined) {
    const addressed = addressedOf(parseInvocation(wireOf(operation, region, name, input, NO_BODY), defaultRegion));
    return addressed && withPayload(addressed, payload);
  }
  const type = invocationTypeHeader(operation, input);
  const logType = logTypeHeader(operation, input);
  const at = address(operation, region, String(name));
  let kept = at.parsed;
  if (kept === undefined || kept.defaultRegion !== defaultRegion || kept.type !== type || kept.logType !== logType) {
    const addressed = addressedOf(parseInvocation(wireOf(operation, region, name, input, NO_BODY), defaultRegion));
    at.parsed = kept = { defaultRegion, type, logType, addressed };
  }
  return kept.addressed && withPayload(kept.addressed, payload);
}
