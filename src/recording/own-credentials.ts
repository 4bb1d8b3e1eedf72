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
import { UnscrubbableSecretError } from '../common/recording-errors.js';
import { recorderPass, scrubBodySecretsAndText, traceOfSecret } from './secret-scrubber.js';

/**
 * `payload` (the stored form of a request body) with the request's own credentials, and any bearer
 * credential, replaced by the marker exactly as the recorder replaces them: the same function on
 * the same value. The same object when the body holds none.
 * @throws {UnscrubbableSecretError} for a payload the recorder would refuse too.
 */
export function withoutOwnCredentials(payload: Body, secrets: readonly string[]): Body {
  const { body: scrubbed, text: stored } = scrubBodySecretsAndText(
    payload,
    recorderPass(secrets),
    'the request payload',
  );
  const trace = secrets.length > 0 ? traceOfSecret(stored, secrets) : undefined;
  if (trace !== undefined) throw new UnscrubbableSecretError('the request payload', [trace]);
  return scrubbed;
}
