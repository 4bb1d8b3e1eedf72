/**
 * The door for undici: every `dispatch` of every dispatcher (`Agent`, `Pool`, `Client`,
 * `ProxyAgent`, the global dispatcher Node's `fetch` uses, the ones passed as `dispatcher:` to
 * `undici.request`, `fetch`, `stream`) goes through `DispatcherBase.prototype.dispatch` of its copy
 * of undici. While a double is open that method is replaced in every copy found
 * (dispatcher-copies.ts): requests the shared claim rule takes (shared/claim.ts) are answered by
 * the double through the caller's own handler, with no socket; all others go to the original.
 */
import { openDoubles, type ProcessPatch, type Undo } from '../shared/door-registry.js';
import { replaceMethod } from '../shared/replace-method.js';
import { claim, mayClaim } from '../shared/claim.js';
import { answerDispatch, headerRecord, type DispatchOptions } from './dispatch-answer.js';
import { dispatcherPrototypes, type DispatchFunction } from './dispatcher-copies.js';

// A Client or Pool is dispatched to without `origin`: it keeps its own under a private symbol.
const ownOrigins = new WeakMap<object, URL | undefined>();

function ownOrigin(dispatcher: object): URL | undefined {
  if (ownOrigins.has(dispatcher)) return ownOrigins.get(dispatcher);
  const key = Object.getOwnPropertySymbols(dispatcher).find((s) => s.description === 'url');
  const value = key === undefined ? undefined : (dispatcher as Record<symbol, unknown>)[key];
  const url = value instanceof URL ? value : undefined;
  ownOrigins.set(dispatcher, url);
  return url;
}

function urlOf(origin: unknown): URL | undefined {
  if (origin instanceof URL) return origin;
  if (typeof origin !== 'string') return undefined;
  try {
    return new URL(origin);
  } catch {
    return undefined;
  }
}

/** Answers `opts` in-process when a double claims it; `false` when it is not the door's. */
function tryAnswer(dispatcher: object, opts: DispatchOptions, handler: unknown): boolean {
  if (opts.upgrade || typeof opts.path !== 'string' || typeof opts.method !== 'string' || opts.method === 'CONNECT')
    return false;
  const url = opts.origin === undefined ? ownOrigin(dispatcher) : urlOf(opts.origin);
  if (!url) return false;
  const where = { origin: url.origin, hostname: url.hostname.toLowerCase() };
  if (!mayClaim(openDoubles, where, opts.path)) return false;
  const headers = headerRecord(opts.headers);
  // nock never sees a dispatcher (a global fetch it saw and let pass is no longer its): nothing to leave to it.
  const double = claim(openDoubles, { where, method: opts.method, path: opts.path, headers }, false);
  if (!double || !handler || typeof handler !== 'object') return false;
  answerDispatch(double, `${url.origin}${opts.path}`, opts, headers, handler);
  return true;
}

function answering(original: DispatchFunction): DispatchFunction {
  return function dispatch(this: object, opts: unknown, handler: unknown): boolean {
    if (openDoubles.length > 0 && opts && typeof opts === 'object' && tryAnswer(this, opts as DispatchOptions, handler))
      return true;
    return original.call(this, opts, handler);
  };
}

function patchAll(): Undo[] {
  const undos: Undo[] = [];
  for (const proto of dispatcherPrototypes()) {
    const undo = replaceMethod(proto, 'dispatch', answering);
    if (undo) undos.push(undo);
  }
  return undos;
}

/** The undici patch: installed with the first double, refreshed (new copies) by each later one. */
export const DISPATCHER_PATCH: ProcessPatch = {
  name: 'undici-dispatch',
  install() {
    const undos = patchAll();
    return () => undos.forEach((undo) => undo());
  },
  refresh: patchAll,
};
