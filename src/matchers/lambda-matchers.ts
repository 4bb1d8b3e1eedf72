/**
 * The `toHaveInvoked*` matchers (and their older `toHaveInvokedAsync*` names), written against what every Jest-compatible `expect.extend`
 * hands a matcher (vitest, Jest, and the `expect` package), so one implementation serves all runners.
 */
import type { LambdaCall } from '../engine/call-log.js';
import { callsTo, describeCalls } from '../engine/assertions.js';
import { namedCalls, ofOperation, type CallOptions } from '../engine/call-filter.js';
import type { PayloadFor } from '../engine/payload-types.js';
import { depthSafe, forDisplay } from '../engine/deep-payloads.js';
import { InvalidOptionError } from '../common/seal-errors.js';

/** What the matchers accept: a double (or the handle `useLambdaCassette` returns). */
interface HasCalls {
  readonly calls: readonly LambdaCall[];
}

/** The part of a runner's matcher context (`this` inside a matcher) the matchers use. */
export interface MatcherContext {
  readonly isNot?: boolean;
  equals(a: unknown, b: unknown): boolean;
  readonly utils: { stringify(value: unknown): string };
}

/** What a matcher returns; `actual` and `expected` are the values a runner may diff. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

function callsOf(received: unknown, matcher: string): readonly LambdaCall[] {
  const calls = (received as Partial<HasCalls> | null)?.calls;
  if (!Array.isArray(calls)) {
    throw new InvalidOptionError(
      `${matcher}: expected a lambda-cassette double (from mockLambda, openCassette or useLambdaCassette)`,
    );
  }
  return calls;
}

function payloads(calls: readonly LambdaCall[]): unknown[] {
  return calls.map((c) => c.payload);
}

/**
 * Each matcher counts InvokeAsync and Invoke calls of every invocation type alike; a last argument
 * `{ operation?, invocationType? }` limits it.
 *
 * The matcher implementations for `expect.extend` in a runner that diffs a failed result's
 * `actual` and `expected` itself (vitest); see `lambda-cassette/matchers` for the others.
 */
const current = {
  toHaveInvoked(this: MatcherContext, received: unknown, fn: string, options?: CallOptions): MatcherResult {
    const calls = callsOf(received, 'toHaveInvoked');
    const hits = callsTo(calls, fn, options);
    return {
      pass: hits.length > 0,
      message: () =>
        hits.length > 0
          ? `expected ${namedCalls(fn, options)} not to be invoked, but it was invoked ${hits.length} time(s)\n\n${describeCalls(calls)}`
          : `expected ${namedCalls(fn, options)} to be invoked, but it was not\n\n${describeCalls(calls)}`,
    };
  },

  toHaveInvokedWith(
    this: MatcherContext,
    received: unknown,
    fn: string,
    payload: unknown,
    options?: CallOptions,
  ): MatcherResult {
    const calls = callsOf(received, 'toHaveInvokedWith');
    const toFn = callsTo(calls, fn, options);
    const equals = depthSafe((a, b) => this.equals(a, b));
    const pass = toFn.some((c) => equals(c.payload, payload));
    const candidates = payloads(toFn);
    return {
      pass,
      message: () =>
        pass
          ? `expected ${namedCalls(fn, options)} not to be invoked with ${this.utils.stringify(payload)}\n\n${describeCalls(calls)}`
          : `expected ${namedCalls(fn, options)} to be invoked with ${this.utils.stringify(payload)}, but ${toFn.length === 0 ? 'it was never invoked' : 'no call had that payload'}\n\n${describeCalls(calls)}`,
      // With one candidate, vitest prints its own diff (asymmetric matchers included).
      actual: forDisplay(candidates.length === 1 ? candidates[0] : candidates),
      expected: forDisplay(candidates.length === 1 ? payload : [payload]),
    };
  },

  toHaveInvokedTimes(
    this: MatcherContext,
    received: unknown,
    fn: string,
    times: number,
    options?: CallOptions,
  ): MatcherResult {
    const calls = callsOf(received, 'toHaveInvokedTimes');
    const count = callsTo(calls, fn, options).length;
    return {
      pass: count === times,
      message: () =>
        `expected ${namedCalls(fn, options)} ${this.isNot ? 'not ' : ''}to be invoked ${times} time(s), and it was invoked ${count} time(s)\n\n${describeCalls(calls)}`,
      actual: count,
      expected: times,
    };
  },

  toHaveInvokedNthWith(
    this: MatcherContext,
    received: unknown,
    n: number,
    fn: string,
    payload: unknown,
    options?: CallOptions,
  ): MatcherResult {
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidOptionError(`toHaveInvokedNthWith: n must be a positive integer, got ${String(n)}`);
    return nthWith.call(this, received, n, fn, payload, options, 'toHaveInvokedNthWith');
  },

  toHaveInvokedLastWith(
    this: MatcherContext,
    received: unknown,
    fn: string,
    payload: unknown,
    options?: CallOptions,
  ): MatcherResult {
    return nthWith.call(this, received, 'last', fn, payload, options, 'toHaveInvokedLastWith');
  },
};

/** The `n`th (or last) call, with `options`, among the calls of that operation and invocation type. */
function nthWith(
  this: MatcherContext,
  received: unknown,
  n: number | 'last',
  fn: string,
  payload: unknown,
  options: CallOptions | undefined,
  matcher: string,
): MatcherResult {
  const calls = ofOperation(callsOf(received, matcher), options);
  const call = n === 'last' ? calls[calls.length - 1] : calls[n - 1];
  const pass =
    call !== undefined &&
    callsTo([call], fn).length === 1 &&
    depthSafe((a, b) => this.equals(a, b))(call.payload, payload);
  return {
    pass,
    message: () => {
      const kind = [options?.operation, options?.invocationType].filter(Boolean).join(' ') || 'Lambda';
      const what = `${kind} call ${n === 'last' ? 'last' : `#${n}`} ${pass ? 'not ' : ''}to be "${fn}" with ${this.utils.stringify(payload)}`;
      const got =
        call === undefined
          ? `there were only ${calls.length} call(s)`
          : `it was "${call.functionName}" with ${this.utils.stringify(call.payload)}`;
      return `expected ${what}, but ${pass ? 'it was' : got}\n\n${describeCalls(calls)}`;
    },
    actual: forDisplay(call?.payload),
    expected: forDisplay(payload),
  };
}

export const lambdaMatchers = {
  ...current,
  /** @deprecated Use `toHaveInvoked`. */
  toHaveInvokedAsync: current.toHaveInvoked,
  /** @deprecated Use `toHaveInvokedWith`. */
  toHaveInvokedAsyncWith: current.toHaveInvokedWith,
  /** @deprecated Use `toHaveInvokedTimes`. */
  toHaveInvokedAsyncTimes: current.toHaveInvokedTimes,
  /** @deprecated Use `toHaveInvokedNthWith`. */
  toHaveInvokedAsyncNthWith: current.toHaveInvokedNthWith,
};

/** Matchers lambda-cassette adds to a runner's `expect`. */
export interface LambdaCassetteMatchers<R = unknown> {
  /**
   * Passes when the double logged at least one call to `fn` (any reference form): InvokeAsync or
   * Invoke of any invocation type, unless `{ operation, invocationType }` limits it (the same option
   * on every matcher).
   */
  toHaveInvoked(fn: string, options?: CallOptions): R;
  /** Passes when some call to `fn` had this payload; asymmetric matchers work inside it. Typed per function by `LambdaPayloads`. */
  toHaveInvokedWith<F extends string>(fn: F, payload: PayloadFor<F>, options?: CallOptions): R;
  /** Passes when `fn` was invoked exactly `times` times (each retry attempt counts). */
  toHaveInvokedTimes(fn: string, times: number, options?: CallOptions): R;
  /** Passes when the `n`th call (1-based, among those `options` selects) was to `fn` with this payload. */
  toHaveInvokedNthWith<F extends string>(n: number, fn: F, payload: PayloadFor<F>, options?: CallOptions): R;
  /** Passes when the last call (among those `options` selects) was to `fn` with this payload. */
  toHaveInvokedLastWith<F extends string>(fn: F, payload: PayloadFor<F>, options?: CallOptions): R;
  /** @deprecated Use `toHaveInvoked`: the matchers cover every invocation type. */
  toHaveInvokedAsync(fn: string, options?: CallOptions): R;
  /** @deprecated Use `toHaveInvokedWith`. */
  toHaveInvokedAsyncWith<F extends string>(fn: F, payload: PayloadFor<F>, options?: CallOptions): R;
  /** @deprecated Use `toHaveInvokedTimes`. */
  toHaveInvokedAsyncTimes(fn: string, times: number, options?: CallOptions): R;
  /** @deprecated Use `toHaveInvokedNthWith`. */
  toHaveInvokedAsyncNthWith<F extends string>(n: number, fn: F, payload: PayloadFor<F>, options?: CallOptions): R;
}
