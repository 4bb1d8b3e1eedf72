/**
 * An `AsyncLocalStorage` that stays off while one value at a time is live. On Node 20 (and 22) an
 * enabled storage keeps async hooks on for the whole process, which slows every promise of the
 * caller's (1.1x on a bare `LambdaClient`). Most tests open one double, or run one test, at a time,
 * and then there is nothing to tell apart: the value entered while no other is live is *ambient*,
 * bound to no context and found without one; only a value entered beside another is bound to its
 * caller's context, which turns the hooks on until the last value leaves. Routing by context
 * (route-by-context.ts) and `useLambdaCassette`'s per-test handle are both built on it.
 */
import { AsyncLocalStorage, executionAsyncId, executionAsyncResource } from 'node:async_hooks';

/** What is kept per context: often a double, unset when the value leaves. */
interface Holder {
  double?: unknown;
}

export class AmbientContext<T extends object> {
  readonly #storage = new AsyncLocalStorage<T>();
  readonly #live = new Set<T>();
  #ambient: T | undefined;

  /** The value entered while no other was live, until it leaves. */
  get ambient(): T | undefined {
    return this.#ambient;
  }

  /** `value` becomes live: ambient when no other is. */
  enter(value: T): void {
    if (this.#live.size === 0) this.#ambient = value;
    this.#live.add(value);
  }

  /** The values entered and not yet left. */
  get live(): ReadonlySet<T> {
    return this.#live;
  }

  /** `value` is no longer live (once; later calls do nothing): its double, if it has one, is unset; the storage goes off with the last. */
  leave(value: T): void {
    if (!this.#live.delete(value)) return;
    if ('double' in value) (value as Holder).double = undefined;
    if (this.#ambient === value) this.#ambient = undefined;
    if (this.#live.size === 0) this.#storage.disable();
  }

  /** Runs `fn` with `value` as its context's value; the ambient value needs no context. */
  run<R>(value: T, fn: () => R): R {
    return value === this.#ambient ? fn() : this.#storage.run(value, fn);
  }

  /** Binds the caller's flow to `value` (see {@link enterFlow}); the ambient value needs no binding. */
  enterWith(value: T): void {
    if (value !== this.#ambient) enterFlow(this.#storage, value);
  }

  /** The value bound to the current context, if any (stale ones included: they have no double). */
  bound(): T | undefined {
    return this.#storage.getStore();
  }
}

/**
 * `storage.enterWith(value)` for the caller's flow only. Code resumed from a promise made while the
 * hooks were off (async id 0: every flow started before a second value was entered, the ambient one's
 * among them) has no resource of its own: `enterWith` there writes on the process's top-level
 * resource, which every such flow reads and copies into each promise it makes. The caller's own
 * continuation copies the value in the same synchronous run (it awaits the factory there); so the
 * value comes off the top-level resource once that run ends, or it would capture the other flows too.
 */
function enterFlow<T>(storage: AsyncLocalStorage<T>, value: T): void {
  storage.enterWith(value);
  if (executionAsyncId() !== 0) return;
  const key = (storage as unknown as { kResourceStore?: symbol }).kResourceStore;
  // Without the key the storage is not hook-based (Node's AsyncContextFrame): nothing is shared.
  if (typeof key !== 'symbol') return;
  const topLevel = executionAsyncResource() as Record<symbol, unknown>;
  queueMicrotask(() => {
    if (topLevel[key] === value) topLevel[key] = undefined;
  });
}
