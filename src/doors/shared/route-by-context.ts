/**
 * Which double a request belongs to, by the async context that made it (msw's `server.boundary()`
 * is the model). Doubles opened in different async contexts (vitest's `test.concurrent` tests, two
 * flows under `Promise.all`) each see only the requests made from their own context.
 *
 * On Node 20 an enabled `AsyncLocalStorage` keeps async hooks on for the whole process, which slows
 * every promise and every SDK call of the caller's (1.1x on a bare `LambdaClient`), test doubles or
 * not. Most tests open one double at a time, and then there is nothing to tell apart: so a double
 * opened while no other is open or opening is *ambient*: it binds no context and turns no hook on,
 * and every request no bound double claims is its own. Only a double opened while another is open
 * or opening binds its caller's context, which turns the hooks on; they go off again at the last
 * close. A context made while the hooks were off carries no binding, so under concurrent doubles a
 * request from the ambient double's flow (or from outside every double) goes to the ambient double.
 *
 * `openCassette` and `mockLambda` claim the caller's context synchronously, before their first
 * `await`: `AsyncLocalStorage.enterWith` there reaches the caller's continuation (it would not from
 * after an await). `useLambdaCassette` runs each test inside {@link runWithDouble} instead.
 */
import { AsyncLocalStorage, executionAsyncId, executionAsyncResource } from 'node:async_hooks';
import type { DoorPort } from '../../engine/door-port.js';
import { held } from './door-registry.js';

/** One double bound to a context, and the binding it shadows (an outer double in the same context). */
interface Binding {
  double: DoorPort | undefined;
  outer: Binding | undefined;
}

/** The storage, how many doubles are open or opening, and the ambient one (see above). */
interface Routing {
  storage: AsyncLocalStorage<Binding>;
  live: number;
  /** The double opened while no other was open or opening, until it closes. */
  ambient: DoorPort | undefined;
}

// Process-wide, so the ESM and CJS builds (dual-package hazard) route through one storage.
const routing = held<Routing>('async-context-routing', () => ({
  storage: new AsyncLocalStorage<Binding>(),
  live: 0,
  ambient: undefined,
}));
const storage = routing.storage;

/** The innermost binding of the current context that still has an open double. */
function liveBinding(): Binding | undefined {
  let binding = storage.getStore();
  while (binding && (binding.double === undefined || binding.double.closed)) binding = binding.outer;
  return binding;
}

/**
 * What a factory holds between claiming the caller's context and building its double. Every claim
 * ends in `bind` or `abandon`: one left hanging would keep later doubles binding contexts (hooks on).
 */
export interface ContextClaim {
  /** Gives the claim its double, built; the double keeps the claim until it closes. */
  bind(double: DoorPort): void;
  /** Lets the claim go: the factory failed before it built a double. */
  abandon(): void;
}

/**
 * Claims the caller's async context for the double about to be opened. Call it synchronously,
 * before any `await`; then `bind` the double once built, or `abandon` the claim if the open fails.
 */
export function claimCallerContext(): ContextClaim {
  const ambient = routing.live === 0;
  const binding: Binding | undefined = ambient ? undefined : { double: undefined, outer: liveBinding() };
  routing.live++;
  if (binding) enterFlow(storage, binding);
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    if (binding) binding.double = undefined;
    if (--routing.live === 0) storage.disable();
  };
  return {
    bind(double) {
      if (binding) binding.double = double;
      else routing.ambient = double;
      // Let go of the double at close: a context can outlive it by far (a suite's, a worker's).
      double.attach({
        detach: () => {
          if (routing.ambient === double) routing.ambient = undefined;
          release();
        },
      });
    },
    abandon: release,
  };
}

/**
 * `storage.enterWith(value)` for the caller's flow only. Code resumed from a promise made while the
 * hooks were off (async id 0: every flow started before a second double opened, the ambient double's
 * among them) has no resource of its own: `enterWith` there writes on the process's top-level
 * resource, which every such flow reads and copies into each promise it makes. The caller's own
 * continuation copies the value in the same synchronous run (it awaits the factory there); so the
 * value comes off the top-level resource once that run ends, or it would capture the other flows too.
 */
export function enterFlow<T>(storage: AsyncLocalStorage<T>, value: T): void {
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

/** Runs `fn` with `double` as the double of its async context (and of everything it starts). */
export function runWithDouble<T>(double: DoorPort, fn: () => T): T {
  // The ambient double already takes every request no bound double claims: no hook needed.
  if (double === routing.ambient) return fn();
  return storage.run({ double, outer: liveBinding() }, fn);
}

/** The innermost open double bound to the current async context, else the ambient double, if it is one of `open`. */
export function contextDouble<D extends DoorPort>(open: readonly D[]): D | undefined {
  for (let binding = liveBinding(); binding; binding = binding.outer) {
    const double = binding.double as D | undefined;
    if (double && !double.closed && open.includes(double)) return double;
  }
  return undefined;
}

/** The ambient double (see above), if it is open and one of `open`. */
export function ambientDouble<D extends DoorPort>(open: readonly D[]): D | undefined {
  const double = routing.ambient as D | undefined;
  return double && !double.closed && open.includes(double) ? double : undefined;
}
