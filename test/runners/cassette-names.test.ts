/**
 * Per-test cassette names never mix two tests' recordings: `x.test.ts` beside `x.spec.ts` get
 * names of their own, and two tests whose names differ only in characters a file name drops
 * (`charges card`, `charges: card`) fail loudly at open instead of recording into one file.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { CassetteNameCollisionError } from '../../src/index.js';
import { cassettePerTest, defaultCassetteName, type TestIdentity } from '../../src/runners/cassette-per-test.js';
import { startUpstream } from '../support/upstream-server.js';
import { lambdaClient } from '../support/sdk.js';

describe('default names of test files side by side', () => {
  it('keep the whole file name when another file in the folder would give the same name', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lc-stems-'));
    for (const f of ['x.test.ts', 'x.spec.ts', 'y.test.ts', 'z.ts', 'z.test.mjs']) writeFileSync(join(folder, f), '');
    const name = (file: string) => defaultCassetteName({ file: join(folder, file), names: ['t'] });
    expect(new Set([name('x.test.ts'), name('x.spec.ts'), name('z.ts'), name('z.test.mjs')]).size).toBe(4);
    expect(name('x.test.ts')).toBe('x.test.ts/t');
    expect(name('y.test.ts')).toBe('y/t');
  });

  it('keep the short name beside the module under test (orders.ts + orders.test.ts), which is no namesake', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lc-stems-'));
    for (const f of ['orders.ts', 'orders.test.ts', 'helper.js', 'helper.test.mjs']) writeFileSync(join(folder, f), '');
    const name = (file: string) => defaultCassetteName({ file: join(folder, file), names: ['t'] });
    expect(name('orders.test.ts')).toBe('orders/t');
    expect(name('helper.test.mjs')).toBe('helper/t');
    // The plain file, were it run as a test itself, takes its whole name: still no shared cassette.
    expect(name('orders.ts')).toBe('orders.ts/t');
  });
});

/** Runs one test through cassettePerTest's hooks, as a runner would. */
async function runTest(
  runner: ReturnType<typeof makeRunner>,
  test: TestIdentity,
  body: () => Promise<unknown>,
): Promise<void> {
  runner.current = test;
  for (const fn of runner.before) await fn();
  try {
    await body();
  } finally {
    for (const fn of runner.after) await fn();
  }
}

function makeRunner() {
  const runner = {
    current: undefined as TestIdentity | undefined,
    before: [] as (() => Promise<void>)[],
    after: [] as (() => Promise<unknown>)[],
    hooks: {
      beforeEach: (fn: () => Promise<void>) => runner.before.push(fn),
      afterEach: (fn: () => Promise<unknown>) => runner.after.push(fn),
      currentTest: () => runner.current!,
    },
  };
  return runner;
}

describe('two tests of one file whose names map to one cassette', () => {
  it("the second fails at open with CassetteNameCollisionError naming both; the first test's recording is the only one", async () => {
    const upstream = await startUpstream();
    const dir = mkdtempSync(join(tmpdir(), 'lc-collide-'));
    try {
      const runner = makeRunner();
      const lambda = cassettePerTest(runner.hooks, {
        mode: 'record',
        dir,
        allowRecordingInCI: true,
        target: upstream.url,
      });
      const file = join(process.cwd(), 'billing.test.ts');
      const send = () =>
        lambdaClient({ requestHandler: lambda.requestHandler }).send(
          new InvokeAsyncCommand({ FunctionName: 'charge-fn', InvokeArgs: '{}' }),
        );
      await runTest(runner, { file, names: ['charges card'] }, send);
      const second = await runTest(runner, { file, names: ['charges: card'] }, send).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(CassetteNameCollisionError);
      expect(second).toMatchObject({
        code: 'LC_CASSETTE_NAME_COLLISION',
        tests: [expect.stringContaining('charges card'), expect.stringContaining('charges: card')],
      });
      expect(upstream.received).toHaveLength(1);
      // The same test again (a retry) is not a collision.
      await runTest(runner, { file, names: ['charges card'] }, send);
      expect(upstream.received).toHaveLength(2);
      expect(readdirSync(join(dir, 'billing'))).toEqual(['charges-card.json']);
    } finally {
      await upstream.close();
    }
  });
});

describe('two tests whose names map to one cassette, each with a mock double', () => {
  it('both run: a double set to mock in code has no file to share (found running a safety net over fixit-api: "called with NaN" and "called with -NaN")', async () => {
    const runner = makeRunner();
    const lambda = cassettePerTest(runner.hooks, { mode: 'mock' });
    const file = join(process.cwd(), 'currency.test.ts');
    const send = () =>
      lambdaClient({ requestHandler: lambda.requestHandler }).send(
        new InvokeAsyncCommand({ FunctionName: 'format-fn', InvokeArgs: '{}' }),
      );
    for (const name of ['throws with NaN', 'throws with -NaN']) {
      await runTest(runner, { file, names: [name] }, async () => {
        await send();
        expect(lambda.calls).toHaveLength(1);
      });
    }
  });

  it('the same names in a mode with a cassette still collide', async () => {
    const runner = makeRunner();
    const dir = mkdtempSync(join(tmpdir(), 'lc-collide-'));
    cassettePerTest(runner.hooks, { mode: 'replay', dir });
    const file = join(process.cwd(), 'currency.test.ts');
    // Replay of a missing cassette fails at open; the second test fails at its name first.
    const first = await runTest(runner, { file, names: ['throws with NaN'] }, async () => {}).catch((e: unknown) => e);
    expect(first).not.toBeInstanceOf(CassetteNameCollisionError);
    const second = await runTest(runner, { file, names: ['throws with -NaN'] }, async () => {}).catch(
      (e: unknown) => e,
    );
    expect(second).toBeInstanceOf(CassetteNameCollisionError);
  });
});
