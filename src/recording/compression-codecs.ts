/**
 * The compressions a body may hide behind (gzip, zlib, brotli), found by sniffing the bytes rather
 * than trusting a header, so stacked and undeclared encodings are found too. Each is undone and
 * done again the same way, so a scrubbed gzip body stays gzip.
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

/** Decompressed output is capped: a bomb is scanned as the bytes it is, not inflated without bound. */
const MAX_OUTPUT = 64 * 1024 * 1024;
const PRINTABLE = /^[\t\n\r\x20-\x7e]*$/;

/** One compression: how to recognise, undo and redo it. */
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

/** The first codec that sniffs `bytes` and decodes them to something, with what it decoded. */
export function decompressed(bytes: Uint8Array): { codec: Codec; plain: Buffer } | undefined {
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

/** Whether `bytes` start with a compression's magic number (brotli has none). */
export function hasCompressionMagic(bytes: Uint8Array): boolean {
  return CODECS[0]!.sniff(bytes) || CODECS[1]!.sniff(bytes);
}
