/**
 * The request the SDK would send for an `InvokeAsyncCommand` or `InvokeCommand` input, built without
 * the SDK's middleware: FunctionName URI-encoded into the path, the client's region in the host, the
 * headers the input sets, and the payload bytes as the body.
 */
import { invokeAsyncUrl, invokeUrl } from '../../wire/lambda-address.js';
import type { ServedOperation } from '../../wire/invoke-event.js';
import type { WireRequest } from '../../wire/wire-types.js';

/** The fields of `InvokeAsyncCommandInput` (and of `InvokeCommandInput`: `Payload`, `Qualifier`) the door reads. */
export interface InvokeInput {
  FunctionName?: unknown;
  InvokeArgs?: unknown;
  Payload?: unknown;
  Qualifier?: unknown;
  InvocationType?: unknown;
  LogType?: unknown;
}

/** The SDK's `extendedEncodeURIComponent`, which encodes an HTTP label such as FunctionName. */
function encodeLabel(value: string): string {
  if (/^[\w.~-]+$/.test(value)) return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// A test calls few functions in few regions, many times each: their URLs are kept, since finding a
// region's partition for the host costs as much as the rest of building the request. Bounded, in
// case names are generated.
const MAX_URLS = 1000;
const urls: Record<ServedOperation, Map<string, Map<string, string>>> = { InvokeAsync: new Map(), Invoke: new Map() };
let urlCount = 0;

function url(operation: ServedOperation, region: string, name: string, qualifier: string | undefined): string {
  if (qualifier !== undefined) return invokeUrl(region, encodeLabel(name), qualifier);
  const known = urls[operation].get(region)?.get(name);
  if (known !== undefined) return known;
  const encoded = encodeLabel(name);
  const built = operation === 'Invoke' ? invokeUrl(region, encoded) : invokeAsyncUrl(region, encoded);
  if (++urlCount > MAX_URLS) {
    urls.InvokeAsync.clear();
    urls.Invoke.clear();
    urlCount = 1;
  }
  let byName = urls[operation].get(region);
  if (!byName) urls[operation].set(region, (byName = new Map()));
  byName.set(name, built);
  return built;
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
  const qualifier = operation === 'Invoke' && input.Qualifier != null ? String(input.Qualifier) : undefined;
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  // The SDK sends these headers only when the input sets them; no InvocationType means RequestResponse.
  if (operation === 'Invoke') {
    if (input.InvocationType != null) headers['x-amz-invocation-type'] = String(input.InvocationType);
    if (input.LogType != null) headers['x-amz-log-type'] = String(input.LogType);
  }
  const wire: WireRequest = { method: 'POST', url: url(operation, region, String(name), qualifier), headers, body };
  if (text !== undefined) wire.text = text;
  return wire;
}
