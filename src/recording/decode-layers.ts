/**
 * The one decoder pipeline that both the recorder's scrub and `lambda-cassette validate` run, so
 * they can never disagree on what a body holds. A text or a body is decoded layer by layer:
 * compression (gzip, zlib, brotli; sniffed, so stacked and undeclared encodings are found too),
 * UTF-8, UTF-16 (either byte order, with or without a byte-order mark), text escapes (percent,
 * JSON, HTML; see text-escapes.ts), and base64 (standard or url-safe, at any alignment) or hex
 * tokens inside a text. A `Leaf` looks for credentials in every decoded view; what it finds is
 * replaced in the layer it was found in and every layer is encoded again as it was, so a gzip body
 * stays gzip and a base64 blob stays base64 of the same bytes around the marker.
 */
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  deflateSync,
  gunzipSync,
  gzipSync,
  inflateSync,
} from 'node:zlib';
import { escapeLike, mayHoldEscapes, unescapeOnce } from './text-escapes.js';

/** A stretch of a decoded view to replace, and the rule that found it. */
export interface Span {
  start: number;
  end: number;
  rule: string;
}

/** Finds what to replace in one decoded view (case, escapes and encodings are already undone). */
export type Leaf = (text: string) => Span[];

/** What a leaf found, where: `offset` is in the outermost string or bytes; `forms` are the layers decoded to see it. */
export interface Hit {
  rule: string;
  forms: readonly string[];
  offset: number;
}

/** One run of the pipeline: the leaf, what replaces each span, and the hits collected. */
export interface Pass {
  leaf: Leaf;
  marker: string;
  hits: Hit[];
}

interface Context {
  depth: number;
  forms: readonly string[];
  toOuter: (index: number) => number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Layers decoded at most: enough for every form a cassette has been seen to hold, with room to spare. */
const MAX_DEPTH = 8;
/** Decompressed output is capped: a bomb is scanned as the bytes it is, not inflated without bound. */
const MAX_OUTPUT = 64 * 1024 * 1024;
const TOKEN = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
const HEX = /^[0-9A-Fa-f]+$/;
const PRINTABLE = /^[\t\n\r\x20-\x7e]*$/;
const ESCAPE_ENDING = /(?:&#?[A-Za-z0-9]+;|\\)$/;
const ESCAPE_STARTING = /^(?:%[0-9A-Fa-f]{2}|\\[u/\\"bfnrt]|&#?[A-Za-z0-9]+;)/;

/** Whether the run `start..end` of `text` touches an escape: its first characters may belong to one. */
function cutByEscapes(text: string, start: number, end: number): boolean {
  if (text[start - 1] === '%' && /^[0-9A-Fa-f]{2}/.test(text.slice(start, start + 2))) return true;
  return (
    ESCAPE_ENDING.test(text.slice(Math.max(0, start - 10), start)) || ESCAPE_STARTING.test(text.slice(end, end + 10))
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const deeper = (ctx: Context, form: string, toOuter: (i: number) => number): Context => ({
  depth: ctx.depth + 1,
  forms: [...ctx.forms, form],
  toOuter,
});

function overlaps(edits: readonly Edit[], start: number, end: number): boolean {
  return edits.some((e) => start < e.end && e.start < end);
}

function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Whether bytes decoded from a token look like something: UTF-8 text, or compressed data by its magic. */
function plausible(bytes: Buffer): boolean {
  if (CODECS[0]!.sniff(bytes) || CODECS[1]!.sniff(bytes)) return true;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** How a token may decode: hex, then base64 in its alphabet, from each of the first four characters. */
function tokenDecodings(token: string): { skip: number; bytes: Buffer; form: string; encode: (b: Buffer) => string }[] {
  const out: { skip: number; bytes: Buffer; form: string; encode: (b: Buffer) => string }[] = [];
  if (HEX.test(token)) {
    const upper = /[A-F]/.test(token) && !/[a-f]/.test(token);
    for (const skip of token.length % 2 === 0 ? [0] : [1, 0]) {
      const digits = token.slice(skip, skip + ((token.length - skip) & ~1));
      out.push({
        skip,
        bytes: Buffer.from(digits, 'hex'),
        form: 'hex',
        encode: (b) =>
          (upper ? b.toString('hex').toUpperCase() : b.toString('hex')) + token.slice(skip + digits.length),
      });
    }
  }
  const url = /[-_]/.test(token);
  if (url && /[+/]/.test(token)) return out;
  const alphabet = url ? 'base64url' : 'base64';
  const padded = token.endsWith('=');
  for (let skip = 0; skip < 4; skip++) {
    const body = token.slice(skip);
    const bytes = Buffer.from(body, alphabet);
    // Characters past the last whole byte: kept as they were when the bytes do not change there.
    const encode = (b: Buffer) => {
      const encoded = b.toString(alphabet);
      return padded || alphabet === 'base64url' ? encoded : encoded.replace(/=+$/, '');
    };
    out.push({ skip, bytes, form: alphabet, encode });
  }
  return out;
}

/** Edits to `text` that remove what the leaf finds in it or in anything decoded from it. */
function textEdits(text: string, pass: Pass, ctx: Context): Edit[] {
  const edits: Edit[] = [];
  for (const span of pass.leaf(text)) {
    pass.hits.push({ rule: span.rule, forms: ctx.forms, offset: ctx.toOuter(span.start) });
    if (!overlaps(edits, span.start, span.end)) edits.push({ start: span.start, end: span.end, text: pass.marker });
  }
  if (ctx.depth >= MAX_DEPTH) return edits;
  const escaped = mayHoldEscapes(text);
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(edits, start, end)) continue;
    // A run cut by escapes (`%2F`, `\u002F`, `&#x2F;`) is a piece of a token the unescaped view sees whole.
    if (escaped && cutByEscapes(text, start, end)) continue;
    let aligned = false;
    for (const d of tokenDecodings(m[0])) {
      // A run that decodes to something from its first character is aligned: the other starts are
      // garbage. Otherwise one that starts past a glued word is text or compressed data.
      if (d.skip === 0 && d.form !== 'hex') aligned = plausible(d.bytes);
      else if (d.skip > 0 && d.form !== 'hex' && (aligned || !plausible(d.bytes))) continue;
      const from = start + d.skip;
      const scale = d.form === 'hex' ? 2 : 4 / 3;
      const hits = pass.hits.length;
      const scrubbed = bytesLayer(
        d.bytes,
        pass,
        deeper(ctx, d.form, (i) => ctx.toOuter(from + Math.floor(i * scale))),
      );
      if (scrubbed !== d.bytes) {
        edits.push({ start: from, end, text: d.encode(Buffer.from(scrubbed)) });
        break;
      }
      pass.hits.length = hits; // a decoding that found nothing to replace leaves no trace
    }
  }
  if (!escaped) return edits;
  const layer = unescapeOnce(text);
  if (layer.text === text) return edits;
  const innerCtx = deeper(ctx, [...layer.kinds].join('+'), (i) =>
    ctx.toOuter(layer.starts[Math.min(i, layer.starts.length - 1)] ?? 0),
  );
  const inner = textEdits(layer.text, pass, innerCtx);
  if (inner.length === 0 && edits.length === 0 && looksBinary(layer.text)) {
    // Escaped bytes (a URL-encoded gzip body): decoded as bytes, the whole text written back escaped alike.
    const out = binaryText(layer.text, pass, innerCtx);
    return out === layer.text ? edits : [{ start: 0, end: text.length, text: escapeLike(text, out) }];
  }
  for (const e of inner) {
    const start = layer.starts[e.start]!;
    const end = layer.ends[e.end - 1]!;
    const replacement = escapeLike(text.slice(start, end), e.text);
    const clash = edits.findIndex((x) => start < x.end && x.start < end);
    if (clash < 0) {
      edits.push({ start, end, text: replacement });
    } else {
      // The same credential seen in two layers: one marker over both.
      const x = edits[clash]!;
      edits[clash] = {
        start: Math.min(x.start, start),
        end: Math.max(x.end, end),
        text: escapeLike(text.slice(Math.min(x.start, start), Math.max(x.end, end)), pass.marker),
      };
    }
  }
  return edits;
}

/** Whether `text` holds only byte-sized characters, some of them not text: bytes seen through latin1. */
function looksBinary(text: string): boolean {
  // Control characters are what this looks for.
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x08\x0e-\x1f\x7f-\xff]/.test(text) && !/[^\x00-\xff]/.test(text);
}

/** A latin1 view of bytes, scrubbed as bytes (so compressed content inside decodes), as latin1 again. */
function binaryText(text: string, pass: Pass, ctx: Context): string {
  const bytes = Buffer.from(text, 'latin1');
  const out = bytesLayer(bytes, pass, ctx);
  return out === bytes ? text : Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('latin1');
}

/** `text` with what the leaf finds in any of its layers replaced; the same string when nothing was. */
export function scrubText(text: string, pass: Pass, ctx: Context = { depth: 0, forms: [], toOuter: (i) => i }): string {
  return applyEdits(text, textEdits(text, pass, ctx));
}

interface Codec {
  name: string;
  sniff: (b: Uint8Array) => boolean;
  decode: (b: Uint8Array) => Buffer;
  encode: (b: Uint8Array) => Buffer;
}

const CODECS: readonly Codec[] = [
  {
    name: 'gzip',
    sniff: (b) => b[0] === 0x1f && b[1] === 0x8b,
    decode: (b) => gunzipSync(b, { maxOutputLength: MAX_OUTPUT }),
    encode: (b) => gzipSync(b),
  },
  // A zlib header: CM 8 (deflate), and a check value making the first two bytes a multiple of 31.
  {
    name: 'deflate',
    sniff: (b) => b.length > 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0,
    decode: (b) => inflateSync(b, { maxOutputLength: MAX_OUTPUT }),
    encode: (b) => deflateSync(b),
  },
  // Brotli has no magic number: any body of a few bytes that is not plain printable text may be one.
  {
    name: 'brotli',
    sniff: (b) =>
      b.length >= 4 && !PRINTABLE.test(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1')),
    decode: (b) => brotliDecompressSync(b, { maxOutputLength: MAX_OUTPUT }),
    encode: (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_SIZE_HINT]: b.byteLength } }),
  },
];

function decompressed(bytes: Uint8Array): { codec: Codec; plain: Buffer } | undefined {
  for (const codec of CODECS) {
    if (!codec.sniff(bytes)) continue;
    try {
      const plain = codec.decode(bytes);
      if (plain.length > 0) return { codec, plain };
    } catch {
      // Not this codec.
    }
  }
  return undefined;
}

function countZeros(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0) n++;
  return n;
}

/** `bytes` seen as UTF-16 in one byte order from `skip`, scrubbed, and put back. */
function utf16View(bytes: Buffer, skip: number, bigEndian: boolean, pass: Pass, ctx: Context): Buffer {
  const length = (bytes.length - skip) & ~1;
  const units = Buffer.from(bytes.subarray(skip, skip + length));
  if (bigEndian) units.swap16();
  const text = units.toString('utf16le');
  const inner = deeper(ctx, bigEndian ? 'UTF-16BE' : 'UTF-16LE', (i) => ctx.toOuter(skip + 2 * i));
  const out = looksBinary(text) ? binaryText(text, pass, inner) : scrubText(text, pass, inner);
  if (out === text) return bytes;
  const encoded = Buffer.from(out, 'utf16le');
  if (bigEndian) encoded.swap16();
  return Buffer.concat([bytes.subarray(0, skip), encoded, bytes.subarray(skip + length)]);
}

function bytesLayer(input: Uint8Array, pass: Pass, ctx: Context): Uint8Array {
  if (ctx.depth < MAX_DEPTH) {
    const found = decompressed(input);
    if (found) {
      const hits = pass.hits.length;
      const inner = bytesLayer(
        found.plain,
        pass,
        deeper(ctx, found.codec.name, () => ctx.toOuter(0)),
      );
      if (inner !== found.plain) return found.codec.encode(inner);
      pass.hits.length = hits;
    }
  }
  let bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let text: string | undefined;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = undefined;
  }
  // Credentials are ASCII, and latin1 maps each byte to one char and back: one found inside binary
  // data is replaced without disturbing the bytes around it.
  const view = text ?? bytes.toString('latin1');
  const out = scrubText(view, pass, { ...ctx, toOuter: (i) => ctx.toOuter(i) });
  if (out !== view) bytes = Buffer.from(out, text !== undefined ? 'utf8' : 'latin1');
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (ctx.depth < MAX_DEPTH && (bom || countZeros(bytes) >= 8)) {
    for (const skip of [0, 1])
      for (const bigEndian of [false, true]) bytes = utf16View(bytes, skip, bigEndian, pass, ctx);
  }
  return bytes.equals(input) ? input : bytes;
}

/** `bytes` with what the leaf finds in any of their layers replaced; the same object when nothing was. */
export function scrubBytes(bytes: Uint8Array, pass: Pass): Uint8Array {
  return bytesLayer(bytes, pass, { depth: 0, forms: [], toOuter: (i) => i });
}
