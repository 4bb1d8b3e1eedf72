/**
 * Replacing one method of one object (a prototype's `handle` or `dispatch`, `globalThis.fetch`,
 * `http2.connect`), the way every in-process patch does it: the replacement wraps what was there,
 * and its undo puts that back unless someone wrapped ours since (they keep their wrapper; ours then
 * hands everything on, since no double is open). Which replacements are ours is known process-wide,
 * so the ESM and CJS copies of the package never wrap a method twice.
 */
import { held, type Undo } from './door-registry.js';

interface Replaced {
  original: unknown;
  replacement: unknown;
}

const replaced = held('replaced-methods', () => new WeakMap<object, Map<string, Replaced>>());

/**
 * Puts `make(original)` in place of `owner[name]` and returns its undo; `undefined` when our
 * replacement is already there.
 */
export function replaceMethod<F>(owner: object, name: string, make: (original: F) => F): Undo | undefined {
  const record = owner as Record<string, unknown>;
  let mine = replaced.get(owner);
  const current = mine?.get(name);
  if (current && current.replacement === record[name]) return undefined;
  const original = record[name] as F;
  const replacement = make(original);
  if (!mine) replaced.set(owner, (mine = new Map()));
  mine.set(name, { original, replacement });
  record[name] = replacement;
  return () => {
    if (record[name] === replacement) record[name] = original;
    if (mine.get(name)?.replacement === replacement) mine.delete(name);
  };
}

/** What `owner[name]` was before our newest replacement of it, or `undefined` when there is none to undo. */
export function originalMethod<F>(owner: object, name: string): F | undefined {
  return replaced.get(owner)?.get(name)?.original as F | undefined;
}
