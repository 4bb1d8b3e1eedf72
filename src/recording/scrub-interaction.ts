/**
 * The one scrubbing path: what the recorder does to each new interaction before it is kept, and
 * what `lambda-cassette redact` does to cassettes already on disk. Payload fields named by JSONPath
 * are replaced, account ids are masked (never in the payload, which must keep matching what the
 * code sends) and credential material a request carried is removed from every string.
 */
import { decodeBody, encodeBody, type Body, type Interaction, type JsonValue } from '../cassette/index.js';
import { lazyModule } from '../common/lazy-module.js';
import { maskAccountIds, redactPayload, REDACTED } from './redaction.js';
import { scrubSecrets } from './secret-scrubber.js';

const jsonPath = lazyModule<typeof import('jsonpath-plus')>('jsonpath-plus');

/** What to scrub. */
export interface ScrubFilters {
  /** JSONPath expressions of payload fields to replace with `[REDACTED]`. */
  redact: readonly string[];
  /** Mask 12-digit account ids in the reference, response headers and text bodies. */
  maskAccountIds: boolean;
  /** Credential strings (from the request's headers) to remove from every string. */
  secrets?: readonly string[];
}

/** A scrubbed interaction and what changed. */
export interface ScrubResult {
  interaction: Interaction;
  /** Payload values newly replaced with `[REDACTED]`. */
  redacted: number;
  /** Values in which account ids were masked. */
  masked: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function countHits(payload: unknown, paths: readonly string[]): number {
  if (payload === null || typeof payload !== 'object') return 0;
  let n = 0;
  for (const path of paths) {
    jsonPath().JSONPath({ path, json: payload as object, resultType: 'value', callback: (value: unknown) => void (value !== REDACTED && n++) });
  }
  return n;
}

/** Applies `fn` to a body's bytes when they are UTF-8 text; binary bodies are left as they are. */
function mapTextBody(body: Body, fn: (text: string) => string): Body {
  let text: string;
  try {
    text = utf8.decode(decodeBody(body));
  } catch {
    return body;
  }
  const out = fn(text);
  return out === text ? body : encodeBody(Buffer.from(out, 'utf8'), false);
}

/** Returns `interaction` scrubbed by `filters`; the input is not modified. */
export function scrubInteraction(interaction: Interaction, filters: ScrubFilters): ScrubResult {
  const secrets = filters.secrets ?? [];
  let redacted = 0;
  let masked = 0;
  const maskText = (text: string): string => {
    const out = filters.maskAccountIds ? maskAccountIds(text) : text;
    if (out !== text) masked++;
    return scrubSecrets(out, secrets);
  };
  const request = { ...interaction.request };
  if ('json' in request.payload && filters.redact.length > 0) {
    redacted += countHits(request.payload.json, filters.redact);
    request.payload = { json: redactPayload(request.payload.json, filters.redact) as JsonValue };
  }
  if (request.functionRef !== undefined) request.functionRef = maskText(request.functionRef);
  const headers = Object.fromEntries(Object.entries(interaction.response.headers).map(([k, v]) => [k, maskText(v)]));
  const body = mapTextBody(interaction.response.body, maskText);
  const scrubbed: Interaction = { ...interaction, request, response: { ...interaction.response, headers, body } };
  // Last line of defence: no credential survives anywhere, wherever an endpoint echoed it.
  const result = secrets.length > 0 ? (JSON.parse(scrubSecrets(JSON.stringify(scrubbed), secrets)) as Interaction) : scrubbed;
  return { interaction: result, redacted, masked };
}
