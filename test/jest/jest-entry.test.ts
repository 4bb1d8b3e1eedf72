/**
 * The Jest entry without Jest (real Jest 29 and 30 run it in the package test): importing it
 * registers the matchers through Jest's `expect.extend`, and `useLambdaCassette` puts a double around
 * each test on Jest's hooks, naming the cassette after the test's suites and name as vitest does
 * (read from jest-circus's state), or the full name as one segment when that state is not readable.
 */
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const jest = vi.hoisted(() => ({
  before: [] as (() => Promise<void>)[],
  after: [] as (() => Promise<void>)[],
  extended: [] as string[][],
  state: {} as { testPath?: string; currentTestName?: string },
}));
vi.mock('@jest/globals', () => ({
  beforeEach: (fn: () => Promise<void>) => jest.before.push(fn),
  afterEach: (fn: () => Promise<void>) => jest.after.push(fn),
  expect: { extend: (matchers: object) => jest.extended.push(Object.keys(matchers)), getState: () => jest.state },
}));

const entry = await import('../../src/jest/index.js');

describe('lambda-cassette/jest', () => {
  it("registers every matcher with Jest's expect when imported", () => {
    expect(jest.extended).toEqual([Object.keys(entry.lambdaMatchers)]);
    expect(jest.extended[0]).toContain('toHaveInvokedAsyncWith');
  });

  it("useLambdaCassette opens a double per test on Jest's hooks, named after the file and the full test name", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-jest-entry-'));
    try {
      const lambda = entry.useLambdaCassette({ mode: 'record', dir, allowRecordingInCI: true });
      // The entry's own afterEach (failing a test that left a double open) comes first.
      expect([jest.before.length, jest.after.length]).toEqual([1, 2]);
      jest.state = { testPath: join(process.cwd(), 'orders.test.ts'), currentTestName: 'checkout sends the order' };
      await jest.before[0]!();
      expect(lambda.closed).toBe(false);
      await jest.after[1]!();
      await jest.after[0]!();
      // Without jest-circus's state, Jest's space-joined name is all there is: one folder-free segment.
      expect(readdirSync(join(dir, 'orders'))).toEqual(['checkout-sends-the-order.json']);
      expect(() => lambda.calls).toThrow(/no double is open here/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names the cassette one folder per suite, as vitest does, from jest-circus's running test", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-jest-entry-'));
    // jest-circus's state: the running test, its describe blocks, then the unnamed root block.
    const root = { name: 'ROOT_DESCRIBE_BLOCK' };
    const state = { currentlyRunningTest: { name: 'sends the order', parent: { name: 'checkout', parent: root } } };
    const symbol = Symbol('JEST_STATE_SYMBOL');
    Object.assign(globalThis, { [symbol]: state });
    try {
      entry.useLambdaCassette({ mode: 'record', dir, allowRecordingInCI: true });
      jest.state = { testPath: join(process.cwd(), 'orders.test.ts'), currentTestName: 'checkout sends the order' };
      await jest.before.at(-1)!();
      await jest.after.at(-1)!();
      expect(readdirSync(join(dir, 'orders', 'checkout'))).toEqual(['sends-the-order.json']);
      // When circus's test is not the one Jest names (concurrent tests), Jest's own name wins.
      jest.state = { testPath: join(process.cwd(), 'orders.test.ts'), currentTestName: 'checkout refunds' };
      await jest.before.at(-1)!();
      await jest.after.at(-1)!();
      expect(readdirSync(join(dir, 'orders')).sort()).toEqual(['checkout', 'checkout-refunds.json']);
    } finally {
      delete (globalThis as Record<symbol, unknown>)[symbol];
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when Jest cannot tell which test is running', async () => {
    entry.useLambdaCassette({ mode: 'mock' });
    jest.state = {};
    await expect(jest.before.at(-1)!()).rejects.toThrow(/could not tell which test is running/);
  });
});
