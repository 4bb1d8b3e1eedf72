/**
 * Finds credential material in a parsed cassette, wherever it hides: AWS access key ids, SigV4
 * signatures, session tokens, `authorization`-like headers, and secret access keys next to a key
 * name. The recorder scrubs what the request carried; this catches what it could not know about
 * (a payload that embeds a key, a hand-edited cassette, an endpoint that echoed another credential).
 *
 * Findings never repeat the secret: they may end up in CI logs.
 */
import { decodeBody } from '../cassette/index.js';
import {
  ACCESS_KEY_ID,
  allMatches,
  CREDENTIAL_HEADERS,
  SECRET_IN_TEXT,
  SECRET_KEY_NAME,
  SECRET_VALUE,
  SESSION_TOKEN,
  SIGV4_SIGNATURE,
} from '../recording/secret-patterns.js';

/** One piece of credential material. */
export interface SecretFinding {
  /** JSON Pointer (RFC 6901) of the value that holds it. */
  jsonPath: string;
  rule: SecretRule;
  /** What was found, with the secret itself masked. */
  message: string;
}

export type SecretRule = 'aws-access-key-id' | 'sigv4-signature' | 'session-token' | 'credential-header' | 'secret-access-key';

const ACCESS_KEY_IDS = allMatches(ACCESS_KEY_ID);
const SIGNATURES = allMatches(SIGV4_SIGNATURE);
const SESSION_TOKENS = allMatches(SESSION_TOKEN);
const SECRETS_IN_TEXT = allMatches(SECRET_IN_TEXT);
// What lambda-cassette itself writes in place of a secret.
const MARKERS = /^\[REDACTED(?:-CREDENTIAL)?\]$/;
// AWS documentation's examples (AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY) are not secrets.
const isExample = (s: string) => /EXAMPLE/.test(s);

function mask(secret: string): string {
  return `${secret.slice(0, 4)}${'*'.repeat(Math.min(secret.length - 4, 16))} (${secret.length} chars)`;
}

function pointer(parts: readonly (string | number)[]): string {
  return parts.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function scanText(text: string, at: string, found: SecretFinding[]): void {
  for (const m of text.matchAll(ACCESS_KEY_IDS)) {
    if (!isExample(m[0])) found.push({ jsonPath: at, rule: 'aws-access-key-id', message: `AWS access key id ${mask(m[0])}` });
  }
  for (const m of text.matchAll(SIGNATURES)) {
    found.push({ jsonPath: at, rule: 'sigv4-signature', message: `SigV4 request signature (${m[0].slice(0, 14)}…): an authorization header was recorded` });
  }
  for (const m of text.matchAll(SESSION_TOKENS)) {
    found.push({ jsonPath: at, rule: 'session-token', message: `value that looks like an AWS session token ${mask(m[0])}` });
  }
  for (const m of text.matchAll(SECRETS_IN_TEXT)) {
    const secret = m[1]!;
    if (!isExample(secret)) found.push({ jsonPath: at, rule: 'secret-access-key', message: `secret access key ${mask(secret)} next to "${m[0].split(/["':=\s]/)[0]}"` });
  }
}

function scanValue(value: unknown, parts: (string | number)[], key: string | undefined, found: SecretFinding[]): void {
  if (typeof value === 'string') {
    const at = pointer(parts);
    if (key !== undefined && value !== '' && !MARKERS.test(value)) {
      if (CREDENTIAL_HEADERS.has(key.toLowerCase())) {
        found.push({ jsonPath: at, rule: 'credential-header', message: `"${key}" holds a credential (${value.length} chars); redact it` });
        return;
      }
      if (SECRET_KEY_NAME.test(key) && SECRET_VALUE.test(value) && !isExample(value)) {
        found.push({ jsonPath: at, rule: 'secret-access-key', message: `secret access key ${mask(value)} under "${key}"` });
        return;
      }
    }
    scanText(value, at, found);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => scanValue(item, [...parts, i], undefined, found));
    return;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    // A body stored as base64 may still be text once decoded.
    if (entries.length === 1 && entries[0]![0] === 'base64' && typeof entries[0]![1] === 'string') {
      const text = Buffer.from(decodeBody({ base64: entries[0]![1] })).toString('latin1');
      const before = found.length;
      scanText(text, pointer([...parts, 'base64']), found);
      for (const f of found.slice(before)) f.message += ' (in the decoded base64)';
      return;
    }
    for (const [k, v] of entries) {
      scanText(k, pointer([...parts, k]), found);
      scanValue(v, [...parts, k], k, found);
    }
  }
}

/** Every secret in `document` (a parsed cassette, or any JSON value), in document order. */
export function scanForSecrets(document: unknown): SecretFinding[] {
  const found: SecretFinding[] = [];
  scanValue(document, [], undefined, found);
  return found;
}
