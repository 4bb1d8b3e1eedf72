/**
 * vitest 3.x and 4.0 have no hook around a test, so the integration wraps the test's own function
 * (vitest-tasks.ts, wrapTestFunction). Two handles wrap one test when a setup file's safety net and a
 * suite's own `useLambdaCassette()` are both there: the one registered first must be outermost and
 * the last innermost, as vitest 4.1's aroundEach nests them, so the test's calls reach the suite's
 * double. Under vitest 3.1 the net's double took them (found running the safety net over a
 * `test.concurrent` suite). Exercised here through @vitest/runner's getFn/setFn, which this vitest
 * still reads after the beforeEach hooks.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { wrapTestFunction } from '../../src/vitest/vitest-tasks.js';

const order: string[] = [];
const first = {};
const second = {};

describe('wrappers of one test from two owners', () => {
  beforeEach(async (context) => {
    order.length = 0;
    await wrapTestFunction(context.task, first, (fn) => (order.push('first'), fn()));
    await wrapTestFunction(context.task, second, (fn) => (order.push('second'), fn()));
  });

  it('run the first registered outermost and the last innermost, next to the test', () => {
    expect(order).toEqual(['first', 'second']);
  });

  it(
    'keep that order on every attempt: a retry wraps again in place of its earlier wrapper',
    { retry: 1 },
    ({ task }) => {
      expect(order).toEqual(['first', 'second']);
      // Fail the first attempt: the retry must see the same order, not wrappers piled up.
      if (task.result?.retryCount === 0) throw new Error('first attempt fails on purpose');
    },
  );
});
