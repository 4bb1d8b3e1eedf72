/**
 * What the vitest integration reads of vitest's tasks and hooks beyond its typed API, kept
 * structural so any vitest 3-5 fits: which test a hook runs for, and how to run each test's function
 * inside something of the integration's own (`aroundEach` on vitest 4.1+, the runner's
 * getFn/setFn before it).
 */
import * as vitest from 'vitest';
import type { TestIdentity } from '../runners/cassette-per-test.js';
import { runInside, type TestWrapper } from '../runners/nested-wrappers.js';

/** The parts of vitest's task objects (3.x to 5.x) that name a test. */
export interface TaskLike {
  name: string;
  type?: string;
  /** Set on a test that runs with `test.concurrent` (or in a concurrent suite). */
  concurrent?: boolean;
  suite?: TaskLike;
  file?: { filepath: string };
  filepath?: string;
}

/** vitest 4.1's `aroundEach`, as far as it is used here (absent from older versions). */
type AroundEach = (fn: (runTest: () => Promise<void>, context?: { task?: TaskLike }) => Promise<void>) => void;

/** vitest 4.1's `aroundEach`, or `undefined` on older versions. */
export const aroundEach: AroundEach | undefined = (vitest as { aroundEach?: AroundEach }).aroundEach;

/** The task of a hook's test context, when vitest passed one. */
export function taskOf(context: unknown): TaskLike | undefined {
  return (context as { task?: TaskLike } | undefined)?.task;
}

/** Suite names then the test's, outermost first (the file's own suite left out). */
function namesOf(task: TaskLike): string[] {
  const names = [task.name];
  for (
    let suite = task.suite;
    suite && suite.filepath === undefined && suite !== (task.file as unknown);
    suite = suite.suite
  )
    names.unshift(suite.name);
  return names;
}

/**
 * Which test `task` is, read from the task itself: under `test.concurrent` the global
 * `expect.getState()` names whichever test touched it last.
 */
export function identityOf(task: TaskLike | undefined, currentTest: () => TestIdentity): TestIdentity {
  return task?.file ? { file: task.file.filepath, names: namesOf(task) } : currentTest();
}

/**
 * The test's name as vitest's `expect.getState().currentTestName` gives it while the test runs
 * alone (suites then the test, joined by ` > `, unnamed suites left out); `undefined` without a task.
 */
export function testNameOf(task: TaskLike | undefined): string | undefined {
  if (!task?.file) return undefined;
  const names = namesOf(task);
  return [...names.slice(0, -1).filter((name) => name !== ''), task.name].join(' > ');
}

/** What older vitest versions' runner module offers to replace a test's function. */
interface RunnerFunctions {
  getFn?: (task: object) => (() => unknown) | undefined;
  setFn?: (task: object, fn: () => unknown) => void;
}

// Each test's own function, and what each caller wraps around it for the attempt under way: a
// caller wraps again on every attempt (retries, repeats), and its earlier wrapper must go, not stay
// inside the new one, while another caller's stays.
const wrapped = new WeakMap<object, { original: () => unknown; wrappers: Map<object, TestWrapper> }>();

/**
 * For older vitest (3.x, 4.0), which has no hook around a test: makes `task`'s function run through
 * `wrap` (in place of what `owner` wrapped it with before), through @vitest/runner's getFn/setFn.
 * vitest reads the function after the beforeEach hooks, so a beforeEach hook can call this.
 */
export async function wrapTestFunction(task: object, owner: object, wrap: TestWrapper): Promise<void> {
  const runner = (await import('@vitest/runner').catch(() => ({}))) as RunnerFunctions;
  let entry = wrapped.get(task);
  if (!entry) {
    const original = runner.getFn?.(task);
    if (!original || !runner.setFn) return;
    entry = { original, wrappers: new Map() };
    wrapped.set(task, entry);
  }
  // A Map keeps an owner's first place when it wraps again, on a retry: the nesting order holds.
  entry.wrappers.set(owner, wrap);
  const { original } = entry;
  const wrappers = [...entry.wrappers.values()];
  runner.setFn?.(task, () => runInside(wrappers, original));
}
