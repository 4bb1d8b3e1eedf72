/**
 * The `toHaveInvokedAsync*` matchers, written against what every Jest-compatible `expect.extend`
 * hands a matcher (vitest, Jest, and the `expect` package), so one implementation serves all runners.
 */
import type { InvokeAsyncCall } from '../engine/call-log.js';
import { callsTo, describeCalls } from '../engine/assertions.js';
import type { PayloadFor } from '../engine/payload-types.js';

/** What the matchers accept: a double (or the handle `useLambdaCassette` returns). */
interface HasCalls {
  readonly calls: readonly InvokeAsyncCall[];
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

function callsOf(received: unknown, matcher: string): readonly InvokeAsyncCall[] {
  const calls = (received as Partial<HasCalls> | null)?.calls;
  if (!Array.isArray(calls)) {
    throw new TypeError(`${matcher}: expected a lambda-cassette double (from mockLambda, openCassette or useLambdaCassette)`);
  }
  return calls;
}

function payloads(calls: readonly InvokeAsyncCall[]): unknown[] {
  return calls.map((c) => c.payload);
}

/**
 * The matcher implementations for `expect.extend` in a runner that diffs a failed result's
 * `actual` and `expected` itself (vitest); see `lambda-cassette/matchers` for the others.
 */
export const lambdaMatchers = {
  toHaveInvokedAsync(this: MatcherContext, received: unknown, fn: string): MatcherResult {
    const calls = callsOf(received, 'toHaveInvokedAsync');
    const hits = callsTo(calls, fn);
    return {
      pass: hits.length > 0,
      message: () =>
        hits.length > 0
          ? `expected "${fn}" not to be invoked, but it was invoked ${hits.length} time(s)\n\n${describeCalls(calls)}`
          : `expected "${fn}" to be invoked, but it was not\n\n${describeCalls(calls)}`,
    };
  },

  toHaveInvokedAsyncWith(this: MatcherContext, received: unknown, fn: string, payload: unknown): MatcherResult {
    const calls = callsOf(received, 'toHaveInvokedAsyncWith');
    const toFn = callsTo(calls, fn);
    const pass = toFn.some((c) => this.equals(c.payload, payload));
    const candidates = payloads(toFn);
    return {
      pass,
      message: () =>
        pass
          ? `expected "${fn}" not to be invoked with ${this.utils.stringify(payload)}\n\n${describeCalls(calls)}`
          : `expected "${fn}" to be invoked with ${this.utils.stringify(payload)}, but ${toFn.length === 0 ? 'it was never invoked' : 'no call had that payload'}\n\n${describeCalls(calls)}`,
      // With one candidate, vitest prints its own diff (asymmetric matchers included).
      actual: candidates.length === 1 ? candidates[0] : candidates,
      expected: candidates.length === 1 ? payload : [payload],
    };
  },

  toHaveInvokedAsyncTimes(this: MatcherContext, received: unknown, fn: string, times: number): MatcherResult {
    const calls = callsOf(received, 'toHaveInvokedAsyncTimes');
    const count = callsTo(calls, fn).length;
    return {
      pass: count === times,
      message: () =>
        `expected "${fn}" ${this.isNot ? 'not ' : ''}to be invoked ${times} time(s), and it was invoked ${count} time(s)\n\n${describeCalls(calls)}`,
      actual: count,
      expected: times,
    };
  },

  toHaveInvokedAsyncNthWith(this: MatcherContext, received: unknown, n: number, fn: string, payload: unknown): MatcherResult {
    const calls = callsOf(received, 'toHaveInvokedAsyncNthWith');
    if (!Number.isInteger(n) || n < 1) throw new TypeError(`toHaveInvokedAsyncNthWith: n must be a positive integer, got ${String(n)}`);
    const call = calls[n - 1];
    const pass = call !== undefined && callsTo([call], fn).length === 1 && this.equals(call.payload, payload);
    return {
      pass,
      message: () => {
        const what = `InvokeAsync call #${n} ${pass ? 'not ' : ''}to be "${fn}" with ${this.utils.stringify(payload)}`;
        const got = call === undefined ? `there were only ${calls.length} call(s)` : `it was "${call.functionName}" with ${this.utils.stringify(call.payload)}`;
        return `expected ${what}, but ${pass ? 'it was' : got}\n\n${describeCalls(calls)}`;
      },
      actual: call?.payload,
      expected: payload,
    };
  },
};

/** Matchers lambda-cassette adds to a runner's `expect`. */
export interface LambdaCassetteMatchers<R = unknown> {
  /** Passes when the double logged at least one InvokeAsync call to `fn` (any reference form). */
  toHaveInvokedAsync(fn: string): R;
  /** Passes when some call to `fn` had this payload; asymmetric matchers work inside it. Typed per function by `LambdaPayloads`. */
  toHaveInvokedAsyncWith<F extends string>(fn: F, payload: PayloadFor<F>): R;
  /** Passes when `fn` was invoked exactly `times` times (each retry attempt counts). */
  toHaveInvokedAsyncTimes(fn: string, times: number): R;
  /** Passes when the `n`th InvokeAsync call overall (1-based) was to `fn` with this payload. */
  toHaveInvokedAsyncNthWith<F extends string>(n: number, fn: F, payload: PayloadFor<F>): R;
}
