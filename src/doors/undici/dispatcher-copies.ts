/**
 * Finding the `dispatch` every undici dispatcher of this process goes through: the base class of
 * `Agent`, `Pool`, `Client`, `ProxyAgent` (`DispatcherBase`) of Node's built-in undici (what global
 * `fetch` uses) and of every copy of the `undici` package that is loaded, or that the user's code
 * would load from the working directory. Nothing here makes undici a dependency: a copy that is not
 * installed is simply not there.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

/** `DispatcherBase.prototype.dispatch`. */
export type DispatchFunction = (this: object, opts: unknown, handler: unknown) => boolean;

/** A prototype that owns `dispatch`: what the door patches. */
interface DispatcherPrototype {
  dispatch: DispatchFunction;
}

/**
 * Where undici (the package and Node's copy) keeps the process's global dispatcher: undici's own
 * key, a `Symbol.for` so that every copy of undici finds the one dispatcher; read, never written.
 */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

const BASE_FILE = /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]dispatcher-base\.js$/;
const ownRequire = createRequire(import.meta.url);

/** `DispatcherBase.prototype` on `object`'s chain (the class every real dispatcher of undici extends). */
function owner(object: unknown): DispatcherPrototype | undefined {
  for (
    let proto = object ? Object.getPrototypeOf(object) : null;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const own = Object.prototype.hasOwnProperty.call(proto, 'dispatch') && typeof proto.dispatch === 'function';
    if (own && (proto as { constructor?: { name?: string } }).constructor?.name === 'DispatcherBase')
      return proto as DispatcherPrototype;
  }
  return undefined;
}

// Node's own fetch as this module found it, usually before nock or msw wrapped it (their wrappers
// may refuse a data: URL before Node's fetch sees it).
const fetchAtLoad: typeof fetch | undefined = globalThis.fetch;

/** The dispatcher global `fetch` would use; Node creates its own lazily, so a `data:` fetch makes it exist. */
function globalDispatcher(): unknown {
  const current = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER];
  const nodeFetch = fetchAtLoad ?? globalThis.fetch;
  if (current !== undefined || typeof nodeFetch !== 'function') return current;
  // Node's fetch reads (and so creates) the global dispatcher synchronously; a data: URL opens no socket.
  nodeFetch('data:,').then(
    () => {},
    () => {},
  );
  return (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER];
}

function baseOfPackage(exports: unknown): DispatcherPrototype | undefined {
  const proto = (exports as { prototype?: Partial<DispatcherPrototype> } | undefined)?.prototype;
  return proto && typeof proto.dispatch === 'function' ? (proto as DispatcherPrototype) : undefined;
}

// What resolution found, by working directory (its answer does not change while the process runs),
// and what the last scan of require's cache found, by the cache's size.
const resolved = new Map<string, DispatcherPrototype | undefined>();
let scanned: { size: number; found: DispatcherPrototype[] } = { size: -1, found: [] };

/** The copy of undici the user's code would load, found from the working directory (loaded only for its base class). */
function resolvedCopy(): DispatcherPrototype | undefined {
  const cwd = process.cwd();
  if (resolved.has(cwd)) return resolved.get(cwd);
  let found: DispatcherPrototype | undefined;
  try {
    const load = createRequire(path.join(cwd, 'index.js'));
    const entry = load.resolve('undici');
    found = baseOfPackage(load(path.join(path.dirname(entry), 'lib', 'dispatcher', 'dispatcher-base.js')));
  } catch {
    found = undefined; // Not installed there.
  }
  resolved.set(cwd, found);
  return found;
}

function cachedCopies(): DispatcherPrototype[] {
  const files = Object.keys(ownRequire.cache);
  if (files.length === scanned.size) return scanned.found;
  const found: DispatcherPrototype[] = [];
  for (const file of files) {
    if (!BASE_FILE.test(file)) continue;
    const proto = baseOfPackage(ownRequire.cache[file]?.exports);
    if (proto) found.push(proto);
  }
  scanned = { size: files.length, found };
  return found;
}

/** The dispatch-owning prototypes of every undici copy found (see above). */
export function dispatcherPrototypes(): Set<DispatcherPrototype> {
  const found = new Set<DispatcherPrototype>();
  // The package first: loading it may make its own Agent the global dispatcher.
  const resolved = resolvedCopy();
  if (resolved) found.add(resolved);
  const builtIn = owner(globalDispatcher());
  if (builtIn) found.add(builtIn);
  for (const proto of cachedCopies()) found.add(proto);
  return found;
}
