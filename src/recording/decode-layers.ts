/**
 * The one decoder pipeline that both the recorder's scrub and `lambda-cassette validate` run, so
 * they can never disagree on what a body holds. A text or a body is decoded layer by layer:
 * compression (gzip, zlib, brotli; sniffed, so stacked and undeclared encodings are found too: see
 * compression-codecs.ts), UTF-8, UTF-16 (either byte order, with or without a byte-order mark),
 * text escapes (percent, JSON, HTML; see text-escapes.ts), and base64 (standard or url-safe, at any
 * alignment) or hex tokens inside a text (see encoded-tokens.ts). A `Leaf` looks for credentials in
 * every decoded view; what it finds is replaced in the layer it was found in and every layer is
 * encoded again as it was, so a gzip body stays gzip and a base64 blob stays base64 of the same
 * bytes around the marker.
 */
import { decompressed } from './compression-codecs.js';
import { TOKEN, cutByEscapes, plausible, tokenDecodings, utf8 } from './encoded-tokens.js';
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
  const binary = edits.length === 0 && looksBinary(layer.text);
  // Escaped compressed bytes are only bytes: a `\"` or `%41` among them is chance, not an escape, and
  // brotli (no checksum) can still decode the stream that undoing it corrupts, which a scrub would
  // then write back broken. Decoded as bytes, the decompressed view sees all the text view would.
  const compressed = binary && decompressed(Buffer.from(layer.text, 'latin1')) !== undefined;
  const inner = compressed ? [] : textEdits(layer.text, pass, innerCtx);
  if (inner.length === 0 && binary) {
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
