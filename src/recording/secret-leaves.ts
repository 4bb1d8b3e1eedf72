/**
 * What the decoder pipeline (decode-layers.ts) looks for in each decoded view. The recorder looks
 * for the credentials a request carried, in any letter case, and for bearer credentials whoever
 * issued them (JWTs, `Bearer <token>`): those are scrubbed always, since a test never needs a live
 * one and replay matches them by position. `validate` looks for anything shaped like AWS
 * credential material, and the same bearer credentials.
 */
import type { Leaf, Span } from './decode-layers.js';
import {
  ACCESS_KEY_ID,
  allMatches,
  BEARER_TOKEN,
  JWT,
  SECRET_IN_TEXT,
  SESSION_TOKEN,
  SIGV4_SIGNATURE,
} from './secret-patterns.js';

const JWTS = allMatches(JWT);
const BEARERS = allMatches(BEARER_TOKEN);
const ACCESS_KEY_IDS = allMatches(ACCESS_KEY_ID);
const SIGNATURES = allMatches(SIGV4_SIGNATURE);
const SESSION_TOKENS = allMatches(SESSION_TOKEN);
const SECRETS_IN_TEXT = allMatches(SECRET_IN_TEXT);

// AWS documentation's examples (AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY) are not secrets.
const isExample = (s: string) => /EXAMPLE/i.test(s);

/**
 * Shorter strings are not taken for credentials: real ones are 20 characters (key ids) or more, and
 * dummy values (`sessionToken: 'test'`) would otherwise be replaced in every word that holds them.
 */
export const MIN_SECRET_LENGTH = 16;

/** ASCII letters lowered, nothing else: the string keeps its length, so positions stay true. */
export function asciiLower(text: string): string {
  // An ASCII-only string lowers the same either way, and toLowerCase is many times faster; it would
  // also lower letters past ASCII (some changing length), hence the check.
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

const NOT_ASCII = /[^\0-\x7f]/;

/** Whether a JWT's first segment decodes to a JSON header naming its algorithm. */
function isJwtHeader(segment: string): boolean {
  try {
    const header = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
    return header !== null && typeof header === 'object' && 'alg' in header;
  } catch {
    return false;
  }
}

/** The bearer credentials in `text`: JWTs, and the token of each `Bearer <token>`. */
function bearerSpans(text: string): Span[] {
  const spans: Span[] = [];
  if (text.includes('eyJ')) {
    for (const m of text.matchAll(JWTS))
      if (isJwtHeader(m[0].split('.')[0]!)) spans.push({ start: m.index, end: m.index + m[0].length, rule: 'jwt' });
  }
  if (/bearer/i.test(text)) {
    for (const m of text.matchAll(BEARERS)) {
      const token = m[1]!;
      const start = m.index + m[0].length - token.length;
      if (!spans.some((s) => start < s.end && s.start < start + token.length))
        spans.push({ start, end: start + token.length, rule: 'bearer-token' });
    }
  }
  return spans;
}

/** The recorder's leaf: each of `secrets` in any letter case, and bearer credentials. */
export function recorderLeaf(secrets: readonly string[]): Leaf {
  const lowered = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).map(asciiLower);
  return (text) => {
    const spans = bearerSpans(text);
    if (lowered.length === 0) return spans;
    const haystack = asciiLower(text);
    for (const secret of lowered) {
      for (let at = haystack.indexOf(secret); at >= 0; at = haystack.indexOf(secret, at + secret.length)) {
        spans.push({ start: at, end: at + secret.length, rule: 'request-credential' });
      }
    }
    return spans;
  };
}

/** `validate`'s leaf: AWS credential material by its shape (in any letter case), and bearer credentials. */
export const scanLeaf: Leaf = (text) => {
  const spans: Span[] = [];
  const add = (start: number, end: number, rule: string) => spans.push({ start, end, rule });
  for (const m of text.matchAll(ACCESS_KEY_IDS))
    if (!isExample(m[0])) add(m.index, m.index + m[0].length, 'aws-access-key-id');
  for (const m of text.matchAll(SIGNATURES)) add(m.index, m.index + m[0].length, 'sigv4-signature');
  for (const m of text.matchAll(SESSION_TOKENS)) add(m.index, m.index + m[0].length, 'session-token');
  for (const m of text.matchAll(SECRETS_IN_TEXT))
    if (!isExample(m[1]!)) add(m.index, m.index + m[0].length, 'secret-access-key');
  spans.push(...bearerSpans(text));
  return spans;
};
