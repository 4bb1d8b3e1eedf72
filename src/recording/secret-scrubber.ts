/**
 * Last line of defence before disk: whatever credential material a request carried (access key id,
 * signature, session token), and any bearer credential (JWT, `Bearer <token>`), is removed from
 * every string and body of the recording, in whatever encoding an endpoint echoed it (see
 * decode-layers.ts for the forms), and nothing is written that still holds one.
 */
import type { Body } from '../cassette/index.js';
import { jsonText } from '../common/canonical-json.js';
import { UnscrubbableSecretError } from '../common/recording-errors.js';
import { scrubBytes, scrubText, type Hit, type Pass } from './decode-layers.js';
import { asciiLower, MIN_SECRET_LENGTH, recorderLeaf } from './secret-leaves.js';
import { CREDENTIAL_MARKER, SESSION_TOKEN_HEADER, SIGV4_CREDENTIAL, SIGV4_SIGNATURE } from './secret-patterns.js';

/** The secrets a request's headers carry, longest first. */
export function secretsOf(headers: Record<string, string>): string[] {
  const found = new Set<string>();
  const auth = headers['authorization'] ?? '';
  const key = SIGV4_CREDENTIAL.exec(auth)?.[1];
  const signature = SIGV4_SIGNATURE.exec(auth)?.[1];
  if (key) found.add(key);
  if (signature) found.add(signature);
  const token = headers[SESSION_TOKEN_HEADER];
  if (token) found.add(token);
  return [...found].sort((a, b) => b.length - a.length);
}

/** A pass of the recorder's leaf over `secrets`, collecting what it finds. */
export function recorderPass(secrets: readonly string[]): Pass {
  return { leaf: recorderLeaf(secrets), marker: CREDENTIAL_MARKER, hits: [] };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * `body` with its credentials replaced, in the same shape (`json` stays a value, `text` stays text
 * while it is UTF-8); the same object when it held none.
 * @throws {UnscrubbableSecretError} when a `json` body would no longer be JSON.
 */
export function scrubBodySecrets(body: Body, pass: Pass, where: string): Body {
  return scrubBodySecretsAndText(body, pass, where).body;
}

/**
 * {@link scrubBodySecrets}, and the scrubbed body as stored (its JSON text, its text, or its
 * base64): replay needs both for every request, and a `json` body's text is most of the cost.
 */
export function scrubBodySecretsAndText(body: Body, pass: Pass, where: string): { body: Body; text: string } {
  if ('json' in body) {
    const text = jsonText(body.json);
    const out = scrubText(text, pass);
    if (out === text) return { body, text };
    let json: typeof body.json;
    try {
      json = JSON.parse(out) as typeof body.json;
    } catch {
      throw new UnscrubbableSecretError(where, ['replacing a credential would leave the JSON payload malformed']);
    }
    return { body: { json }, text: jsonText(json) };
  }
  const scrubbed = scrubOtherBody(body, pass);
  const text = 'text' in scrubbed ? scrubbed.text : 'base64' in scrubbed ? scrubbed.base64 : jsonText(scrubbed.json);
  return { body: scrubbed, text };
}

function scrubOtherBody(body: Exclude<Body, { json: unknown }>, pass: Pass): Body {
  const bytes = 'text' in body ? Buffer.from(body.text, 'utf8') : Buffer.from(body.base64, 'base64');
  const out = scrubBytes(bytes, pass);
  if (out === bytes) return body;
  if ('text' in body) {
    try {
      return { text: utf8.decode(out) };
    } catch {
      // Compressed content encoded again need not be UTF-8.
    }
  }
  return { base64: Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('base64') };
}

/** Characters of either base64 alphabet, by char code. */
const BASE64_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_') BASE64_CHAR[c.charCodeAt(0)] = 1;
const MIN_CORE_LENGTH = 12;

/** Whether `text` has a run of {@link MIN_CORE_LENGTH} base64 characters: every core is one. */
function hasBase64Run(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    run = code < 128 && BASE64_CHAR[code] === 1 ? run + 1 : 0;
    if (run >= MIN_CORE_LENGTH) return true;
  }
  return false;
}

/** The stable middle of `bytes` base64-encoded at each alignment, in both alphabets. */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((pad * 4) / 3) + 1, Math.floor(((pad + bytes.length) * 4) / 3) - 1);
    if (core.length >= MIN_CORE_LENGTH) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

/**
 * Whether any of `secrets` is still visible in `serialized` (what is about to be written), checked
 * by encoding forward rather than decoding: as it is in any case, and as base64 at any alignment.
 * A second, independent look after the pipeline's scrub; finding anything refuses the write.
 */
export function traceOfSecret(serialized: string, secrets: readonly string[]): string | undefined {
  const lower = asciiLower(serialized);
  // Replay runs this on every request's payload: most hold no base64-looking run at all, and then no
  // core of any secret can be in them (building the cores is most of the cost).
  const mayHoldBase64 = hasBase64Run(serialized);
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    if (lower.includes(asciiLower(secret))) return 'the credential as it is';
    if (mayHoldBase64 && base64Cores(Buffer.from(secret)).some((core) => serialized.includes(core)))
      return 'the credential base64-encoded';
  }
  return undefined;
}

/** A readable list of what a pass found: rule and form, never the credential. */
export function describeHits(hits: readonly Hit[]): string[] {
  return [...new Set(hits.map((h) => `${h.rule}${h.forms.length ? ` (${h.forms.join(' > ')})` : ''}`))];
}
