/**
 * Jest integration (Jest 29 and 30, CommonJS and ESM): `useLambdaCassette()` opens a double around
 * every test, and importing this module registers the `toHaveInvoked*` matchers with Jest's
 * `expect`. Typed for `@jest/globals` / `@jest/expect` and for `@types/jest`'s global `expect`.
 * @packageDocumentation
 */
// First: an unsupported Jest fails here, before @jest/globals and the engine load.
import './supported-jest.js';
import { afterEach, beforeEach, expect } from '@jest/globals';
import { failLeakedDoubles, setTestNameSource } from '../api/leaked-doubles.js';
import type { LambdaCassetteMatchers } from '../matchers/lambda-matchers.js';
import { lambdaMatchers } from '../matchers/index.js';
import { cassettePerTest, type TestIdentity, type UseLambdaCassetteOptions } from '../runners/cassette-per-test.js';
import { jestTestNames, jestTestUnfinished } from './jest-test-names.js';
import { MisuseError } from '../common/seal-errors.js';
import { engineOf, type LambdaDouble } from '../api/lambda-double.js';
import { runWithDouble } from '../doors/shared/route-by-context.js';
import { unwrapRunningTest, wrapRunningTest } from './running-test-wrapper.js';

export { lambdaMatchers } from '../matchers/index.js';
export type { LambdaCassetteMatchers } from '../matchers/lambda-matchers.js';
export { defaultCassetteName, type TestIdentity, type UseLambdaCassetteOptions } from '../runners/cassette-per-test.js';

/* eslint-disable @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars, @typescript-eslint/no-namespace */
// `expect` from @jest/globals (and @jest/expect, which re-exports these interfaces) is typed by the
// `expect` package; the global `expect` of @types/jest by the `jest` namespace. Type parameters
// repeat the originals', as merging requires.
declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends LambdaCassetteMatchers<R> {}
  interface AsymmetricMatchers extends LambdaCassetteMatchers<void> {}
}
declare global {
  namespace jest {
    interface Matchers<R, T = {}> extends LambdaCassetteMatchers<R> {}
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    interface Expect extends LambdaCassetteMatchers<any> {}
  }
}
/* eslint-enable @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars, @typescript-eslint/no-namespace */

// Jest prints only a custom matcher's message, so these carry their payload diff in it.
expect.extend(lambdaMatchers);

// A double a test leaves open would answer the next test's calls: that test fails instead.
// `currentTestName` is one global: under `test.concurrent` it names whichever test started last
// (Jest 30) or none (Jest 29, which starts concurrent tests before any); each concurrent test's own
// name is kept in its async context, by Jest itself. A double of a concurrent test Jest has not
// finished yet is that test's, not one left behind: jest-circus starts every concurrent test of a
// file before their hooks run, so one test's afterEach can run while the others are still going.
setTestNameSource(() => {
  const state = expect.getState();
  return state.currentConcurrentTestName?.() ?? state.currentTestName;
}, jestTestUnfinished);
afterEach(() => failLeakedDoubles());

function currentTest(): TestIdentity {
  const { testPath, currentTestName } = expect.getState();
  if (!testPath || !currentTestName) throw new MisuseError('useLambdaCassette(): could not tell which test is running');
  // Suites then the test, as vitest names them, so both runners give a test the same cassette.
  return { file: testPath, names: jestTestNames(currentTestName) };
}

/**
 * Opens a cassette before each test of the enclosing `describe` and closes it after (the test fails
 * when the double reports unmatched requests or cannot write its recording). The cassette is named
 * after the test file, then one folder per suite and the test's name (as under vitest), so `LAMBDA_CASSETTE_MODE=record npx jest` re-records a
 * suite. Returns a handle that always points at the current test's double.
 *
 * @example
 * import { useLambdaCassette } from 'lambda-cassette/jest';
 * const lambda = useLambdaCassette({ mode: 'mock', functions: ['orders-fn'] });
 * test('sends the order', async () => {
 *   await placeOrder();
 *   expect(lambda).toHaveInvokedWith('orders-fn', expect.objectContaining({ id: 7 }));
 * });
 */
export function useLambdaCassette(
  options: UseLambdaCassetteOptions | (() => UseLambdaCassetteOptions) = {},
): LambdaDouble {
  // What this handle wraps each test's function with, told apart from other handles' wrappers.
  const handle = {};
  // Jest hands a hook with a parameter a `done` callback and waits for it: the hooks take none.
  return cassettePerTest(
    {
      beforeEach: (fn) => beforeEach(() => fn()),
      afterEach: (fn) => afterEach(() => fn()),
      currentTest,
      refusal: concurrentRefusal,
      runTestWith: (double) => {
        const test = wrapRunningTest(handle, (run) => runWithDouble(engineOf(double), run));
        return test ? () => unwrapRunningTest(test, handle) : undefined;
      },
    },
    options,
  );
}

/**
 * jest-circus starts the `test.concurrent` tests of a file before it runs their `beforeEach` hooks,
 * so while such a test runs the double open is whichever test's the hooks last opened, or none.
 * Jest names the test of each async context (Jest 30 every test's, Jest 29 concurrent ones'): a
 * test other than the double's own is refused, saying why.
 */
function concurrentRefusal(holder: TestIdentity | undefined): MisuseError | undefined {
  const test = expect.getState().currentConcurrentTestName?.();
  // Jest's name for a test is its suites' and its own joined with spaces.
  if (test === undefined || test === holder?.names.join(' ')) return undefined;
  return new MisuseError(
    `useLambdaCassette(): "${test}" is a test.concurrent test, which Jest starts before its beforeEach hooks run, so this handle has no double of its own for it; open one in the test (\`const lambda = await mockLambda()\` or \`await openCassette(name)\`, and \`await lambda.close()\` in a \`finally\`), or make it a plain test`,
  );
}
