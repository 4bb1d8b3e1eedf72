/**
 * The one scrubbing path: what the recorder does to each new interaction before it is kept, and
 * what `lambda-cassette redact` does to cassettes already on disk. Payload fields named by JSONPath
 * are replaced, account ids are masked (never in the payload, which must keep matching what the
 * code sends) and credential material a request carried, and every bearer credential, is removed
 * from every string and body in whatever encoding it is in (decode-layers.ts).
 */
import type { Interaction, JsonValue } from '../cassette/index.js';
import { scrubBody } from './scrub-body.js';
import { forEachJsonPathHit } from '../common/json-path.js';
import { jsonText } from '../common/canonical-json.js';
import { maskAccountIds, redactPayload, REDACTED } from './redaction.js';
import { describeHits, recorderPass, scrubBodySecrets, traceOfSecret } from './secret-scrubber.js';
import { scrubText, type Pass } from './decode-layers.js';
import { UnscrubbableSecretError } from '../common/recording-errors.js';

/** What to scrub. */
interface ScrubFilters {
  /** JSONPath expressions of payload fields to replace with `[REDACTED]`. */
  redact: readonly string[];
  /** Mask 12-digit account ids in the reference, response headers and text bodies. */
  maskAccountIds: boolean;
  /** Credential strings (from the request's headers) to remove from every string, in any encoding. */
  secrets?: readonly string[];
}

/** A scrubbed interaction and what changed. */
interface ScrubResult {
  interaction: Interaction;
  /** Payload values newly replaced with `[REDACTED]`. */
  redacted: number;
  /** Values in which account ids were masked. */
  masked: number;
}

function countHits(payload: unknown, paths: readonly string[]): number {
  if (payload === null || typeof payload !== 'object') return 0;
  let n = 0;
  for (const path of paths) {
    forEachJsonPathHit(payload as object, path, (hit) => void (hit.value !== REDACTED && n++));
  }
  return n;
}

/** Returns `interaction` scrubbed by `filters`; the input is not modified. */
export function scrubInteraction(interaction: Interaction, filters: ScrubFilters): ScrubResult {
  const secrets = filters.secrets ?? [];
  let redacted = 0;
  let masked = 0;
  const maskText = (text: string): string => {
    const out = filters.maskAccountIds ? maskAccountIds(text) : text;
    if (out !== text) masked++;
    return out;
  };
  const request = { ...interaction.request };
  if ('json' in request.payload && filters.redact.length > 0) {
    redacted += countHits(request.payload.json, filters.redact);
    request.payload = { json: redactPayload(request.payload.json, filters.redact) as JsonValue };
  }
  if (request.functionRef !== undefined) request.functionRef = maskText(request.functionRef);
  const headers = Object.fromEntries(Object.entries(interaction.response.headers).map(([k, v]) => [k, maskText(v)]));
  // Binary content gets no account ids masked: twelve digits in binary data are more likely data
  // than an account id.
  const body = scrubBody(interaction.response.body, interaction.response.headers['content-encoding'], {
    text: maskText,
    binary: (latin1) => latin1,
  });
  const masks: Interaction = { ...interaction, request, response: { ...interaction.response, headers, body } };
  return { interaction: withoutCredentials(masks, secrets), redacted, masked };
}

/** Every string and body of `interaction` through the decoder pipeline with the recorder's leaf. */
function scrubEverywhere(interaction: Interaction, pass: Pass): Interaction {
  const fn = interaction.request.functionName;
  const request = {
    ...interaction.request,
    payload: scrubBodySecrets(interaction.request.payload, pass, `${fn}: the request payload`),
  };
  if (request.functionRef !== undefined) request.functionRef = scrubText(request.functionRef, pass);
  const headers = Object.fromEntries(
    Object.entries(interaction.response.headers).map(([k, v]) => [k, scrubText(v, pass)]),
  );
  const body = scrubBodySecrets(interaction.response.body, pass, `${fn}: the response body`);
  return { ...interaction, request, response: { ...interaction.response, headers, body } };
}

/**
 * The credentials a request carried and every bearer credential, removed in every encoding the
 * pipeline decodes. Then looked for again, by the same pipeline and by encoding each credential
 * forward: anything still there refuses the interaction rather than write it.
 */
function withoutCredentials(interaction: Interaction, secrets: readonly string[]): Interaction {
  const scrubbed = scrubEverywhere(interaction, recorderPass(secrets));
  const check = recorderPass(secrets);
  scrubEverywhere(scrubbed, check);
  const trace = check.hits.length === 0 ? traceOfSecret(jsonText(scrubbed), secrets) : undefined;
  if (check.hits.length > 0 || trace !== undefined) {
    throw new UnscrubbableSecretError(
      `the interaction with ${interaction.request.functionName}`,
      trace ? [trace] : describeHits(check.hits),
    );
  }
  return scrubbed;
}
