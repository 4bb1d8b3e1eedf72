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

async function nodeTest(mode: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--test', '--test-reporter=spec', 'orders.test.mjs'],
      { cwd: project, env: { ...process.env, SUITE_MODE: mode, NODE_NO_WARNINGS: '1', NO_COLOR: '1' } },
    );
    return { code: 0, output: stdout };
  } catch (e) {
    const { code, stdout, stderr } = e as { code: number; stdout: string; stderr: string };
    return { code, output: `${stdout}${stderr}` };
  }
}

beforeAll(async () => {
  const bundle = await bundleLibrary('node-test', 'src/node-test/index.ts');
  // Next to the bundle, under the repository's node_modules: the SDK resolves from there.
  project = join(dirname(bundle), `node-test-project-${process.pid}`);
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'orders.test.mjs'), SUITE(bundle));
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
