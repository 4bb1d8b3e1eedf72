/**
 * lambda-cassette/jest and lambda-cassette/matchers under real Jest 29 and 30 (from the registry),
 * CommonJS and ESM (`node --experimental-vm-modules`, as Jest's ESM support needs), and their types
 * for `@jest/globals` / `@jest/expect` and `@types/jest`. Failure output is read as Jest prints it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { installedVersion, npmInstall, run } from './run-command.js';

const root = resolve(__dirname, '..', '..');

const CLIENT = `new LambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' }, maxAttempts: 1 })`;

const CJS_TEST = `
const { LambdaClient, InvokeAsyncCommand } = require('@aws-sdk/client-lambda');
const { useLambdaCassette } = require('lambda-cassette/jest');
const { lambdaMatchers } = require('lambda-cassette/matchers');
const { expect: bareExpect } = require('expect');
const client = ${CLIENT};
const send = (FunctionName, payload) => client.send(new InvokeAsyncCommand({ FunctionName, InvokeArgs: JSON.stringify(payload) }));

describe('mock mode', () => {
  const lambda = useLambdaCassette({ mode: 'mock', functions: ['orders-fn', 'mailer'] });
  test('matchers pass and fail on what happened', async () => {
    lambda.inject('ServiceException', { functionName: 'mailer', times: 1 });
    await send('orders-fn', { id: 7, qty: 1 });
    await expect(send('mailer', {})).rejects.toMatchObject({ name: 'ServiceException' });
    expect(lambda).toHaveInvokedAsyncWith('orders-fn', expect.objectContaining({ id: 7 }));
    expect(lambda).toHaveInvokedAsyncTimes('mailer', 1);
    expect(lambda).toHaveInvokedAsyncNthWith(2, 'mailer', {});
    expect(lambda).not.toHaveInvokedAsync('billing');
    expect(() => expect(lambda).toHaveInvokedAsync('billing')).toThrow(/expected "billing" to be invoked, but it was not/);
  });
  test('each test gets a fresh double', () => {
    expect(lambda.calls).toEqual([]);
  });
  test('lambda-cassette/matchers works with any expect.extend', async () => {
    await send('orders-fn', { id: 1 });
    bareExpect.extend(lambdaMatchers);
    bareExpect(lambda).toHaveInvokedAsyncWith('orders-fn', { id: 1 });
    expect(() => bareExpect(lambda).toHaveInvokedAsyncWith('orders-fn', { id: 2 })).toThrow(/- {3}"id": 2,\\n\\+ {3}"id": 1,/);
  });
});

// Two doubles opened in hooks (a safety net and a suite's own): Jest runs the test outside its
// hooks' async context, so the entry runs the test inside the innermost handle's double.
describe('a suite with its own double inside an outer one', () => {
  const outer = useLambdaCassette({ mode: 'mock' });
  describe('inner', () => {
    const inner = useLambdaCassette({ mode: 'mock' });
    test("the test's calls reach the inner double", async () => {
      await send('orders-fn', { id: 3 });
      expect(inner).toHaveInvokedAsyncWith('orders-fn', { id: 3 });
      expect(outer.calls).toEqual([]);
    });
  });
});
`;

// Run on its own, expecting failures: how Jest prints a failed matcher and a failed helper.
const FAILING_TEST = `
const { LambdaClient, InvokeAsyncCommand } = require('@aws-sdk/client-lambda');
const { useLambdaCassette } = require('lambda-cassette/jest');
const client = ${CLIENT};
describe('failures', () => {
  const lambda = useLambdaCassette({ mode: 'mock', functions: ['orders-fn'] });
  beforeEach(() => client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7,"qty":1}' })));
  test('matcher', () => expect(lambda).toHaveInvokedAsyncWith('orders-fn', { id: 7, qty: 2 }));
  test('helper', () => lambda.expectInvoked('orders-fn', { id: 7, qty: 2 }));
  test('helper times', () => lambda.expectInvokedTimes('orders-fn', 3));
});
`;

// Doubles opened by hand in concurrent tests, one of them left open: only that one is warned about,
// once Jest has finished its test, naming where it was opened (jest-circus runs no afterEach hooks
// for concurrent tests, so none fails). The file counts the warnings itself: the library calls the
// same `process.emitWarning`.
const CONCURRENT_TEST = `
const { LambdaClient, InvokeAsyncCommand } = require('@aws-sdk/client-lambda');
const { mockLambda } = require('lambda-cassette');
require('lambda-cassette/jest');
const client = ${CLIENT};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const warnings = [];
const emitWarning = process.emitWarning;
process.emitWarning = (message, options) =>
  options?.code === 'LC_LEAKED_DOUBLE' ? warnings.push(message) : emitWarning.call(process, message, options);

describe('concurrent', () => {
  for (const [name, ms] of [['a', 60], ['b', 5], ['c', 30]]) {
    test.concurrent(name, async () => {
      const lambda = await mockLambda();
      try {
        await sleep(ms);
        await client.send(new InvokeAsyncCommand({ FunctionName: name + '-fn', InvokeArgs: '{}' }));
        await sleep(ms);
        expect(lambda.calls.map((c) => c.functionName)).toEqual([name + '-fn']);
      } finally {
        await lambda.close();
      }
    });
  }
  test.concurrent('leaky', async () => {
    await mockLambda(); // left open
    await sleep(15);
  });
});

test('afterwards', async () => {
  expect(warnings).toEqual([]);
  const lambda = await mockLambda();
  await lambda.close();
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/^lambda-cassette: mockLambda is still open while another double opens in test "afterwards"/);
  const leakLine = require('node:fs').readFileSync(__filename, 'utf8').split('\\n').indexOf('    await mockLambda(); // left open') + 1;
  expect(warnings[0].split('\\n')[1]).toContain('concurrent.test.cjs:' + leakLine + ':');
});
`;

const ESM_TEST = `
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import { LambdaClient, InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { useLambdaCassette } from 'lambda-cassette/jest';

let server;
let endpoint;
let hits = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    req.resume();
    req.on('end', () => res.writeHead(202, { 'x-amzn-RequestId': 'real-1', 'content-type': 'application/json' }).end('{"Status":202}'));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  endpoint = 'http://127.0.0.1:' + server.address().port;
});
afterAll(() => server.close());

describe('checkout', () => {
  const lambda = useLambdaCassette(() => ({ endpoint, allowRecordingInCI: true }));
  test('records through the real network into a cassette named after the test', async () => {
    const client = new LambdaClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } });
    const out = await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }));
    expect(out.$metadata.requestId).toBe('real-1');
    expect(lambda.mode).toBe(process.env.LAMBDA_CASSETTE_MODE);
    expect(lambda).toHaveInvokedAsyncWith('orders-fn', expect.objectContaining({ id: 7 }));
    expect(hits).toBe(process.env.LAMBDA_CASSETTE_MODE === 'record' ? 1 : 0);
  });
});
`;

const TYPES = `
import { expect, test } from '@jest/globals';
import { jestExpect } from '@jest/expect';
import { useLambdaCassette } from 'lambda-cassette/jest';
import { lambdaMatchers } from 'lambda-cassette/matchers';

const lambda = useLambdaCassette({ mode: 'mock' });
test('typed', () => {
  expect(lambda).toHaveInvokedAsyncWith('orders-fn', expect.objectContaining({ id: 7 }));
  expect(lambda).not.toHaveInvokedAsyncTimes('orders-fn', 2);
  jestExpect(lambda).toHaveInvokedAsyncNthWith(1, 'orders-fn', { id: 7 });
  expect.extend(lambdaMatchers);
});
`;

// @types/jest's global expect, in a file of its own (no import shadows it).
const GLOBAL_TYPES = `
import { useLambdaCassette } from 'lambda-cassette/jest';
const lambda = useLambdaCassette();
test('typed', () => {
  expect(lambda).toHaveInvokedAsync('orders-fn');
  expect(lambda).not.toHaveInvokedAsyncWith('orders-fn', { id: 7 });
});
`;

export function describeJestProjects(tarball: () => string): void {
  describe.each([29, 30])('Jest %i', (major) => {
    let dir: string;
    const jest = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      run('node', ['--experimental-vm-modules', join(dir, 'node_modules', 'jest', 'bin', 'jest.js'), ...args], dir, {
        CI: 'true',
        ...env,
      });
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), `lc-jest${major}-`));
      const jestConfig = { testEnvironment: 'node', testMatch: ['**/*.test.cjs', '**/*.test.mjs'], transform: {} };
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name: 'jest-project', version: '1.0.0', private: true, jest: jestConfig }),
      );
      const peers = ['nock', '@aws-sdk/client-lambda'].map((name) => `${name}@${installedVersion(name, root)}`);
      npmInstall(dir, [tarball(), ...peers, `jest@${major}`, `@jest/globals@${major}`, `@types/jest@${major}`]);
      writeFileSync(join(dir, 'cjs.test.cjs'), CJS_TEST);
      writeFileSync(join(dir, 'failing.test.cjs'), FAILING_TEST);
      writeFileSync(join(dir, 'concurrent.test.cjs'), CONCURRENT_TEST);
      writeFileSync(join(dir, 'esm.test.mjs'), ESM_TEST);
    }, 300_000);
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('runs useLambdaCassette and the matchers in a CommonJS suite', () => {
      // No --experimental-vm-modules: a plain CommonJS Jest run.
      const out = run(join(dir, 'node_modules', '.bin', 'jest'), ['--json', 'cjs.test'], dir, { CI: 'true' });
      expect(JSON.parse(out)).toMatchObject({ numPassedTests: 4, numFailedTests: 0, numTotalTests: 4 });
    }, 120_000);

    it('puts doubles opened by hand in concurrent tests down to their own test', () => {
      // Two at a time: the third test starts as the second ends, so the tests do not all start together.
      const args = ['--json', '--maxConcurrency=2', 'concurrent.test'];
      const out = run(join(dir, 'node_modules', '.bin', 'jest'), args, dir, { CI: 'true' });
      expect(JSON.parse(out)).toMatchObject({ numPassedTests: 5, numFailedTests: 0, numTotalTests: 5 });
    }, 120_000);

    it('records then replays in an ESM suite, the cassette named after the test file and name', () => {
      const record = JSON.parse(jest(['--json', 'esm.test'], { LAMBDA_CASSETTE_MODE: 'record' })) as unknown;
      expect(record).toMatchObject({ numPassedTests: 1, numTotalTests: 1 });
      // Written when the test's double closes; one folder per suite, as vitest names it.
      const cassette = join(
        dir,
        'cassettes',
        'esm',
        'checkout',
        'records-through-the-real-network-into-a-cassette-named-after-the-test.json',
      );
      expect(readFileSync(cassette, 'utf8')).toContain('real-1');
      expect(JSON.parse(jest(['--json', 'esm.test'], { LAMBDA_CASSETTE_MODE: 'replay' }))).toMatchObject({
        numPassedTests: 1,
        numTotalTests: 1,
      });
    }, 120_000);

    it('prints failed matchers and helpers as their own message, with the payload diff', () => {
      let output = '';
      try {
        jest(['failing.test']);
      } catch (e) {
        output = stripVTControlCharacters((e as Error).message);
      }
      expect(output).toMatch(/Tests: +3 failed, 3 total/);
      expect(output).not.toMatch(/Comparing two different types|Expected value|Difference:/);
      // The matcher: its message, then Jest's diff of the payload.
      expect(output).toMatch(
        /● failures › matcher\n\n {4}expected "orders-fn" to be invoked with \{"id": 7, "qty": 2\}, but no call had that payload\n[\s\S]*- {3}"qty": 2,\n {4}\+ {3}"qty": 1,/,
      );
      // The helpers: the AssertionError's message as it was thrown.
      expect(output).toMatch(
        /● failures › helper\n\n[^\n]*\n\n {4}Message:\n {6}Expected "orders-fn" to be invoked with \{"id":7,"qty":2\}, but no call had that payload\.\n {4}Closest payload/,
      );
      expect(output).toMatch(
        /● failures › helper times\n\n[^\n]*\n\n {4}Message:\n {6}Expected "orders-fn" to be invoked 3 time\(s\), but it was invoked 1 time\(s\)\./,
      );
    }, 120_000);

    it('types the matchers for @jest/globals, @jest/expect and @types/jest', () => {
      writeFileSync(join(dir, 'types.ts'), TYPES);
      writeFileSync(join(dir, 'global-types.ts'), GLOBAL_TYPES);
      const compilerOptions = {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        lib: ['ES2023', 'ESNext.Disposable'],
      };
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions, files: ['types.ts', 'global-types.ts'] }),
      );
      run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.'], dir);
      // A wrong argument is caught, so the matchers are typed rather than any.
      writeFileSync(
        join(dir, 'global-types.ts'),
        `${GLOBAL_TYPES}\nexpect(lambda).toHaveInvokedAsyncTimes('orders-fn', 'twice');\n`,
      );
      expect(() => run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.'], dir)).toThrow(
        /global-types\.ts\(9,\d+\): error TS2345/,
      );
    }, 120_000);
  });
}
