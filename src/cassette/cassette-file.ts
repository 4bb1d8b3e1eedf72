import { isAbsolute, join, resolve, sep } from 'node:path';
import { InvalidCassetteNameError } from '../common/cassette-errors.js';
import { staysInside } from './real-path-inside.js';
import { unportableSegment } from './portable-name.js';

/** The file a cassette name stands for: `<dir>/<name>.json`, checked to stay inside `dir`. */
export function cassetteFile(name: string, dir: string): string {
  if (typeof name !== 'string' || name.trim() === '') throw new InvalidCassetteNameError(String(name), 'is empty');
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f]/.test(name)) throw new InvalidCassetteNameError(name, 'contains control characters');
  if (isAbsolute(name) || name.split(/[\\/]/).includes('..')) {
    throw new InvalidCassetteNameError(name, `must be a relative path inside the cassette folder "${dir}"`);
  }
  // `validate` and `redact` skip dot-files, and an empty segment ("a/", "a//b") ends up as one.
  const segments = (name.endsWith('.json') ? name.slice(0, -'.json'.length) : name).split(/[\\/]/);
  if (segments.some((s) => s === '' || s.startsWith('.'))) {
    throw new InvalidCassetteNameError(
      name,
      'has an empty part or a part starting with "." (it would be a hidden file the CLI skips); give each part of the name a letter or digit first',
    );
  }
  for (const [i, segment] of segments.entries()) {
    const why = unportableSegment(segment, i === segments.length - 1 ? `${segment}.json` : segment);
    if (why !== undefined) throw new InvalidCassetteNameError(name, why);
  }
  const file = join(dir, name.endsWith('.json') ? name : `${name}.json`);
  const root = resolve(dir);
  if (!resolve(file).startsWith(root + sep))
    throw new InvalidCassetteNameError(name, `leaves the cassette folder "${dir}"`);
  if (!staysInside(file, dir)) {
    throw new InvalidCassetteNameError(
      name,
      `goes through a symbolic link that leads outside the cassette folder "${dir}"; use a real folder or change option "dir"`,
    );
  }
  return file;
}

const UNSAFE = /[^A-Za-z0-9._-]+/g;
const MAX_SEGMENT = 80;

/** A filesystem-safe, stable path segment for a test or file name. */
export function safeSegment(text: string): string {
  let out = text
    .replace(UNSAFE, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  if (out === '') out = 'unnamed';
  if (out.length > MAX_SEGMENT) {
    // A hash of the whole text keeps two long names that share a prefix apart.
    let h = 0;
    for (const ch of text) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
    out = `${out.slice(0, MAX_SEGMENT - 9)}-${h.toString(16).padStart(8, '0')}`;
  }
  return out;
}
