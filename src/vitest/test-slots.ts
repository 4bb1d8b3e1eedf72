/**
 * Each running test's double under `useLambdaCassette`, found through the test's async context, but
 * only while two or more tests are running at once (`test.concurrent`). An enabled
 * `AsyncLocalStorage` keeps Node 20's async hooks on for the whole process, which slows every
 * promise of the suite: a test running alone is the *ambient* one, found without its context, and
 * the storage is disabled again whenever no test is running (as doors/shared/route-by-context.ts
 * does for the doubles themselves).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LambdaDouble } from '../api/lambda-double.js';
import { enterFlow } from '../doors/shared/route-by-context.js';

/** One test's double: set once it opened, unset from the end of the test. */
export interface TestSlot {
  double?: LambdaDouble;
}

/** The slots of the tests of one `useLambdaCassette` call. */
export class TestSlots {
  readonly #own = new AsyncLocalStorage<TestSlot>();
  #running = 0;
  #ambient: TestSlot | undefined;

  /** A test starts with `slot`: the ambient one when no other test is running. */
  enter(slot: TestSlot): void {
    if (this.#running++ === 0) this.#ambient = slot;
  }

  /** The test of `slot` ended: its double is no longer anyone's. */
  leave(slot: TestSlot): void {
    slot.double = undefined;
    if (this.#ambient === slot) this.#ambient = undefined;
    if (--this.#running === 0) this.#own.disable();
  }

  /** Runs `fn` (the test, or its function) in `slot`'s context. */
  run<T>(slot: TestSlot, fn: () => T): T {
    return slot === this.#ambient ? fn() : this.#own.run(slot, fn);
  }

  /** Binds the caller's flow (a `beforeEach` hook's) to `slot`. */
  enterWith(slot: TestSlot): void {
    if (slot !== this.#ambient) enterFlow(this.#own, slot);
  }

  /** The slot of the test running here: the one its context is bound to, else the ambient one. */
  current(): TestSlot | undefined {
    const bound = this.#own.getStore();
    return bound?.double !== undefined ? bound : this.#ambient;
  }
}
