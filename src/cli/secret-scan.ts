/**
 * Finds credential material in a parsed cassette, wherever it hides: AWS access key ids, SigV4
 * signatures, session tokens, `authorization`-like headers, secret access keys next to a key name,
 * JWTs and `Bearer` tokens. Every string and body goes through the recorder's own decoder pipeline
 * (decode-layers.ts: compression, UTF-16, escapes, base64, hex, letter case), so whatever the
 * recorder would have found, this finds too. The recorder scrubs what the request carried; this
 * catches what it could not know about (a payload that embeds a key, a hand-edited cassette, an
 * endpoint that echoed another credential).
 *
 * Findings say where (JSON Pointer, offset, the encodings undone to see it) and never repeat any
 * character of the secret: they end up in CI logs.
 */
import { scrubBytes, scrubText, type Hit, type Pass } from '../recording/decode-layers.js';
import { scanLeaf } from '../recording/secret-leaves.js';
import { CREDENTIAL_HEADERS, SECRET_KEY_NAME, SECRET_VALUE } from '../recording/secret-patterns.js';

/** One piece of credential material. */
interface SecretFinding {
  /** JSON Pointer (RFC 6901) of the value that holds it. */
  jsonPath: string;
  rule: SecretRule;
  /** What was found and where in the value, never the secret itself. */
  message: string;
  /** Character of the string (or byte of a body) where it starts, as far as the encodings allow. */
  offset?: number;
  /** The encodings undone to see it, outermost first (empty: as it is). */
  forms?: readonly string[];
}

type SecretRule =
  | 'aws-access-key-id'
  | 'sigv4-signature'
  | 'session-token'
  | 'credential-header'
  | 'secret-access-key'
  | 'jwt'
  | 'bearer-token';

const DESCRIPTIONS: Record<string, string> = {
  'aws-access-key-id': 'AWS access key id',
  'sigv4-signature': 'SigV4 request signature (an authorization header was recorded)',
  'session-token': 'value that looks like an AWS session token',
  'secret-access-key': 'secret access key next to its name',
  jwt: 'JSON Web Token',
  'bearer-token': 'Bearer token',
};

// What lambda-cassette itself writes in place of a secret.
const MARKERS = /^\[REDACTED(?:-CREDENTIAL)?\]$/;
const isExample = (s: string) => /EXAMPLE/.test(s);

function pointer(parts: readonly (string | number)[]): string {
  return parts.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Findings for what the pipeline saw in one value; `unit` says what the offset counts. */
function findingsOf(hits: readonly Hit[], at: string, unit: 'character' | 'byte', found: SecretFinding[]): void {
  const seen = new Set<string>();
  for (const hit of hits) {
    // The same credential seen again in a deeper view of the same characters is one finding.
    const key = `${hit.rule}@${hit.offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const form = hit.forms.length ? `, found after decoding ${hit.forms.join(' > ')}` : '';
    const rule = hit.rule as SecretRule;
    found.push({
      jsonPath: at,
      rule,
      offset: hit.offset,
      forms: hit.forms,
      message: `${DESCRIPTIONS[rule] ?? rule} at ${unit} ${hit.offset}${form}`,
    });
  }
}

const scanPass = (): Pass => ({ leaf: scanLeaf, marker: '', hits: [] });

function scanText(text: string, at: string, found: SecretFinding[]): void {
  const pass = scanPass();
  scrubText(text, pass);
  findingsOf(pass.hits, at, 'character', found);
}

/** A stored body (`text` or `base64`) is scanned as the bytes it stands for: compressed content decodes from there. */
function scanBody(bytes: Uint8Array, at: string, found: SecretFinding[]): void {
  const pass = scanPass();
  scrubBytes(bytes, pass);
  findingsOf(pass.hits, at, 'byte', found);
}

/** What is left to scan: a key's text, or a value (with the key it sits under). */
type Task = { key: string; at: string } | { value: unknown; at: string; key: string | undefined };

const child = (at: string, part: string | number) => `${at}${pointer([part])}`;

function scanString(value: string, at: string, key: string | undefined, found: SecretFinding[]): void {
  if (key !== undefined && value !== '' && !MARKERS.test(value)) {
    if (CREDENTIAL_HEADERS.has(key.toLowerCase())) {
      found.push({
        jsonPath: at,
        rule: 'credential-header',
        message: `"${key}" holds a credential (${value.length} chars); redact it`,
      });
      return;
    }
    if (SECRET_KEY_NAME.test(key) && SECRET_VALUE.test(value) && !isExample(value)) {
      found.push({
        jsonPath: at,
        rule: 'secret-access-key',
        message: `secret access key (${value.length} chars) under "${key}"`,
      });
      return;
    }
  }
  scanText(value, at, found);
}

/** The body a single-key object stands for, when it is one: `{ base64 }` anywhere, `{ text }` as a body or payload. */
function bodyBytes(value: object, key: string | undefined): Uint8Array | undefined {
  const entries = Object.entries(value);
  if (entries.length !== 1 || typeof entries[0]![1] !== 'string') return undefined;
  const [name, text] = entries[0] as [string, string];
  if (name === 'base64') return Buffer.from(text, 'base64');
  if (name === 'text' && (key === 'body' || key === 'payload')) return Buffer.from(text, 'utf8');
  return undefined;
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
      const body = bodyBytes(value, task.key);
      if (body) {
        scanBody(body, child(at, Object.keys(value)[0]!), found);
        continue;
      }
      const entries = Object.entries(value as Record<string, unknown>);
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
