/**
 * `useLambdaCassette` without a runner (what the Jest entry builds on): a double per test, named
 * after the test, opened and closed by the runner's hooks; the handle refuses use outside a test.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { cassettePerTest, defaultCassetteName, type TestIdentity } from '../../src/runners/cassette-per-test.js';
import { lambdaClient } from '../support/sdk.js';

/** A runner that runs its hooks when told to, for one test at a time. */
function fakeRunner(test: TestIdentity) {
  const before: (() => Promise<void>)[] = [];
  const after: (() => Promise<unknown>)[] = [];
  return {
    hooks: {
      beforeEach: (fn: () => Promise<void>) => before.push(fn),
      afterEach: (fn: () => Promise<unknown>) => after.push(fn),
      currentTest: () => test,
    },
    async runTest(body: () => Promise<void>) {
      for (const fn of before) await fn();
      try {
        await body();
      } finally {
        for (const fn of after) await fn();
      }
    },
  };
}

describe('defaultCassetteName', () => {
  it('is the test file (from the working directory, without .test.ts), then each suite and the test, filesystem-safe', () => {
    const file = join(process.cwd(), 'test', 'checkout.test.ts');
    expect(defaultCassetteName({ file, names: ['checkout', 'sends the order: id 7?'] })).toBe(
      'test/checkout/checkout/sends-the-order-id-7',
    );
  });

  it('keeps only the file name for a test file outside the working directory', () => {
    expect(defaultCassetteName({ file: '/elsewhere/deep/x.spec.mjs', names: ['t'] })).toBe('x/t');
  });
});

describe('cassettePerTest', () => {
  it('opens a double for the test, named after it, and closes it after (the recording is written)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-per-test-'));
    try {
      const runner = fakeRunner({ file: join(process.cwd(), 'suite.test.ts'), names: ['orders', 'first'] });
      const lambda = cassettePerTest(runner.hooks, { mode: 'mock', dir, functions: ['orders-fn'] });
      await runner.runTest(async () => {
        await lambdaClient({ requestHandler: lambda.requestHandler }).send(
          new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":1}' }),
        );
        expect(lambda.calls.map((c) => c.functionName)).toEqual(['orders-fn']);
        expect(lambda.closed).toBe(false);
      });
      // Mock mode writes no file; the handle points at no double once the test is over.
      expect(existsSync(join(dir, 'suite'))).toBe(false);
      expect(() => lambda.calls).toThrow(/no double is open here/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads options given as a function once per test, and a custom name', async () => {
    let reads = 0;
    const names: string[] = [];
    const runner = fakeRunner({ file: '/x/a.test.ts', names: ['t'] });
    const lambda = cassettePerTest(runner.hooks, () => {
      reads++;
      return { mode: 'mock', name: (test) => (names.push(test.names.join('/')), 'custom') };
    });
    await runner.runTest(async () => expect(lambda.mode).toBe('mock'));
    await runner.runTest(async () => expect(lambda.mode).toBe('mock'));
    expect(reads).toBe(2);
    expect(names).toEqual(['t', 't']);
  });

  it('refuses a test that starts while another holds the double, and leaves the first one its double', async () => {
    const before: ((owner?: object) => Promise<void>)[] = [];
    const after: ((owner?: object) => Promise<unknown>)[] = [];
    const tests = new Map<object, TestIdentity>();
    const lambda = cassettePerTest(
      {
        beforeEach: (fn) => before.push(fn),
        afterEach: (fn) => after.push(fn),
        currentTest: (owner) => tests.get(owner!)!,
      },
      { mode: 'mock' },
    );
    const first = {};
    const second = {};
    tests.set(first, { file: '/x/a.test.ts', names: ['orders', 'first'] });
    tests.set(second, { file: '/x/a.test.ts', names: ['orders', 'second'] });
    await before[0]!(first);
    const double = lambda.calls;
    await expect(before[0]!(second)).rejects.toThrow(
      'test "orders > second" started while "orders > first" was still running',
    );
    // The refused test's afterEach closes nothing: the first test still has its double.
    expect(await after[0]!(second)).toBe(false);
    expect(lambda.closed).toBe(false);
    expect(lambda.calls).toBe(double);
    expect(await after[0]!(first)).toBe(true);
    expect(() => lambda.calls).toThrow(/no double is open here/);
  });

  it("refuses another test's double through a second handle too, but not the same test's", async () => {
    const hooks = () => {
      const before: ((owner?: object) => Promise<void>)[] = [];
      const after: ((owner?: object) => Promise<unknown>)[] = [];
      const handle = cassettePerTest(
        {
          beforeEach: (fn) => before.push(fn),
          afterEach: (fn) => after.push(fn),
          currentTest: (owner) => ({ file: '/x/b.test.ts', names: [owner === first ? 'first' : 'second'] }),
        },
        { mode: 'mock', name: (test) => `two-handles/${test.names.join('/')}` },
      );
      return { handle, before: before[0]!, after: after[0]! };
    };
    const first = {};
    const second = {};
    const outer = hooks();
    const inner = hooks();
    await outer.before(first);
    // Nested suites: both handles open a double for the same test.
    await inner.before(first);
    expect(inner.handle.closed).toBe(false);
    await inner.after(first);
    await expect(inner.before(second)).rejects.toThrow('test "second" started while "first" was still running');
    await inner.after(second);
    expect(outer.handle.closed).toBe(false);
    await outer.after(first);
    await inner.before(second);
    expect(inner.handle.closed).toBe(false);
    await inner.after(second);
  });

  it('names a misspelt option and the nearest known one when the suite is defined', () => {
    const runner = fakeRunner({ file: '/x/a.test.ts', names: ['t'] });
    expect(() => cassettePerTest(runner.hooks, { mode: 'mock', fucntions: ['f'] } as never)).toThrow(
      /unknown option "fucntions"; did you mean "functions"/,
    );
  });
});
