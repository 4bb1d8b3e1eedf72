/**
 * The vitest side of the check for doubles left open (api/leaked-doubles.ts): which test opens a
 * double, and which test's afterEach fails for it. vitest's `expect.getState().currentTestName` is
 * one global, set as each test starts: under `test.concurrent` it names whichever test started
 * last, so a double opened by hand would be put down to that test, and that test's afterEach would
 * close the doubles of tests still running. Each test is entered instead into an
 * {@link AmbientContext}, which binds a test's async context only while another test runs beside it:
 * tests run one at a time keep Node's async hooks off.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { failLeakedDoubles, setTestNameSource } from '../api/leaked-doubles.js';
import { AmbientContext } from '../doors/shared/ambient-context.js';
import { aroundEach, taskOf, testNameOf, wrapTestFunction, type TaskLike } from './vitest-tasks.js';

/** A test from its start (its beforeEach hooks included) to its end. */
interface RunningTest {
  readonly name: string;
}

const running = new AmbientContext<RunningTest>();

/** The test the caller runs in: its own context's, else the one running alone, else vitest's say (hooks of a suite). */
function currentTestName(): string | undefined {
  const bound = running.bound();
  if (bound && running.live.has(bound)) return bound.name;
  return running.ambient?.name ?? expect.getState().currentTestName;
}

function isRunning(name: string): boolean {
  for (const test of running.live) if (test.name === name) return true;
  return false;
}

/** Registers the hooks (on the suite that imports the vitest entry: the file's) and the name source. */
export function checkLeaksPerTest(): void {
  setTestNameSource(currentTestName, isRunning);
  // A double a test leaves open would answer the next test's calls: that test fails instead. The
  // test is the hook's own, not vitest's global say.
  const failLeaked = (task: TaskLike | undefined) =>
    failLeakedDoubles(testNameOf(task) ?? expect.getState().currentTestName, task?.concurrent === true);
  if (aroundEach) {
    // vitest 4.1+: the test, with its beforeEach and afterEach hooks, runs inside its own context.
    aroundEach(async (runTest, context) => {
      const name = testNameOf(context?.task);
      if (name === undefined) return runTest();
      const test: RunningTest = { name };
      running.enter(test);
      try {
        await running.run(test, runTest);
      } finally {
        running.leave(test);
      }
    });
    afterEach((context) => failLeaked(taskOf(context)));
  } else {
    // Older vitest (3.x, 4.0): the test's own function is wrapped; enterWith covers the hooks.
    const testOfTask = new WeakMap<object, RunningTest>();
    beforeEach(async (context) => {
      const task = taskOf(context);
      const name = testNameOf(task);
      if (!task || name === undefined) return;
      const test: RunningTest = { name };
      running.enter(test);
      running.enterWith(test);
      testOfTask.set(task, test);
      await wrapTestFunction(task, running, (fn) => running.run(test, fn));
    });
    // One hook: vitest 3 skips the afterEach hooks after one that throws, and a test that never
    // left would keep the async hooks on for the rest of the file.
    afterEach(async (context) => {
      const task = taskOf(context);
      try {
        await failLeaked(task);
      } finally {
        const test = task && testOfTask.get(task);
        if (test) running.leave(test);
      }
    });
  }
}
