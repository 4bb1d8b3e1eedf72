/**
 * Responses as a cassette keeps them and gives them back: recorded without per-connection headers,
 * replayed with the recorded bytes.
 */
import { CONNECTION_HEADERS, type WireResponse } from '../wire/wire-types.js';
import { decodeBody, encodeBody, type Interaction } from '../cassette/index.js';

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

/** The response a recorded interaction stands for, bytes as recorded. */
export function replayedResponse(interaction: Interaction): WireResponse {
  // As a Buffer, like every other body the engine hands out (and like Node's own): the SDK code that
  // reads bodies then sees one kind of object, not two.
  const bytes = decodeBody(interaction.response.body);
  const body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    kind: 'response',
    status: interaction.response.status,
    headers: { ...interaction.response.headers, 'content-length': String(body.byteLength) },
    body,
  };
}
