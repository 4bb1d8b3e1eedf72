/**
 * `lambda-cassette/node-test` under the real `node --test` (a process of its own, on the entry's
 * sources bundled for plain node): a double per test on node:test's hooks, the cassette named after
 * the file then each suite and the test (as vitest and Jest name it), and the double's own assertion
 * helpers failing the test with their message.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { bundleLibrary } from '../support/bundle-library.js';
import { defaultCassetteName } from '../../src/runners/cassette-per-test.js';
import { nodeTestNames } from '../../src/node-test/index.js';

let project: string;
let bundlePath: string;

const SUITE = (entry: string) => `
import { describe, it } from 'node:test';
import { LambdaClient, InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { useLambdaCassette } from ${JSON.stringify(entry)};

const client = new LambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' }, maxAttempts: 1 });
const send = (payload) => client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: JSON.stringify(payload) }));

describe('checkout', () => {
  describe('cards', () => {
    const lambda = useLambdaCassette({ mode: process.env.SUITE_MODE, functions: ['orders-fn'], allowRecordingInCI: true });
    it('charges the card', async () => {
      if (process.env.SUITE_MODE === 'mock') await send({ id: 7 });
      lambda.expectInvokedTimes('orders-fn', process.env.SUITE_MODE === 'mock' ? 1 : 0);
    });
    it('gets a fresh double per test', () => {
      lambda.expectNotInvoked();
    });
    it('fails on the helper', async () => {
      if (process.env.SUITE_MODE !== 'mock') return;
      await send({ id: 1 });
      lambda.expectInvoked('orders-fn', { id: 2 });
    });
  });
});
`;

// Tests of one suite run at once (node:test's `concurrency`), then a suite run one test at a time;
// then doubles opened by hand, at once and one at a time (one of them left open).
const CONCURRENT_SUITE = (entry: string) => `
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { LambdaClient, InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { mockLambda, useLambdaCassette } from ${JSON.stringify(entry)};

const client = new LambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' }, maxAttempts: 1 });
const send = (n) => client.send(new InvokeAsyncCommand({ FunctionName: 'fn-' + n, InvokeArgs: JSON.stringify({ n }) }));

describe('at once', { concurrency: true }, () => {
  const lambda = useLambdaCassette({ mode: 'mock' });
  for (const n of [1, 2, 3]) {
    it('order ' + n, async () => {
      await sleep(20 * (4 - n));
      await send(n);
      await sleep(10);
      assert.deepEqual(lambda.calls.map((c) => c.functionName), ['fn-' + n]);
    });
  }
});

describe('one at a time', () => {
  const lambda = useLambdaCassette({ mode: 'mock' });
  it('gets its own double', async () => {
    await send(9);
    assert.deepEqual(lambda.calls.map((c) => c.functionName), ['fn-9']);
  });
});

describe('by hand, at once', { concurrency: true }, () => {
  for (const n of [4, 5, 6]) {
    it('hand ' + n, async () => {
      const lambda = await mockLambda();
      try {
        await sleep(20 * (7 - n));
        await send(n);
        await sleep(10);
        assert.deepEqual(lambda.calls.map((c) => c.functionName), ['fn-' + n]);
      } finally {
        await lambda.close();
      }
    });
  }
});

describe('by hand, one at a time', () => {
  it('leaves its double open', async () => {
    await mockLambda();
    await send(7);
  });
  it('gets its own calls after the leak', async () => {
    const lambda = await mockLambda();
    await send(8);
    assert.deepEqual(lambda.calls.map((c) => c.functionName), ['fn-8']);
    await lambda.close();
  });
});
`;

async function nodeTest(
  mode: string,
  file = 'orders.test.mjs',
  warnings = false,
): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--test', '--test-reporter=spec', file], {
      cwd: project,
      env: { ...process.env, SUITE_MODE: mode, NO_COLOR: '1', ...(warnings ? {} : { NODE_NO_WARNINGS: '1' }) },
    });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (e) {
    const { code, stdout, stderr } = e as { code: number; stdout: string; stderr: string };
    return { code, output: `${stdout}${stderr}` };
  }
}

beforeAll(async () => {
  const bundle = (bundlePath = await bundleLibrary('node-test', 'test/support/node-test-entry.ts'));
  // Next to the bundle, under the repository's node_modules: the SDK resolves from there.
  project = join(dirname(bundle), `node-test-project-${process.pid}`);
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'orders.test.mjs'), SUITE(bundle));
  writeFileSync(join(project, 'concurrent.test.mjs'), CONCURRENT_SUITE(bundle));
}, 60_000);
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('lambda-cassette/node-test under node --test', () => {
  it('opens a double per test and fails a test on a failed helper, with its message', async () => {
    const { code, output } = await nodeTest('mock');
    expect(code).toBe(1);
    expect(output).toMatch(/✔ charges the card/);
    expect(output).toMatch(/✔ gets a fresh double per test/);
    expect(output).toMatch(/✖ fails on the helper/);
    expect(output).toContain('Expected "orders-fn" to be invoked with {"id":2}, but no call had that payload.');
    expect(output).toMatch(/ℹ pass 2\n[^]*ℹ fail 1/);
  }, 60_000);

  it("names each test's cassette after the file, then each suite and the test, as vitest and Jest do", async () => {
    const { code, output } = await nodeTest('record');
    expect(output).toMatch(/ℹ pass 3/);
    expect(code).toBe(0);
    // What vitest names the same test (its names, from the suite's own cwd).
    vi.spyOn(process, 'cwd').mockReturnValue(project);
    const vitestName = defaultCassetteName({
      file: join(project, 'orders.test.mjs'),
      names: ['checkout', 'cards', 'charges the card'],
    });
    vi.restoreAllMocks();
    expect(vitestName).toBe('orders/checkout/cards/charges-the-card');
    expect(existsSync(join(project, 'cassettes', `${vitestName}.json`))).toBe(true);
    expect(
      JSON.parse(
        readFileSync(
          join(project, 'cassettes', 'orders', 'checkout', 'cards', 'gets-a-fresh-double-per-test.json'),
          'utf8',
        ),
      ),
    ).toMatchObject({ interactions: [] });
  }, 60_000);
});

describe('useLambdaCassette under node:test concurrency', () => {
  it('refuses a test that starts while another holds a double, naming both, and leaves no double open', async () => {
    const { code, output } = await nodeTest('mock', 'concurrent.test.mjs', true);
    expect(code).toBe(1);
    // Before this check, the double of the test started last went to every test of the suite, the
    // others' doubles were never closed (a recording would have been lost) and order 3 saw no call.
    // node:test then fails the suite's tests on the refused hook (Node 20 fails order 1 too: its
    // hooks keep a hook's error for every test that runs them, Node 24 as well).
    expect(output).toMatch(/✖ order 2/);
    expect(output).toMatch(/✖ order 3/);
    expect(output).toContain('test "at once > order 2" started while "at once > order 1" was still running');
    expect(output).toContain('no `concurrency` option');
    expect(output).not.toMatch(/Expected values to be strictly deep-equal/);
    // (The file's last suite leaves a double open on purpose: see the next test.)
    expect(output).not.toMatch(/at-once\/order-\d\.json is still open/);
    expect(output).not.toMatch(/still open while another double opens/);
    // The next suite, one test at a time, gets its double: nothing was left holding one.
    expect(output).toMatch(/✔ gets its own double/);
  }, 60_000);

  it('routes the calls of doubles opened by hand in concurrent tests to each, with no leak warning', async () => {
    const { output } = await nodeTest('mock', 'concurrent.test.mjs', true);
    // Before the leak check knew node:test's running tests, each of these opens warned about the others.
    expect(output).toMatch(/✔ hand 4/);
    expect(output).toMatch(/✔ hand 5/);
    expect(output).toMatch(/✔ hand 6/);
    expect(output).not.toMatch(/Warning: .*is still open/);
    // A test that leaves one open, running alone, fails naming itself; the next test is not affected.
    expect(output).toMatch(/✖ leaves its double open/);
    expect(output).toContain('at the end of test "by hand, one at a time > leaves its double open"');
    expect(output).toMatch(/✔ gets its own calls after the leak/);
  }, 60_000);
});

describe('importing lambda-cassette/node-test outside node --test', () => {
  it('starts no node:test harness: a plain script prints no empty test summary at exit', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', `await import(${JSON.stringify(bundlePath)}); console.log('imported');`],
      { cwd: project, env: { ...process.env, NODE_NO_WARNINGS: '1', NODE_TEST_CONTEXT: undefined } },
    );
    expect(stdout.trim()).toBe('imported');
  }, 60_000);
});

describe('nodeTestNames', () => {
  it('splits fullName into the suites and the test, keeping a test name that holds " > " whole', () => {
    expect(nodeTestNames({ name: 'top', fullName: 'top' })).toEqual(['top']);
    expect(nodeTestNames({ name: 'charges', fullName: 'checkout > cards > charges' })).toEqual([
      'checkout',
      'cards',
      'charges',
    ]);
    expect(nodeTestNames({ name: 'a > b', fullName: 'checkout > a > b' })).toEqual(['checkout', 'a > b']);
    // Node before 20.16 has no fullName: the test's own name.
    expect(nodeTestNames({ name: 'charges' })).toEqual(['charges']);
  });
});
