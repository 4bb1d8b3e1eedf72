import { isAbsolute, join, resolve, sep } from 'node:path';
import { InvalidCassetteNameError } from '../common/errors.js';

/** The file a cassette name stands for: `<dir>/<name>.json`, checked to stay inside `dir`. */
export function cassetteFile(name: string, dir: string): string {
  if (typeof name !== 'string' || name.trim() === '') throw new InvalidCassetteNameError(String(name), 'is empty');
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f]/.test(name)) throw new InvalidCassetteNameError(name, 'contains control characters');
  if (isAbsolute(name) || name.split(/[\\/]/).includes('..')) {
    throw new InvalidCassetteNameError(name, `must be a relative path inside the cassette folder "${dir}"`);
  }
  const file = join(dir, name.endsWith('.json') ? name : `${name}.json`);
  const root = resolve(dir);
  if (!resolve(file).startsWith(root + sep)) throw new InvalidCassetteNameError(name, `leaves the cassette folder "${dir}"`);
  return file;
}

const UNSAFE = /[^A-Za-z0-9._-]+/g;
const MAX_SEGMENT = 80;

/** A filesystem-safe, stable path segment for a test or file name. */
export function safeSegment(text: string): string {
  let out = text.replace(UNSAFE, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|-+$/g, '');
  if (out === '') out = 'unnamed';
  if (out.length > MAX_SEGMENT) {
    // A hash of the whole text keeps two long names that share a prefix apart.
    let h = 0;
    for (const ch of text) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
    out = `${out.slice(0, MAX_SEGMENT - 9)}-${h.toString(16).padStart(8, '0')}`;
  }
  return out;
}
