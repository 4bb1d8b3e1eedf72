/**
 * What AWS credential material looks like, for both the recorder (which scrubs what a request
 * carried) and `lambda-cassette validate` (which looks for anything that slipped through).
 * Non-global: callers that scan for every match build a global copy with {@link allMatches}.
 */

/** The access key id inside a SigV4 `authorization` header's credential scope (group 1). */
export const SIGV4_CREDENTIAL = /Credential=([A-Z0-9]{16,128})\//;
/** A SigV4 request signature (group 1: the 64 hex digits). */
export const SIGV4_SIGNATURE = /Signature=([0-9a-f]{64})(?![0-9a-f])/;
/** A long-term or temporary AWS access key id, in any letter case (an echo may have changed it). */
export const ACCESS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/i;
/** STS session tokens: base64 of a binary blob with a recognizable start ("\x21\x0a\x09origin_ec..." and older forms), in any letter case. */
export const SESSION_TOKEN = /(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE|FQoGZXIvYXdzE)[A-Za-z0-9+/=]{20,}/i;
/** A JSON Web Token: three base64url segments, the first a JSON header (checked by the caller: it names "alg"). */
export const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/;
/** The credential of a `Bearer` authorization (group 1): 16 or more token characters, at least one a digit. */
export const BEARER_TOKEN = /\bbearer\s+((?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{16,}=*)/i;
/** A secret access key written next to its name in text (group 1). */
export const SECRET_IN_TEXT =
  /(?:aws_?secret_?access_?key|secret_?access_?key|secretkey)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/i;
/** A value shaped like a secret access key. */
export const SECRET_VALUE = /^[A-Za-z0-9/+]{40}$/;
/** Key names under which a secret access key is stored. */
export const SECRET_KEY_NAME = /secret.?access.?key|aws.?secret|^secret.?key$/i;
/** Header (or field) names whose value is a credential. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-amz-security-token',
  'x-amz-session-token',
  'aws_session_token',
  'sessiontoken',
]);
/** The request header that carries a session token. */
export const SESSION_TOKEN_HEADER = 'x-amz-security-token';
/** What the recorder writes in place of a credential. */
export const CREDENTIAL_MARKER = '[REDACTED-CREDENTIAL]';

/** `pattern` made global, for `matchAll`. */
export function allMatches(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
}
