/**
 * The `toHaveInvokedAsync*` matchers, written against what every Jest-compatible `expect.extend`
 * hands a matcher (vitest, Jest, and the `expect` package), so one implementation serves all runners.
 */
import type { LambdaCall } from '../engine/call-log.js';
import { callsTo, describeCalls } from '../engine/assertions.js';
import { namedCalls, ofOperation, type CallOptions } from '../engine/call-filter.js';
import type { PayloadFor } from '../engine/payload-types.js';
import { depthSafe, forDisplay } from '../engine/deep-payloads.js';

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
    throw new TypeError(`${matcher}: expected a lambda-cassette double (from mockLambda, openCassette or useLambdaCassette)`);
  }
  return calls;
}

function payloads(calls: readonly LambdaCall[]): unknown[] {
  return calls.map((c) => c.payload);
}

/**
 * Each matcher counts InvokeAsync and Invoke Event calls alike; a last argument `{ operation }`
 * limits it to one operation.
 *
 * The matcher implementations for `expect.extend` in a runner that diffs a failed result's
 * `actual` and `expected` itself (vitest); see `lambda-cassette/matchers` for the others.
 */
export const lambdaMatchers = {
  toHaveInvokedAsync(this: MatcherContext, received: unknown, fn: string, options?: CallOptions): MatcherResult {
    const calls = callsOf(received, 'toHaveInvokedAsync');
    const hits = callsTo(calls, fn, options);
    return {
      pass: hits.length > 0,
      message: () =>
        hits.length > 0
          ? `expected ${namedCalls(fn, options)} not to be invoked, but it was invoked ${hits.length} time(s)\n\n${describeCalls(calls)}`
          : `expected ${namedCalls(fn, options)} to be invoked, but it was not\n\n${describeCalls(calls)}`,
    };
  },

  toHaveInvokedAsyncWith(this: MatcherContext, received: unknown, fn: string, payload: unknown, options?: CallOptions): MatcherResult {
    const calls = callsOf(received, 'toHaveInvokedAsyncWith');
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

  toHaveInvokedAsyncTimes(this: MatcherContext, received: unknown, fn: string, times: number, options?: CallOptions): MatcherResult {
    const calls = callsOf(received, 'toHaveInvokedAsyncTimes');
    const count = callsTo(calls, fn, options).length;
    return {
      pass: count === times,
      message: () =>
        `expected ${namedCalls(fn, options)} ${this.isNot ? 'not ' : ''}to be invoked ${times} time(s), and it was invoked ${count} time(s)\n\n${describeCalls(calls)}`,
      actual: count,
      expected: times,
    };
  },

  toHaveInvokedAsyncNthWith(this: MatcherContext, received: unknown, n: number, fn: string, payload: unknown, options?: CallOptions): MatcherResult {
    // With `operation`, the nth call of that operation.
    const calls = ofOperation(callsOf(received, 'toHaveInvokedAsyncNthWith'), options);
    if (!Number.isInteger(n) || n < 1) throw new TypeError(`toHaveInvokedAsyncNthWith: n must be a positive integer, got ${String(n)}`);
    const call = calls[n - 1];
    const pass = call !== undefined && callsTo([call], fn).length === 1 && depthSafe((a, b) => this.equals(a, b))(call.payload, payload);
    return {
      pass,
      message: () => {
        const what = `${options?.operation ?? 'InvokeAsync'} call #${n} ${pass ? 'not ' : ''}to be "${fn}" with ${this.utils.stringify(payload)}`;
        const got = call === undefined ? `there were only ${calls.length} call(s)` : `it was "${call.functionName}" with ${this.utils.stringify(call.payload)}`;
        return `expected ${what}, but ${pass ? 'it was' : got}\n\n${describeCalls(calls)}`;
      },
      actual: forDisplay(call?.payload),
      expected: forDisplay(payload),
    };
  },
};

/** Matchers lambda-cassette adds to a runner's `expect`. */
export interface LambdaCassetteMatchers<R = unknown> {
  /**
   * Passes when the double logged at least one call to `fn` (any reference form): InvokeAsync or
   * Invoke Event, unless `{ operation }` names one (the same option on every matcher).
   */
  toHaveInvokedAsync(fn: string, options?: CallOptions): R;
  /** Passes when some call to `fn` had this payload; asymmetric matchers work inside it. Typed per function by `LambdaPayloads`. */
  toHaveInvokedAsyncWith<F extends string>(fn: F, payload: PayloadFor<F>, options?: CallOptions): R;
  /** Passes when `fn` was invoked exactly `times` times (each retry attempt counts). */
  toHaveInvokedAsyncTimes(fn: string, times: number, options?: CallOptions): R;
  /** Passes when the `n`th call overall (1-based; the nth of `options.operation`, when given) was to `fn` with this payload. */
  toHaveInvokedAsyncNthWith<F extends string>(n: number, fn: F, payload: PayloadFor<F>, options?: CallOptions): R;
}
