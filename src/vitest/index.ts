/**
 * vitest integration: `useLambdaCassette()` opens a double around every test, and importing this
 * module registers the `toHaveInvokedAsync*` matchers.
 * @packageDocumentation
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { relative, sep } from 'node:path';
import { OPEN_CASSETTE_OPTIONS, openCassette, type OpenCassetteOptions } from '../api/open-cassette.js';
import { checkKnownOptions } from '../engine/option-check.js';
import { safeSegment } from '../cassette/cassette-file.js';
import type { LambdaDouble } from '../api/lambda-double.js';
import { lambdaMatchers, type LambdaCassetteMatchers } from './matchers.js';

export { lambdaMatchers, type LambdaCassetteMatchers } from './matchers.js';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends LambdaCassetteMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends LambdaCassetteMatchers {}
}

expect.extend(lambdaMatchers);

/** Which test a cassette is for, as handed to a custom `name` function. */
export interface TestIdentity {
  /** Absolute path of the test file. */
  file: string;
  /** Suite names then the test name, outermost first. */
  names: readonly string[];
}

/** Options of {@link useLambdaCassette}: those of `openCassette`, plus how to name each test's cassette. */
export interface UseLambdaCassetteOptions extends OpenCassetteOptions {
  /** Cassette name for a test; default: the test file's path (from the working directory, without `.test.ts`) then one folder per suite and the test name, each made filesystem-safe. */
  name?: (test: TestIdentity) => string;
}

/** The default cassette name of a test: stable across runs and safe on every filesystem. */
export function defaultCassetteName(test: TestIdentity): string {
  let file = relative(process.cwd(), test.file);
  if (file.startsWith('..')) file = file.split(sep).at(-1) ?? file;
  const fileParts = file.replace(/\.(test|spec)\.[cm]?[jt]sx?$|\.[cm]?[jt]sx?$/, '').split(/[\\/]/).map(safeSegment);
  return [...fileParts, ...test.names.map(safeSegment)].join('/');
}

function currentTest(): TestIdentity {
  const state = expect.getState();
  if (!state.testPath || !state.currentTestName) throw new Error('useLambdaCassette(): could not tell which test is running');
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
 *   expect(lambda).toHaveInvokedAsyncWith('orders-fn', expect.objectContaining({ id: 7 }));
 * });
 */
export function useLambdaCassette(options: UseLambdaCassetteOptions | (() => UseLambdaCassetteOptions) = {}): LambdaDouble {
  let current: LambdaDouble | undefined;
  if (typeof options !== 'function') checkKnownOptions('useLambdaCassette', options, [...OPEN_CASSETTE_OPTIONS, 'name']);
  beforeEach(async () => {
    // A function is read per test, so options can name things that exist only once hooks ran
    // (say, the URL of an emulator started in beforeAll).
    const { name = defaultCassetteName, ...open } = typeof options === 'function' ? options() : options;
    current = await openCassette(name(currentTest()), open);
  });
  afterEach(async () => {
    const closing = current;
    current = undefined;
    await closing?.close();
  });
  return new Proxy({} as LambdaDouble, {
    get(_target, prop) {
      if (!current) {
        throw new Error('useLambdaCassette(): no double is open here; use the handle inside a test (it, beforeEach or afterEach hooks registered after it)');
      }
      const value: unknown = Reflect.get(current, prop, current);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });
}
