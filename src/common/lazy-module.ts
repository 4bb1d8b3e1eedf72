/**
 * Dependencies that only some runs need, loaded the first time they are used rather than when the
 * package is imported: every test worker imports lambda-cassette, few need a text diff (a failed
 * assertion, a replay miss) or JSONPath (redaction). Synchronous, since those callers are.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** A function returning module `name`, which it loads (with `require`) on its first call. */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(name) as T);
}
