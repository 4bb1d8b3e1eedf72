/**
 * The Jest entry without Jest (real Jest 29 and 30 run it in the package test): importing it
 * registers the matchers through Jest's `expect.extend`, and `useLambdaCassette` puts a double around
 * each test on Jest's hooks, naming the cassette after the test's suites and name as vitest does
 * (read from jest-circus's state), or the full name as one segment when that state is not readable.
 * Doubles opened by hand in concurrent tests are put down to the test Jest names in their own async
 * context, and are not warned about while jest-circus has not finished that test.
 */
import { describe, expect, it, vi } from 'vitest';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const jest = vi.hoisted(() => ({
  before: [] as (() => Promise<void>)[],
  after: [] as (() => Promise<void>)[],
  extended: [] as string[][],
  state: {} as { testPath?: string; currentTestName?: string; currentConcurrentTestName?: () => string | undefined },
}));
vi.mock('@jest/globals', () => ({
  beforeEach: (fn: () => Promise<void>) => jest.before.push(fn),
  afterEach: (fn: () => Promise<void>) => jest.after.push(fn),
  expect: { extend: (matchers: object) => jest.extended.push(Object.keys(matchers)), getState: () => jest.state },
}));

const entry = await import('../../src/jest/index.js');
const { mockLambda } = await import('../../src/index.js');

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

  it('refuses the handle inside a test.concurrent test, which Jest starts before its beforeEach hooks', async () => {
    const lambda = entry.useLambdaCassette({ mode: 'mock' });
    const storage = new AsyncLocalStorage<string>();
    jest.state = {
      testPath: join(process.cwd(), 'orders.test.ts'),
      currentTestName: 'checkout first',
      currentConcurrentTestName: () => storage.getStore(),
    };
    const before = jest.before.at(-1)!;
    const after = jest.after.at(-1)!;
    await before();
    try {
      // Outside any concurrent test (a plain test, or the hooks) the handle is the open double, and
      // in the test the double is for (Jest 30 names plain tests in their context too).
      expect(lambda.closed).toBe(false);
      expect(storage.run('checkout first', () => lambda.closed)).toBe(false);
      // In a concurrent test's body, that double is not its own: a clear error, not another test's calls.
      expect(() => storage.run('checkout second', () => lambda.calls)).toThrow(
        '"checkout second" is a test.concurrent test, which Jest starts before its beforeEach hooks run',
      );
    } finally {
      await after();
    }
    // Before any double opens (Jest 29 starts concurrent tests before every hook), the same reason.
    try {
      expect(() => storage.run('checkout second', () => lambda.calls)).toThrow('is a test.concurrent test');
      expect(() => lambda.calls).toThrow(/no double is open here/);
    } finally {
      jest.state = {};
    }
  });

  it('says so when Jest cannot tell which test is running', async () => {
    entry.useLambdaCassette({ mode: 'mock' });
    jest.state = {};
    await expect(jest.before.at(-1)!()).rejects.toThrow(/could not tell which test is running/);
  });

  it("puts a concurrent test's double down to that test, and warns about it only once Jest finished the test", async () => {
    // Jest 29 starts concurrent tests before any test starts (no currentTestName), and keeps each
    // one's name in its async context.
    const names = new AsyncLocalStorage<string>();
    jest.state = { testPath: join(process.cwd(), 'orders.test.ts'), currentConcurrentTestName: () => names.getStore() };
    const test = (name: string) => ({ type: 'test', name, status: null as string | null });
    const [a, b] = [test('a'), test('b')];
    const symbol = Symbol('JEST_STATE_SYMBOL');
    const concurrent = { type: 'describeBlock', name: 'concurrent', children: [a, b] };
    Object.assign(globalThis, {
      [symbol]: { rootDescribeBlock: { name: 'ROOT_DESCRIBE_BLOCK', children: [concurrent] } },
    });
    const warnings: string[] = [];
    const warn = vi
      .spyOn(process, 'emitWarning')
      .mockImplementation(((message: string) => void warnings.push(message)) as typeof process.emitWarning);
    const doubles = [];
    try {
      doubles.push(await names.run('concurrent a', () => mockLambda()));
      doubles.push(await names.run('concurrent b', () => mockLambda()));
      expect(warnings).toEqual([]);
      a.status = 'done';
      doubles.push(await names.run('concurrent b', () => mockLambda()));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/mockLambda is still open while another double opens in test "concurrent b"/);
    } finally {
      warn.mockRestore();
      delete (globalThis as Record<symbol, unknown>)[symbol];
      for (const double of doubles) await double.close();
    }
  });
});
