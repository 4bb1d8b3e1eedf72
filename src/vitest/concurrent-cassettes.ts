/**
 * `useLambdaCassette` for vitest with `test.concurrent` in mind: each test's double is found through
 * the test's async context, not one shared variable, so concurrent tests each get their own double,
 * call log and cassette. On vitest 4.1+ the double wraps the test through `aroundEach`; on older
 * versions the test's own function is wrapped (see below).
 */
import { afterEach, beforeEach } from 'vitest';
import { openCassette } from '../api/open-cassette.js';
import { checkRunnerOptions } from '../api/double-options.js';
import { engineOf, type LambdaDouble } from '../api/lambda-double.js';
import { runWithDouble } from '../doors/shared/route-by-context.js';
import { markManaged } from '../api/leaked-doubles.js';
import {
  claimCassetteName,
  defaultCassetteName,
  type TestIdentity,
  type UseLambdaCassetteOptions,
} from '../runners/cassette-per-test.js';
import { doubleHandle } from '../runners/double-handle.js';
import { closeAfterTest, type TaskWithErrors } from './close-after-test.js';
import { AmbientContext } from '../doors/shared/ambient-context.js';
import { aroundEach, identityOf, taskOf, wrapTestFunction, type TaskLike } from './vitest-tasks.js';

/** One test's double: set once it opened, unset from the end of the test. */
interface TestSlot {
  double?: LambdaDouble;
}

/** Registers the hooks and returns a handle that points at the double of the test it is used in. */
export function concurrentCassettePerTest(
  options: UseLambdaCassetteOptions | (() => UseLambdaCassetteOptions),
  currentTest: () => TestIdentity,
): LambdaDouble {
  checkRunnerOptions(options);
  // Each test's double, found through the test's async context: `test.concurrent` tests run at the
  // same time, so one shared variable would hand every test the same double. A test running alone
  // is found without its context (no async hooks on; see ambient-context.ts).
  const slots = new AmbientContext<TestSlot>();
  const current = (): TestSlot | undefined => {
    const bound = slots.bound();
    return bound?.double !== undefined ? bound : slots.ambient;
  };
  const open = (task: TaskLike | undefined): Promise<LambdaDouble> => {
    // A function is read per test, so options can name things that exist only once hooks ran
    // (say, the URL of an emulator started in beforeAll).
    const { name = defaultCassetteName, ...rest } = typeof options === 'function' ? options() : options;
    const test = identityOf(task, currentTest);
    const cassette = name(test);
    claimCassetteName(cassette, rest, test);
    return openCassette(cassette, rest).then((double) => (markManaged(double), double));
  };
  if (aroundEach) {
    // vitest 4.1+: the test, with its beforeEach and afterEach hooks, runs inside the double's context.
    aroundEach(async (runTest, context) => {
      const double = await open(context?.task);
      const slot: TestSlot = { double };
      slots.enter(slot);
      try {
        await slots.run(slot, () => runWithDouble(engineOf(double), runTest));
      } finally {
        slots.leave(slot);
        await closeAfterTest(double, context?.task as TaskWithErrors | undefined);
      }
    });
  } else {
    // Older vitest (3.x, 4.0): no hook wraps the test. The test's own function is wrapped instead,
    // through @vitest/runner's getFn/setFn (see wrapTestFunction); enterWith covers the hooks, and
    // sequential tests where the runner is not reachable.
    const slotOfTask = new WeakMap<object, TestSlot>();
    beforeEach(async (context) => {
      const slot: TestSlot = {};
      slots.enter(slot);
      slots.enterWith(slot);
      const task = taskOf(context);
      if (task) slotOfTask.set(task, slot);
      const double = await open(task);
      slot.double = double;
      if (task) await wrapTestFunction(task, slots, (fn) => slots.run(slot, () => runWithDouble(engineOf(double), fn)));
    });
    afterEach(async (context) => {
      const task = taskOf(context);
      const slot = (task && slotOfTask.get(task)) ?? current();
      if (task) slotOfTask.delete(task);
      const closing = slot?.double;
      if (slot) slots.leave(slot);
      if (closing) await closeAfterTest(closing, task as TaskWithErrors | undefined);
    });
  }
  return doubleHandle(() => current()?.double);
}
