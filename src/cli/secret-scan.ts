/**
 * Finds credential material in a parsed cassette, wherever it hides: AWS access key ids, SigV4
 * signatures, session tokens, `authorization`-like headers, and secret access keys next to a key
 * name. The recorder scrubs what the request carried; this catches what it could not know about
 * (a payload that embeds a key, a hand-edited cassette, an endpoint that echoed another credential).
 *
 * Findings never repeat the secret: they may end up in CI logs.
 */
import { decodeBody } from '../cassette/index.js';
import { decompressedForScan } from '../recording/scrub-body.js';
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

function scanPlain(text: string, at: string, found: SecretFinding[]): void {
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

/** Adds what `scan` finds that `found` does not hold yet for the same place, marked with `where`. */
function scanAlso(found: SecretFinding[], where: string, scan: (into: SecretFinding[]) => void): void {
  const more: SecretFinding[] = [];
  scan(more);
  for (const f of more) {
    if (!found.some((g) => g.jsonPath === f.jsonPath && g.message === f.message)) found.push({ ...f, message: `${f.message} (${where})` });
  }
}

const PERCENT_ESCAPE = /%([0-9A-Fa-f]{2})/g;

/** Scans `text`, and its URL-decoded form when it has percent escapes (a form body, a query string). */
function scanText(text: string, at: string, found: SecretFinding[]): void {
  scanPlain(text, at, found);
  if (!text.includes('%')) return;
  // Byte by byte through latin1: never throws on malformed UTF-8, and credentials are ASCII.
  const decoded = text.replace(PERCENT_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (decoded !== text) scanAlso(found, 'URL-encoded', (into) => scanPlain(decoded, at, into));
}

/** What is left to scan: a key's text, or a value (with the key it sits under). */
type Task = { key: string; at: string } | { value: unknown; at: string; key: string | undefined };

const child = (at: string, part: string | number) => `${at}${pointer([part])}`;

function scanString(value: string, at: string, key: string | undefined, found: SecretFinding[]): void {
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
}

/** A body stored as base64 may still be text once decoded, or once decompressed. */
function scanBase64(base64: string, at: string, found: SecretFinding[]): void {
  const bytes = decodeBody({ base64 });
  const before = found.length;
  scanText(Buffer.from(bytes).toString('latin1'), at, found);
  for (const f of found.slice(before)) f.message += ' (in the decoded base64)';
  // A gzip or deflate body (content-encoding) hides its text from a byte scan.
  const plain = decompressedForScan(bytes);
  if (plain) scanAlso(found, 'in the decompressed base64', (into) => scanText(Buffer.from(plain).toString('latin1'), at, into));
}

/** Walks `document` in document order without recursion: a payload may be nested thousands deep. */
function scanDocument(document: unknown, found: SecretFinding[]): void {
  const tasks: Task[] = [{ value: document, at: '', key: undefined }];
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    if (!('value' in task)) {
      scanText(task.key, task.at, found);
      continue;
    }
    const { value, at } = task;
    if (typeof value === 'string') {
      scanString(value, at, task.key, found);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) tasks.push({ value: value[i], at: child(at, i), key: undefined });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 1 && entries[0]![0] === 'base64' && typeof entries[0]![1] === 'string') {
        scanBase64(entries[0]![1], child(at, 'base64'), found);
        continue;
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i]!;
        tasks.push({ value: v, at: child(at, k), key: k }, { key: k, at: child(at, k) });
      }
    }
  }
}

/** Every secret in `document` (a parsed cassette, or any JSON value), in document order. */
export function scanForSecrets(document: unknown): SecretFinding[] {
  const found: SecretFinding[] = [];
  scanDocument(document, found);
  return found;
}
