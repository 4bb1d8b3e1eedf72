/**
 * vitest integration: `useLambdaCassette()` opens a double around every test, and importing this
 * module registers the `toHaveInvokedAsync*` matchers.
 * @packageDocumentation
 */
import * as vitest from 'vitest';
import { afterEach, beforeEach, expect } from 'vitest';
import { AsyncLocalStorage } from 'node:async_hooks';
import { runWithDouble } from '../doors/shared/route-by-context.js';
import { relative, sep } from 'node:path';
import { openCassette, type OpenCassetteOptions } from '../api/open-cassette.js';
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

/** vitest 4.1's `aroundEach`, as far as it is used here (absent from older versions). */
type AroundEach = (fn: (runTest: () => Promise<void>, context?: { task?: TaskLike }) => Promise<void>) => void;

/** What older vitest versions' runner module offers to replace a test's function. */
interface RunnerFunctions {
  getFn?: (task: object) => (() => unknown) | undefined;
  setFn?: (task: object, fn: () => unknown) => void;
}

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

/** The parts of vitest's task objects (3.x to 5.x) that name a test. */
interface TaskLike {
  name: string;
  type?: string;
  suite?: TaskLike;
  file?: { filepath: string };
  filepath?: string;
}

/**
 * Which test `task` is, read from the task itself: under `test.concurrent` the global
 * `expect.getState()` names whichever test touched it last.
 */
function identityOf(task: TaskLike | undefined): TestIdentity {
  if (!task?.file) return currentTest();
  const names = [task.name];
  for (let suite = task.suite; suite && suite.filepath === undefined && suite !== (task.file as unknown); suite = suite.suite) names.unshift(suite.name);
  return { file: task.file.filepath, names };
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
  // Each test's double, found through the test's async context: `test.concurrent` tests run at the
  // same time, so one shared variable would hand every test the same double.
  const own = new AsyncLocalStorage<{ double?: LambdaDouble }>();
  const open = (task: TaskLike | undefined): Promise<LambdaDouble> => {
    // A function is read per test, so options can name things that exist only once hooks ran
    // (say, the URL of an emulator started in beforeAll).
    const { name = defaultCassetteName, ...rest } = typeof options === 'function' ? options() : options;
    return openCassette(name(identityOf(task)), rest);
  };
  const aroundEach = (vitest as { aroundEach?: AroundEach }).aroundEach;
  if (aroundEach) {
    // vitest 4.1+: the test, with its beforeEach and afterEach hooks, runs inside the double's context.
    aroundEach(async (runTest, context) => {
      const double = await open(context?.task);
      try {
        await own.run({ double }, () => runWithDouble(double, runTest));
      } finally {
        await double.close();
      }
    });
  } else {
    // Older vitest (3.x, 4.0): no hook wraps the test. The test's own function is wrapped instead,
    // through @vitest/runner's getFn/setFn (vitest reads it after the beforeEach hooks); enterWith
    // covers the hooks, and sequential tests where the runner is not reachable.
    const originals = new WeakMap<object, () => unknown>();
    const slots = new WeakMap<object, { double?: LambdaDouble }>();
    const taskOf = (context: unknown) => (context as { task?: TaskLike } | undefined)?.task;
    beforeEach(async (context) => {
      const slot: { double?: LambdaDouble } = {};
      own.enterWith(slot);
      const task = taskOf(context);
      if (task) slots.set(task, slot);
      const double = await open(task);
      slot.double = double;
      const runner = (await import('@vitest/runner').catch(() => ({}))) as RunnerFunctions;
      const original = task && (originals.get(task) ?? runner.getFn?.(task));
      if (task && original && runner.setFn) {
        originals.set(task, original);
        runner.setFn(task, () => own.run(slot, () => runWithDouble(double, original)));
      }
    });
    afterEach(async (context) => {
      const task = taskOf(context);
      const slot = (task && slots.get(task)) ?? own.getStore();
      const closing = slot?.double;
      if (slot) slot.double = undefined;
      await closing?.close();
    });
  }
  const current = (): LambdaDouble => {
    const double = own.getStore()?.double;
    if (!double) {
      throw new Error('useLambdaCassette(): no double is open here; use the handle inside a test (it, beforeEach or afterEach hooks registered after it)');
    }
    return double;
  };
  return new Proxy({} as LambdaDouble, {
    get(_target, prop) {
      const double = current();
      const value: unknown = Reflect.get(double, prop, double);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(double) : value;
    },
  });
}
