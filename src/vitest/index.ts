/**
 * vitest integration: `useLambdaCassette()` opens a double around every test, and importing this
 * module registers the `toHaveInvoked*` matchers.
 * @packageDocumentation
 */
// First: an unsupported vitest fails here, before the rest of the integration loads.
import './supported-vitest.js';
import { expect, type MatcherState } from 'vitest';
import type { LambdaDouble } from '../api/lambda-double.js';
import {
  lambdaMatchers as runnerDiffedMatchers,
  type LambdaCassetteMatchers,
  type MatcherResult,
} from '../matchers/lambda-matchers.js';
import type { TestIdentity, UseLambdaCassetteOptions } from '../runners/cassette-per-test.js';
import { concurrentCassettePerTest } from './concurrent-cassettes.js';
import { checkLeaksPerTest } from './leak-check.js';
import { MisuseError } from '../common/seal-errors.js';

export type { LambdaCassetteMatchers } from '../matchers/lambda-matchers.js';

/**
 * The matcher implementations, as vitest's `expect.extend` takes them (importing this module
 * registers them already). Typed with vitest's `MatcherState`, which also keeps an import of
 * 'vitest' in the published declarations: without one, the `declare module 'vitest'` below does
 * not apply in projects type-checked as CommonJS.
 */
export const lambdaMatchers: Record<
  keyof LambdaCassetteMatchers,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (this: MatcherState, received: unknown, ...args: any[]) => MatcherResult
> = runnerDiffedMatchers;
export { defaultCassetteName, type TestIdentity, type UseLambdaCassetteOptions } from '../runners/cassette-per-test.js';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends LambdaCassetteMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends LambdaCassetteMatchers {}
}

// vitest diffs a failed matcher's `actual` and `expected` itself: the matchers go in unwrapped.
expect.extend(lambdaMatchers);

// A double a test leaves open would answer the next test's calls: that test fails instead.
checkLeaksPerTest();

function currentTest(): TestIdentity {
  const state = expect.getState();
  if (!state.testPath || !state.currentTestName)
    throw new MisuseError('useLambdaCassette(): could not tell which test is running');
  return { file: state.testPath, names: state.currentTestName.split(' > ') };
}

/**
 * Opens a cassette before each test of the enclosing suite and closes it after (the test fails
 * when the double reports unmatched requests or cannot write its recording). The cassette is named
 * after the test file and test, so `LAMBDA_CASSETTE_MODE=record npx vitest` re-records a suite.
 * Returns a handle that always points at the current test's double.
 *
 * @example
 * const lambda = useLambdaCassette();                              // cassettes, mode auto
 * const mocked = useLambdaCassette({ mode: 'mock', functions: ['orders-fn'] }); // no files
 * const local = useLambdaCassette(() => ({ endpoint: emulator.url }));  // options read per test
 * it('sends the order', async () => {
 *   await placeOrder();
 *   expect(lambda).toHaveInvokedWith('orders-fn', expect.objectContaining({ id: 7 }));
 * });
 */
export function useLambdaCassette(
  options: UseLambdaCassetteOptions | (() => UseLambdaCassetteOptions) = {},
): LambdaDouble {
  return concurrentCassettePerTest(options, currentTest);
}
