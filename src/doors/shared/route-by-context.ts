/**
 * Which double a request belongs to, by the async context that made it (msw's `server.boundary()`
 * is the model). Doubles opened in different async contexts (vitest's `test.concurrent` tests, two
 * flows under `Promise.all`) each see only the requests made from their own context.
 *
 * The context is an {@link AmbientContext}: a double opened while no other is open or opening is
 * ambient, binds no context and turns no async hook on, and every request no bound double claims is
 * its own; only a double opened while another is open or opening binds its caller's context. A
 * context made while the hooks were off carries no binding, so under concurrent doubles a request
 * from the ambient double's flow (or from outside every double) goes to the ambient double.
 *
 * `openCassette` and `mockLambda` claim the caller's context synchronously, before their first
 * `await`: `AsyncLocalStorage.enterWith` there reaches the caller's continuation (it would not from
 * after an await). `useLambdaCassette` runs each test inside {@link runWithDouble} instead.
 */
import type { DoorPort } from '../../engine/door-port.js';
import { AmbientContext } from './ambient-context.js';
import { held } from './door-registry.js';

/** One double bound to a context, and the binding it shadows (an outer double in the same context). */
interface Binding {
  double: DoorPort | undefined;
  outer: Binding | undefined;
}

// Process-wide, so the ESM and CJS builds (dual-package hazard) route through one storage.
const routing = held('ambient-context-routing', () => new AmbientContext<Binding>());

/** The innermost binding of the current context that still has an open double. */
function liveBinding(): Binding | undefined {
  let binding = routing.bound();
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
  const binding: Binding = { double: undefined, outer: liveBinding() };
  routing.enter(binding);
  routing.enterWith(binding);
  return {
    bind(double) {
      binding.double = double;
      // Let go of the double at close: a context can outlive it by far (a suite's, a worker's).
      double.attach({ detach: () => routing.leave(binding) });
    },
    abandon: () => routing.leave(binding),
  };
}

/** Runs `fn` with `double` as the double of its async context (and of everything it starts). */
export function runWithDouble<T>(double: DoorPort, fn: () => T): T {
  // The ambient double already takes every request no bound double claims: no hook needed.
  if (double === routing.ambient?.double) return fn();
  return routing.run({ double, outer: liveBinding() }, fn);
}

/** The innermost open double bound to the current async context, if it is one of `open`. */
export function contextDouble<D extends DoorPort>(open: readonly D[]): D | undefined {
  for (let binding = liveBinding(); binding; binding = binding.outer) {
    const double = binding.double as D | undefined;
    if (double && !double.closed && open.includes(double)) return double;
  }
  return undefined;
}

/** The ambient double (see above), if it is open and one of `open`. */
export function ambientDouble<D extends DoorPort>(open: readonly D[]): D | undefined {
  const double = routing.ambient?.double as D | undefined;
  return double && !double.closed && open.includes(double) ? double : undefined;
}
