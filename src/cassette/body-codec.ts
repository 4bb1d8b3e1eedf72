import { canonicalJson } from '../common/canonical-json.js';
import type { Body, JsonValue } from './cassette-types.generated.js';

// `fatal` rejects invalid UTF-8 instead of substituting U+FFFD (which would not round-trip);
// `ignoreBOM` keeps a leading byte-order mark in the string so re-encoding gives it back.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Stores bytes in the most readable form that still gives them back.
 *
 * - `preferJson: true` (request payloads): `json` whenever the bytes parse as JSON. Payloads are
 *   matched by value, so readability wins over keeping the caller's whitespace and key order.
 * - `preferJson: false` (response bodies): `json` only when the value's canonical JSON text (what
 *   {@link decodeBody} produces, sorted keys, no whitespace) is exactly the bytes, so replay is
 *   byte-for-byte.
 *
 * Otherwise `text` when the bytes are valid UTF-8, else `base64`.
 */
export function encodeBody(bytes: Uint8Array, preferJson: boolean): Body {
  let text: string;
  try {
    text = utf8Decoder.decode(bytes);
  } catch {
    return { base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
  }
  const value = parseJsonStrictly(text);
  if (value !== undefined && (preferJson || canonicalJson(value.json) === text)) return value;
  return { text };
}

/**
 * The bytes a body stands for: `json` gives the value's canonical JSON text (sorted keys, no
 * whitespace). A Buffer (a Uint8Array), as Node hands out bodies; replay decodes one per call.
 */
export function decodeBody(body: Body): Uint8Array {
  if ('json' in body) return Buffer.from(canonicalJson(body.json), 'utf8');
  if ('text' in body) return Buffer.from(body.text, 'utf8');
  return Buffer.from(body.base64, 'base64');
}

/**
 * `{ json }` when `text` is JSON that a cassette can hold by value, else undefined. A `__proto__`
 * key is refused: canonicalization assigns keys onto a plain object, where `__proto__` would set
 * the prototype and silently vanish from the stored value.
 */
function parseJsonStrictly(text: string): { json: JsonValue } | undefined {
  let sawProto = false;
  try {
    const json = JSON.parse(text, (key, v: unknown) => {
      if (key === '__proto__') sawProto = true;
      return v;
    }) as JsonValue;
    return sawProto ? undefined : { json };
  } catch {
    return undefined;
  }
}
