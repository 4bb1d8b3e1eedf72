/**
 * Base64 (standard or url-safe, at any alignment) and hex tokens inside a text: where a run may be
 * one, and the bytes it may stand for, each with the way to encode replacement bytes back alike.
 */
import { hasCompressionMagic } from './compression-codecs.js';

/** A run of characters long enough to be an encoded credential. */
export const TOKEN = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
const HEX = /^[0-9A-Fa-f]+$/;
const ESCAPE_ENDING = /(?:&#?[A-Za-z0-9]+;|\\)$/;
const ESCAPE_STARTING = /^(?:%[0-9A-Fa-f]{2}|\\[u/\\"bfnrt]|&#?[A-Za-z0-9]+;)/;

/** Strict UTF-8: bytes that are not valid UTF-8 throw instead of decoding to replacement characters. */
export const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** One way a token may decode: the characters skipped, the bytes, the form's name, and how to write bytes back. */
interface TokenDecoding {
  skip: number;
  bytes: Buffer;
  form: string;
  encode: (b: Buffer) => string;
}

/** Whether the run `start..end` of `text` touches an escape: its first characters may belong to one. */
export function cutByEscapes(text: string, start: number, end: number): boolean {
  if (text[start - 1] === '%' && /^[0-9A-Fa-f]{2}/.test(text.slice(start, start + 2))) return true;
  return (
    ESCAPE_ENDING.test(text.slice(Math.max(0, start - 10), start)) || ESCAPE_STARTING.test(text.slice(end, end + 10))
  );
}

/** Whether bytes decoded from a token look like something: UTF-8 text, or compressed data by its magic. */
export function plausible(bytes: Buffer): boolean {
  if (hasCompressionMagic(bytes)) return true;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** How a token may decode: hex, then base64 in its alphabet, from each of the first four characters. */
export function tokenDecodings(token: string): TokenDecoding[] {
  const out: TokenDecoding[] = [];
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
