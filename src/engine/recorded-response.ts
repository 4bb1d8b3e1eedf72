/**
 * Responses as a cassette keeps them and gives them back: recorded without per-connection headers,
 * replayed with the recorded bytes.
 */
import { CONNECTION_HEADERS, type WireResponse } from '../wire/wire-types.js';
import { decodeBody, encodeBody, type Interaction, type JsonValue } from '../cassette/index.js';
import { sameJson } from '../matching/interaction-index.js';
import { canonicalJson } from '../common/canonical-json.js';

// Per-connection or per-moment headers: replay recomputes or omits them.
const UNRECORDED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([...CONNECTION_HEADERS, 'date', 'set-cookie']);

export function recordedResponse(res: WireResponse): Interaction['response'] {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    const lower = name.toLowerCase();
    if (!UNRECORDED_RESPONSE_HEADERS.has(lower)) headers[lower] = value;
  }
  return { status: res.status, headers, body: encodeBody(res.body, false) };
}

/**
 * The canonical JSON text of the last `json` body replayed, kept by a cassette's responder: a
 * cassette's answers often repeat (every InvokeAsync answer is `{"Status":202}`), and writing the
 * value out again was about 40 % of rebuilding an answer (CPU profile of a replay loop).
 */
export interface LastJsonBody {
  json: JsonValue;
  text: string;
}

/**
 * The response a recorded interaction stands for, bytes as recorded. `last` holds the last `json`
 * body written out (updated here): an equal value reuses its text.
 */
export function replayedResponse(interaction: Interaction, last?: { body?: LastJsonBody }): WireResponse {
  const recorded = interaction.response.body;
  let bytes: Uint8Array;
  if (last && 'json' in recorded) {
    // decodeBody's bytes for a `json` body: its canonical JSON text, which an equal value shares.
    if (last.body === undefined || !sameJson(last.body.json, recorded.json))
      last.body = { json: recorded.json, text: canonicalJson(recorded.json) };
    bytes = Buffer.from(last.body.text, 'utf8');
  } else bytes = decodeBody(recorded);
  // As a Buffer, like every other body the engine hands out (and like Node's own): the SDK code that
  // reads bodies then sees one kind of object, not two.
  const body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    kind: 'response',
    status: interaction.response.status,
    headers: withContentLength(interaction.response.headers, body.byteLength),
    body,
  };
}

/**
 * A copy of `headers` with `content-length` set, as `{ ...headers, 'content-length': ... }` gives it.
 * Copied name by name: V8 takes a slow path for a key added after a spread (about 0.45 µs a call
 * against 0.07 µs), and replay builds one of these on every call.
 */
function withContentLength(headers: Record<string, string>, length: number): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    // Defined, as the spread defines it, not set: setting `__proto__` would change the prototype.
    if (name === '__proto__')
      Object.defineProperty(copy, name, { value: headers[name], enumerable: true, writable: true, configurable: true });
    else copy[name] = headers[name]!;
  }
  copy['content-length'] = String(length);
  return copy;
}
