/**
 * Runs the running Jest test's own function inside what each `useLambdaCassette()` handle wraps it
 * with: the double that handle opened for the test. Jest runs a test outside its `beforeEach` hooks'
 * async context, so a double opened there while another is open (a safety net from
 * `setupFilesAfterEnv`, an outer suite's) would otherwise never be the test's: its calls would go to
 * the double that binds no context. vitest 3.x and 4.0 get the same from vitest-tasks.ts's
 * `wrapTestFunction`; this is its counterpart on jest-circus, whose state is not public API but has
 * kept the running test (`currentlyRunningTest`) and read its `fn` after the hooks since Jest 27.
 */
import { circusState, type CircusBlock } from './jest-test-names.js';
import { runInside, type TestWrapper } from '../runners/nested-wrappers.js';

type TestFunction = NonNullable<CircusBlock['fn']>;

// Each test's own function, and what each handle wraps around it for the attempt under way (a Map
// keeps an owner's first place when it wraps again, on a retry: the nesting order holds).
const wrapped = new WeakMap<CircusBlock, { original: TestFunction; wrappers: Map<object, TestWrapper> }>();

/** The test's function with `wrappers` around it, nested as runInside nests them. */
function around(original: TestFunction, wrappers: readonly TestWrapper[]): TestFunction {
  const fn = function (this: unknown, ...args: unknown[]): unknown {
    return runInside(wrappers, () => original.apply(this, args));
  };
  // jest-circus hands `done` to a test function that declares a parameter: the wrapper must too.
  Object.defineProperty(fn, 'length', { value: original.length });
  return fn;
}

/**
 * Makes the running test's function run through `wrap` (in place of what `owner` wrapped it with
 * before). Returns the test, for {@link unwrapRunningTest}; `undefined` when jest-circus's state is
 * not readable, and the test then runs as it is.
 */
export function wrapRunningTest(
  owner: object,
  wrap: TestWrapper,
  global: object = globalThis,
): CircusBlock | undefined {
  const test = circusState(global)?.currentlyRunningTest ?? undefined;
  if (!test || typeof test.fn !== 'function') return undefined;
  let entry = wrapped.get(test);
  if (!entry) wrapped.set(test, (entry = { original: test.fn, wrappers: new Map() }));
  entry.wrappers.set(owner, wrap);
  test.fn = around(entry.original, [...entry.wrappers.values()]);
  return test;
}

/** Takes `owner`'s wrapper off `test` after it ran; the last one off puts the test's own function back (retries wrap again). */
export function unwrapRunningTest(test: CircusBlock, owner: object): void {
  const entry = wrapped.get(test);
  if (!entry) return;
  entry.wrappers.delete(owner);
  if (entry.wrappers.size > 0) {
    test.fn = around(entry.original, [...entry.wrappers.values()]);
    return;
  }
  test.fn = entry.original;
  wrapped.delete(test);
}
