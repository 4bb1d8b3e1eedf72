/**
 * One layer of text escapes undone, keeping where each decoded character came from: percent
 * escapes (`%2F`, URL and form encoding), JSON string escapes (`\/`, `\u002F`, `\\`), and HTML
 * character references (`&#x2F;`, `&#47;`, `&sol;`). A credential found in the decoded text is
 * replaced in the original at the characters it came from, written in the same escapes, so the
 * text stays what it was (a URL-encoded form, a JSON string, an HTML page). Stacked escapes
 * (double URL encoding, `&amp;#x2F;`) are the same step taken again on the decoded text.
 */

/** The text with one layer of escapes undone; `starts[i]..ends[i]` is where decoded char `i` came from. */
interface Unescaped {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  /** The kinds of escape this layer undid, for naming the form a credential was found in. */
  kinds: Set<EscapeKind>;
}

type EscapeKind = 'url-encoded' | 'json-escaped' | 'html-entities';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  plus: '+',
  equals: '=',
  percnt: '%',
  num: '#',
  colon: ':',
  semi: ';',
  comma: ',',
  period: '.',
  lowbar: '_',
  excl: '!',
  quest: '?',
  commat: '@',
  dollar: '$',
};
const NAME_OF: Record<string, string> = Object.fromEntries(Object.entries(NAMED).map(([name, char]) => [char, name]));
const JSON_SIMPLE: Record<string, string> = {
  '/': '/',
  '\\': '\\',
  '"': '"',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

const isHex = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);

/** Whether `text` may hold an escape this module undoes (a cheap test before {@link unescapeOnce}). */
export function mayHoldEscapes(text: string): boolean {
  return text.includes('%') || text.includes('\\') || text.includes('&');
}

/** The escape at `i` of `text`: its length, the characters it stands for, and its kind; undefined for a plain character. */
function escapeAt(text: string, i: number): { length: number; value: string; kind: EscapeKind } | undefined {
  const c = text[i];
  if (c === '%' && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
    return { length: 3, value: String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16)), kind: 'url-encoded' };
  }
  if (c === '\\') {
    const next = text[i + 1];
    if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6)))
      return { length: 6, value: String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), kind: 'json-escaped' };
    if (next !== undefined && next in JSON_SIMPLE)
      return { length: 2, value: JSON_SIMPLE[next]!, kind: 'json-escaped' };
    return undefined;
  }
  if (c === '&') {
    const m = /^&(?:#[xX]([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([A-Za-z]{2,8}));/.exec(text.slice(i, i + 12));
    if (!m) return undefined;
    const code = m[1] !== undefined ? parseInt(m[1], 16) : m[2] !== undefined ? parseInt(m[2], 10) : undefined;
    if (code !== undefined)
      return code <= 0x10ffff
        ? { length: m[0].length, value: String.fromCodePoint(code), kind: 'html-entities' }
        : undefined;
    const named = NAMED[m[3]!];
    return named !== undefined ? { length: m[0].length, value: named, kind: 'html-entities' } : undefined;
  }
  return undefined;
}

/** `text` with one layer of escapes undone (the same string when it holds none). */
export function unescapeOnce(text: string): Unescaped {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const kinds = new Set<EscapeKind>();
  for (let i = 0; i < text.length;) {
    const escape = escapeAt(text, i);
    const length = escape?.length ?? 1;
    const value = escape?.value ?? text[i]!;
    if (escape) kinds.add(escape.kind);
    // A character outside the basic plane decodes to two UTF-16 units: both come from this escape.
    for (const unit of value.length === 1 ? [value] : value.split('')) {
      out.push(unit);
      starts.push(i);
      ends.push(i + length);
    }
    i += length;
  }
  return { text: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends), kinds };
}

const PLAIN = /[A-Za-z0-9_.~-]/;

/**
 * `replacement` written in the escapes `original` (the characters it replaces) uses, so it reads
 * back the same way they did: percent escapes stay percent escapes (a marker's `[` becomes `%5B`).
 */
export function escapeLike(original: string, replacement: string): string {
  const each = (encode: (c: string) => string) => [...replacement].map((c) => (PLAIN.test(c) ? c : encode(c))).join('');
  const code = (c: string) => c.codePointAt(0)!;
  // Percent escapes decode byte by byte (a char per byte): a char up to 0xFF is one byte again.
  const bytesOf = (c: string) => (code(c) <= 0xff ? [code(c)] : [...Buffer.from(c, 'utf8')]);
  if (/%[0-9A-Fa-f]{2}/.test(original))
    return each((c) =>
      bytesOf(c)
        .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
        .join(''),
    );
  if (/\\u[0-9A-Fa-f]{4}/.test(original))
    return each((c) =>
      c
        .split('')
        .map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .join(''),
    );
  if (/&#[xX]/.test(original)) return each((c) => `&#x${code(c).toString(16)};`);
  if (/&#[0-9]/.test(original)) return each((c) => `&#${code(c)};`);
  if (/&[A-Za-z]+;/.test(original))
    return each((c) => (NAME_OF[c] ? `&${NAME_OF[c]};` : `&#x${code(c).toString(16)};`));
  if (original.includes('\\')) return replacement.replace(/[\\"/]/g, (c) => `\\${c}`);
  return replacement;
}
