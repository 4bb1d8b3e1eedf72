/**
 * A payload that carries the caller's own credentials (say, the access key id it signs with, sent
 * along for auditing) is stored with them replaced by the credential marker, as every other string
 * of a recording is. Replaying the same code must still match, even when it signs with other
 * credentials (dummy keys in CI): so the request side is scrubbed the same way at match time, with
 * the credentials of the request being matched. A recorded `[REDACTED-CREDENTIAL]` then matches
 * whatever key the replaying request signs with, in the same place of the payload, and nothing else.
 * Bearer credentials (JWTs, `Bearer <token>`) are always replaced, so a payload carrying a fresh
 * token on each run still matches the recording.
 *
 * The call log is not touched: assertions see the payload the code sent.
 */
import type { Body } from '../cassette/index.js';
import { jsonText } from '../common/canonical-json.js';
import { UnscrubbableSecretError } from '../common/recording-errors.js';
import { asciiLower, MIN_SECRET_LENGTH } from './secret-leaves.js';
import { recorderPass, scrubBodySecretsAndText, secretsOf, traceOfSecret } from './secret-scrubber.js';
import { SESSION_TOKEN_HEADER } from './secret-patterns.js';

/**
 * `payload` (the stored form of a request body) with the request's own credentials, and any bearer
 * credential, replaced by the marker exactly as the recorder replaces them: the same function on
 * the same value. The same object when the body holds none. `parsedFrom` is the JSON text a `json`
 * payload was parsed from, when it is at hand. `secrets` are the credentials, or the headers of the
 * signed request that carries them ({@link secretsOf}).
 * @throws {UnscrubbableSecretError} for a payload the recorder would refuse too.
 */
export function withoutOwnCredentials(
  payload: Body,
  secrets: readonly string[] | Record<string, string>,
  parsedFrom?: string,
): Body {
  // Replay runs this on every request: most payloads are shown plain by one look at their text.
  if ('json' in payload) {
    const plain = shownPlain(secrets);
    if (plainSource(parsedFrom, plain) || plainText(jsonText(payload.json), plain)) return payload;
  }
  if (!isSecretList(secrets)) secrets = secretsOf(secrets);
  const { body: scrubbed, text: stored } = scrubBodySecretsAndText(
    payload,
    recorderPass(secrets),
    'the request payload',
  );
  const trace = secrets.length > 0 ? traceOfSecret(stored, secrets) : undefined;
  if (trace !== undefined) throw new UnscrubbableSecretError('the request payload', [trace]);
  return scrubbed;
}

function isSecretList(secrets: readonly string[] | Record<string, string>): secrets is readonly string[] {
  return Array.isArray(secrets);
}

/**
 * What {@link plainText} must look for of a request's secrets. Read from headers, the session token
 * alone: the SigV4 access key id and signature are runs of 16 or more letters and digits
 * (SIGV4_CREDENTIAL, SIGV4_SIGNATURE), in any letter case runs that {@link plainText} refuses on
 * their own. So replay does not parse them out of the Authorization header (a new one every call)
 * for the payloads most requests carry.
 */
function shownPlain(secrets: readonly string[] | Record<string, string>): readonly string[] {
  if (isSecretList(secrets)) return secrets;
  const token = secrets[SESSION_TOKEN_HEADER];
  return token ? [token] : [];
}

/** A digit then an exponent mark: a number `JSON.stringify` may write out in full, digits the text did not show. */
const EXPONENT = /\d[eE]/;

/**
 * Whether the JSON text a payload was parsed from shows the payload plain, without writing the value
 * out again. With no backslash (no escape), `JSON.stringify` of the parsed value writes every string
 * as the text did and only drops whitespace between tokens, duplicate keys, and trailing zeros of
 * numbers: its runs of token characters are pieces of the text's, and separators stay between them.
 * Only an exponent can make it write digits the text did not show (`1.5e20`), so such a text is left
 * to the value's own text.
 */
function plainSource(text: string | undefined, secrets: readonly string[]): boolean {
  return text !== undefined && !EXPONENT.test(text) && plainText(text, secrets);
}

/** Characters of either base64 alphabet (hex digits are among them), by char code. */
const TOKEN_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_') TOKEN_CHAR[c.charCodeAt(0)] = 1;
/** The shortest run the pipeline decodes or the final check looks into (base64 cores: 12; tokens: 24). */
const SHORTEST_RUN = 12;
const PERCENT = 37;
const AMPERSAND = 38;
const BACKSLASH = 92;

/**
 * Whether the pipeline would find nothing in `text` and the final check no trace: no escape
 * (percent, JSON, HTML) to undo, no run of base64 or hex characters long enough to decode, so the
 * text is its only view; and in it no JWT start, no `bearer`, and none of `secrets`, in any case.
 */
function plainText(text: string, secrets: readonly string[]): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === PERCENT || code === AMPERSAND || code === BACKSLASH) return false;
    run = code < 128 && TOKEN_CHAR[code] === 1 ? run + 1 : 0;
    if (run >= SHORTEST_RUN) return false;
  }
  if (text.includes('eyJ') || /bearer/i.test(text)) return false;
  let lower: string | undefined;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    lower ??= asciiLower(text);
    if (lower.includes(asciiLower(secret))) return false;
  }
  return true;
}
