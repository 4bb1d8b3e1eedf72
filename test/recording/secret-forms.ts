/**
 * Every encoding a credential may be echoed in, and an oracle that looks for a credential in all of
 * them by encoding it forward (the library decodes backward: the two are written independently).
 */
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';

/** A form: the body bytes (and header value) a text takes in it, and the content-encoding it declares. */
export interface SecretForm {
  name: string;
  /** The form applied to one secret, for forms that work on the secret alone (text forms). */
  text?: (secret: string) => string;
  /** The form applied to a whole body text (byte forms). */
  bytes?: (text: string) => Buffer;
  contentEncoding?: string;
}

const hex2 = (c: string) => c.charCodeAt(0).toString(16).padStart(2, '0');
const NAMED: Record<string, string> = { '/': '&sol;', '+': '&plus;', '=': '&equals;' };
/** `text` base64-encoded inside a larger blob, `offset` bytes in: any alignment. */
const inBlob = (offset: number, alphabet: 'base64' | 'base64url') => (text: string) =>
  Buffer.concat([
    Buffer.from([0x89, 0x0d, 0x00].slice(0, offset)),
    Buffer.from(`${text}`, 'utf8'),
    Buffer.from([0x00, 0xff, 0x10]),
  ]).toString(alphabet);
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

export const SECRET_FORMS: readonly SecretForm[] = [
  { name: 'raw', text: (s) => s },
  { name: 'URL-encoded', text: (s) => encodeURIComponent(s) },
  { name: 'double URL-encoded', text: (s) => encodeURIComponent(encodeURIComponent(s)) },
  { name: 'JSON \\/ escapes', text: (s) => s.replace(/\//g, '\\/') },
  {
    name: 'JSON \\u escapes',
    text: (s) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
  },
  { name: 'HTML &#x..; entities', text: (s) => [...s].map((c) => `&#x${hex2(c)};`).join('') },
  { name: 'HTML &#..; entities', text: (s) => [...s].map((c) => `&#${c.charCodeAt(0)};`).join('') },
  { name: 'HTML named entities', text: (s) => s.replace(/[/+=]/g, (c) => NAMED[c]!) },
  { name: 'base64 inside a blob (offset 1)', text: inBlob(1, 'base64') },
  { name: 'base64url inside a blob (offset 2)', text: inBlob(2, 'base64url') },
  { name: 'hex (lower case)', text: (s) => Buffer.from(s).toString('hex') },
  { name: 'hex (upper case)', text: (s) => Buffer.from(s).toString('hex').toUpperCase() },
  { name: 'lower case', text: (s) => s.toLowerCase() },
  { name: 'upper case', text: (s) => s.toUpperCase() },
  { name: 'UTF-16LE with BOM', bytes: (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]) },
  { name: 'UTF-16BE without BOM', bytes: utf16be },
  { name: 'content-encoding: gzip, gzip', bytes: (t) => gzipSync(gzipSync(t)), contentEncoding: 'gzip, gzip' },
  { name: 'content-encoding: gzip, br', bytes: (t) => brotliCompressSync(gzipSync(t)), contentEncoding: 'gzip, br' },
  { name: 'undeclared brotli', bytes: (t) => brotliCompressSync(Buffer.from(t)) },
  { name: 'undeclared gzip', bytes: (t) => gzipSync(t) },
];

/** A body text holding `secrets` in `form`: the JSON shape callers and endpoints use. */
export function bodyIn(form: SecretForm, keyId: string, token: string): Buffer {
  if (form.text) return Buffer.from(`{"echo":"key=${form.text(keyId)}&token=${form.text(token)}"}`);
  return form.bytes!(`key=${keyId}&token=${token}`);
}

/** A header value holding the secrets in `form` (byte forms travel as base64, as headers do). */
export function headerIn(form: SecretForm, keyId: string, token: string): string {
  if (form.text) return `key=${form.text(keyId)}; token=${form.text(token)}`;
  return form.bytes!(`key=${keyId}&token=${token}`).toString('base64');
}

/** The stable middle of `bytes` base64-encoded at each of the three alignments, in both alphabets. */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const encoded = Buffer.concat([Buffer.alloc(pad), bytes])
      .toString('base64')
      .replace(/=+$/, '');
    // Characters that mix in the padding or the byte after the end depend on the neighbours.
    const start = Math.ceil((pad * 4) / 3) + (pad ? 1 : 0);
    const end = Math.floor(((pad + bytes.length) * 4) / 3) - 1;
    const core = encoded.slice(start, end);
    cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

/** Every form `secret` can take in a text, for a case-insensitive search (base64 apart: it is case-sensitive). */
function textForms(secret: string): { insensitive: string[]; exact: string[] } {
  const once = encodeURIComponent(secret);
  const insensitive = [
    secret,
    once,
    encodeURIComponent(once),
    secret.replace(/\//g, '\\/'),
    [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    [...secret].map((c) => `&#x${hex2(c)};`).join(''),
    [...secret].map((c) => `&#${c.charCodeAt(0)};`).join(''),
    secret.replace(/[/+=]/g, (c) => NAMED[c]!),
    Buffer.from(secret).toString('hex'),
    Buffer.from(secret, 'utf16le').toString('latin1'),
    utf16be(secret).toString('latin1'),
  ];
  const exact = [Buffer.from(secret), Buffer.from(secret, 'utf16le'), utf16be(secret)].flatMap(base64Cores);
  return { insensitive: [...new Set(insensitive.map((f) => f.toLowerCase()))], exact };
}

function tryDecode(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (const decode of [gunzipSync, inflateSync, brotliDecompressSync]) {
    try {
      const plain = decode(bytes);
      if (plain.length > 0) out.push(plain);
    } catch {
      // not this codec
    }
  }
  return out;
}

/** Every byte string to search: the file, each base64 or text body decoded, and whatever of those decompresses (3 layers). */
function searchable(fileText: string): string[] {
  const found = [fileText];
  const bodies: Buffer[] = [];
  const document = JSON.parse(fileText) as unknown;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'base64' && typeof x === 'string') bodies.push(Buffer.from(x, 'base64'));
        else if (typeof x === 'string') {
          bodies.push(Buffer.from(x, 'utf8'));
          if (/^[A-Za-z0-9+/=_-]{16,}$/.test(x))
            bodies.push(Buffer.from(x, x.includes('-') || x.includes('_') ? 'base64url' : 'base64'));
        } else walk(x);
      }
    }
  };
  walk(document);
  let layer = bodies;
  for (let depth = 0; depth < 3 && layer.length > 0; depth++) {
    found.push(...layer.map((b) => b.toString('latin1')));
    layer = layer.flatMap(tryDecode);
  }
  return found;
}

/** The forms in which any of `secrets` is still in the cassette text `fileText` (empty: none). */
export function secretTraces(fileText: string, secrets: readonly string[]): string[] {
  const haystacks = searchable(fileText);
  const lower = haystacks.map((h) => h.toLowerCase());
  const traces: string[] = [];
  for (const secret of secrets) {
    const { insensitive, exact } = textForms(secret);
    for (const form of insensitive)
      if (lower.some((h) => h.includes(form)))
        traces.push(`${secret.slice(0, 4)}…: ${JSON.stringify(form.slice(0, 12))}…`);
    for (const form of exact)
      if (haystacks.some((h) => h.includes(form)))
        traces.push(`${secret.slice(0, 4)}…: base64 core ${form.slice(0, 8)}…`);
  }
  return traces;
}

/** Whether `output` repeats any 6 characters in a row of `secret`, in any case. */
export function echoesSecret(output: string, secret: string): boolean {
  const o = output.toLowerCase();
  const s = secret.toLowerCase();
  for (let i = 0; i + 6 <= s.length; i++) if (o.includes(s.slice(i, i + 6))) return true;
  return false;
}
