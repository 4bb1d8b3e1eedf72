/**
 * The Jest entry without Jest (real Jest 29 and 30 run it in the package test): importing it
 * registers the matchers through Jest's `expect.extend`, and `useLambdaCassette` puts a double around
 * each test on Jest's hooks, naming the cassette after the test's full name as one segment.
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
  it('registers every matcher with Jest\'s expect when imported', () => {
    expect(jest.extended).toEqual([Object.keys(entry.lambdaMatchers)]);
    expect(jest.extended[0]).toContain('toHaveInvokedAsyncWith');
  });

  it('useLambdaCassette opens a double per test on Jest\'s hooks, named after the file and the full test name', async () => {
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
      // Jest joins suite and test names with spaces, so the whole name is one folder-free segment.
      expect(readdirSync(join(dir, 'orders'))).toEqual(['checkout-sends-the-order.json']);
      expect(() => lambda.calls).toThrow(/no double is open here/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when Jest cannot tell which test is running', async () => {
    entry.useLambdaCassette({ mode: 'mock' });
    jest.state = {};
    await expect(jest.before.at(-1)!()).rejects.toThrow(/could not tell which test is running/);
  });
});
