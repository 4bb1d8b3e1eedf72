/**
 * Jest runs a test outside its beforeEach hooks' async context, so the Jest entry runs the test's own
 * function inside its handle's double by wrapping jest-circus's running test (running-test-wrapper.ts).
 * With a safety net from setupFilesAfterEnv and a suite's own useLambdaCassette(), the suite's double
 * took none of its test's calls before (found porting CKS-Solutions/fast-food-ms-payment under Jest
 * 30). Against a jest-circus state as Jest 29 and 30 keep it; real Jest runs the entry in the package test.
 */
import { describe, expect, it } from 'vitest';
import { unwrapRunningTest, wrapRunningTest } from '../../src/jest/running-test-wrapper.js';
import type { CircusBlock } from '../../src/jest/jest-test-names.js';

/** A global as jest-circus leaves it, with `test` running. */
function circusGlobal(test: CircusBlock): object {
  return { [Symbol('JEST_STATE_SYMBOL')]: { currentlyRunningTest: test } };
}

describe("the running Jest test's function, wrapped by two handles", () => {
  it('runs the first wrapper outermost and the last innermost, with the same this, arguments and arity', () => {
    const order: string[] = [];
    const own = function (this: unknown, done: unknown) {
      order.push('test');
      return [this, done];
    };
    const test: CircusBlock = { name: 'a test', fn: own as CircusBlock['fn'] };
    const global = circusGlobal(test);
    const net = {};
    const suite = {};
    expect(wrapRunningTest(net, (run) => (order.push('net'), run()), global)).toBe(test);
    wrapRunningTest(suite, (run) => (order.push('suite'), run()), global);
    // jest-circus hands `done` to a function that declares a parameter: the wrapper declares one too.
    expect(test.fn?.length).toBe(1);
    const context = {};
    expect(test.fn?.call(context, 'done')).toEqual([context, 'done']);
    expect(order).toEqual(['net', 'suite', 'test']);
  });

  it('puts the own function back once every handle took its wrapper off, so a retry wraps afresh', () => {
    const own = () => 'ran';
    const test: CircusBlock = { name: 'a test', fn: own };
    const global = circusGlobal(test);
    const first = {};
    const second = {};
    const calls: string[] = [];
    wrapRunningTest(first, (run) => (calls.push('first'), run()), global);
    wrapRunningTest(second, (run) => (calls.push('second'), run()), global);
    unwrapRunningTest(test, second);
    expect(test.fn?.()).toBe('ran');
    expect(calls).toEqual(['first']);
    unwrapRunningTest(test, first);
    expect(test.fn).toBe(own);
    // A second attempt: one wrapper each, not the first attempt's still inside.
    calls.length = 0;
    wrapRunningTest(first, (run) => (calls.push('first'), run()), global);
    wrapRunningTest(first, (run) => (calls.push('first again'), run()), global);
    test.fn?.();
    expect(calls).toEqual(['first again']);
  });

  it('leaves the test alone when jest-circus keeps no state this can read', () => {
    expect(wrapRunningTest({}, (run) => run(), {})).toBeUndefined();
  });
});
