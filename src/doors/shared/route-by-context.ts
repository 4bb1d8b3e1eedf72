/**
 * Which double a request belongs to, by the async context that made it (msw's `server.boundary()`
 * is the model). Doubles opened in different async contexts (vitest's `test.concurrent` tests, two
 * flows under `Promise.all`) each see only the requests made from their own context; a request made
 * outside every double's context goes to the newest open double, as before.
 *
 * `openCassette` and `mockLambda` claim the caller's context synchronously, before their first
 * `await`: `AsyncLocalStorage.enterWith` there reaches the caller's continuation (it would not from
 * after an await). `useLambdaCassette` runs each test inside {@link runWithDouble} instead.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DoorPort } from '../../engine/door-port.js';
import { held } from './door-registry.js';

/** One double bound to a context, and the binding it shadows (an outer double in the same context). */
interface Binding {
  double: DoorPort | undefined;
  outer: Binding | undefined;
}

/**
 * The storage, and how many doubles are open or opening through it. On Node 20 an enabled
 * `AsyncLocalStorage` keeps async hooks on for the whole process, which slows every promise and
 * every SDK call of the caller's, test doubles or not; so it is on only while a double is open or
 * opening, and off from the last close until the next open (a context made meanwhile carries no
 * binding, and no binding made before then has a double left to route to).
 */
interface Routing {
  storage: AsyncLocalStorage<Binding>;
  live: number;
  /** Lets go of a claim whose double was never built (its open failed): nothing can bind it any more. */
  abandoned: FinalizationRegistry<Binding>;
}

// Process-wide, so the ESM and CJS builds (dual-package hazard) route through one storage.
const routing = held<Routing>('async-context-routing', () => {
  const state: Routing = {
    storage: new AsyncLocalStorage<Binding>(),
    live: 0,
    abandoned: new FinalizationRegistry(() => release(state)),
  };
  return state;
});
const storage = routing.storage;

function release(state: Routing): void {
  if (--state.live === 0) state.storage.disable();
}

/** The innermost binding of the current context that still has an open double. */
function liveBinding(): Binding | undefined {
  let binding = storage.getStore();
  while (binding && (binding.double === undefined || binding.double.closed)) binding = binding.outer;
  return binding;
}

/**
 * Binds the caller's async context to the double about to be opened. Call it synchronously, before
 * any `await`; then hand the double, once built, to the function it returns.
 */
export function claimCallerContext(): (double: DoorPort) => void {
  const binding: Binding = { double: undefined, outer: liveBinding() };
  routing.live++;
  storage.enterWith(binding);
  const bind = (double: DoorPort): void => {
    routing.abandoned.unregister(binding);
    binding.double = double;
    // Let go of the double at close: a context can outlive it by far (a suite's, a worker's).
    double.attach({
      detach: () => {
        binding.double = undefined;
        release(routing);
      },
    });
  };
  routing.abandoned.register(bind, binding, binding);
  return bind;
}

/** Runs `fn` with `double` as the double of its async context (and of everything it starts). */
export function runWithDouble<T>(double: DoorPort, fn: () => T): T {
  return storage.run({ double, outer: liveBinding() }, fn);
}

/** The innermost open double bound to the current async context, if it is one of `open`. */
export function contextDouble<D extends DoorPort>(open: readonly D[]): D | undefined {
  for (let binding = liveBinding(); binding; binding = binding.outer) {
    const double = binding.double as D | undefined;
    if (double && !double.closed && open.includes(double)) return double;
  }
  return undefined;
}
