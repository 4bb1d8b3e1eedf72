/**
 * A payload that carries the caller's own credentials (say, the access key id it signs with, sent
 * along for auditing) is stored with them replaced by the credential marker, as every other string
 * of a recording is. Replaying the same code must still match, even when it signs with other
 * credentials (dummy keys in CI): so the request side is scrubbed the same way at match time, with
 * the credentials of the request being matched. A recorded `[REDACTED-CREDENTIAL]` then matches
 * whatever key the replaying request signs with, in the same place of the payload, and nothing else.
 *
 * The call log is not touched: assertions see the payload the code sent.
 */
import type { Body } from '../cassette/index.js';
import { jsonText } from '../common/canonical-json.js';
import { scrubSecrets, secretForms } from './secret-scrubber.js';

/** The secrets of `secrets` that occur, in some form, in the request body `raw`. */
function secretsIn(raw: Uint8Array, secrets: readonly string[]): string[] {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  return secrets.filter((secret) => secretForms(secret).some((form) => bytes.includes(form)));
}

/**
 * `payload` (the stored form of the request body `raw`) with the request's own credentials replaced
 * by the marker, exactly as the recorder's last scrub replaces them; the same object when the body
 * holds none (a byte search: matching pays nothing more in the usual case).
 */
export function withoutOwnCredentials(payload: Body, raw: Uint8Array, secrets: readonly string[]): Body {
  if (secrets.length === 0) return payload;
  const present = secretsIn(raw, secrets);
  if (present.length === 0) return payload;
  if ('json' in payload) return { json: JSON.parse(scrubSecrets(jsonText(payload.json), present)) as typeof payload.json };
  if ('text' in payload) return { text: scrubSecrets(payload.text, present) };
  return { base64: Buffer.from(scrubSecrets(Buffer.from(payload.base64, 'base64').toString('latin1'), present), 'latin1').toString('base64') };
}
