/**
 * Dependencies that only some runs need, loaded the first time they are used rather than when the
 * package is imported: every test worker imports lambda-cassette, few need a text diff (a failed
 * assertion, a replay miss) or JSONPath (redaction). Synchronous, since those callers are.
 */
import { createRequire } from 'node:module';

// Made on first use, not at import: the cassette store is also bundled alone as CommonJS, where
// `import.meta.url` is only there when the bundler shims it, and loading a cassette seldom needs it.
let load: NodeJS.Require | undefined;

/** A function returning module `name`, which it loads (with `require`) on its first call. */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= (load ??= createRequire(import.meta.url))(name) as T);
}
