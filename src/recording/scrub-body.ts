/**
 * Scrubbing a recorded body whatever its bytes are: text, binary, or compressed
 * (`content-encoding: gzip`, `deflate`, `br`). Compressed and binary bodies used to be stored as
 * base64 untouched, with any credential an endpoint echoed inside them.
 */
import { brotliCompressSync, brotliDecompressSync, deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { decodeBody, encodeBody, type Body } from '../cassette/index.js';

interface Codec {
  decode(bytes: Uint8Array): Uint8Array;
  encode(bytes: Uint8Array): Uint8Array;
}

const CODECS: Record<string, Codec> = {
  gzip: { decode: gunzipSync, encode: gzipSync },
  'x-gzip': { decode: gunzipSync, encode: gzipSync },
  deflate: { decode: inflateSync, encode: deflateSync },
  br: { decode: brotliDecompressSync, encode: brotliCompressSync },
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How a body's content is scrubbed: `text` for UTF-8 text, `binary` for other bytes (as latin1, one char per byte). */
interface BodyScrubbers {
  text: (text: string) => string;
  binary: (latin1: string) => string;
}

function scrubBytes(bytes: Uint8Array, scrub: BodyScrubbers): Uint8Array {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    // Credentials are ASCII, and latin1 maps each byte to one char and back: a secret inside
    // binary data is found and replaced without disturbing the bytes around it.
    const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const out = scrub.binary(latin1);
    return out === latin1 ? bytes : Buffer.from(out, 'latin1');
  }
  const out = scrub.text(text);
  return out === text ? bytes : Buffer.from(out, 'utf8');
}

/**
 * `body` scrubbed; the same object when nothing changed. With a `contentEncoding` this code can
 * decode, the decoded content is scrubbed and encoded again, so replay still sends what the header
 * says; content that does not decode is scrubbed as it is.
 */
export function scrubBody(body: Body, contentEncoding: string | undefined, scrub: BodyScrubbers): Body {
  const bytes = decodeBody(body);
  const codec = CODECS[(contentEncoding ?? '').trim().toLowerCase()];
  if (codec) {
    let plain: Uint8Array | undefined;
    try {
      plain = codec.decode(bytes);
    } catch {
      plain = undefined;
    }
    if (plain !== undefined) {
      const scrubbed = scrubBytes(plain, scrub);
      return scrubbed === plain ? body : encodeBody(codec.encode(scrubbed), false);
    }
  }
  const scrubbed = scrubBytes(bytes, scrub);
  return scrubbed === bytes ? body : encodeBody(scrubbed, false);
}
