/**
 * The runner integrations as users get them (the packed package, real runners from the registry):
 * under real Jest 29 and 30, a zero-config client with no credentials anywhere reaches a mock double
 * in a CommonJS suite, `lambda-cassette/jest-reporter` prints the run summary, and Jest names a
 * test's cassette as vitest does; Jest 28 fails first with a RunnerVersionError; `tsc` with
 * `module: commonjs` (so `moduleResolution: node`) resolves every subpath; `node --test` (Node 20, and
 * Node 24 from the `node` package) runs `lambda-cassette/node-test` and refuses tests that overlap.
 * Slow (packs and installs from the registry): run on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { spawnSync } from 'node:child_process';
import { installedVersion, npmInstall, run } from './run-command.js';

/** Whether this suite runs on Node 20 (the CI machine's); on a newer Node, Node 20 comes from the `node` package. */
const ON_NODE_20 = process.versions.node.startsWith('20.');
const root = resolve(__dirname, '..', '..');
let work: string;
let tarball: string;

const NO_CREDENTIALS = `
const { LambdaClient, InvokeAsyncCommand } = require('@aws-sdk/client-lambda');
const { useLambdaCassette } = require('lambda-cassette/jest');
describe('zero config', () => {
  const lambda = useLambdaCassette({ mode: 'mock', functions: ['orders-fn'] });
  test('a client with no credentials reaches the mock', async () => {
    const client = new LambdaClient({ region: 'us-east-1', maxAttempts: 1 });
    await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }));
    lambda.expectInvoked('orders-fn', { id: 7 });
  });
  test('only while a double is open', () => {
    expect(process.env.AWS_ACCESS_KEY_ID).toBe('LAMBDACASSETTEDUMMY');
  });
});
test('and never outside one', () => expect(process.env.AWS_ACCESS_KEY_ID).toBeUndefined());
`;

// The same describe/test path under Jest (naming.test.cjs) and vitest (naming.test.mjs): each writes
// the name its runner gives the test's cassette, and records the (empty) cassette.
const NAMING = (runner: string) => `
const { appendFileSync } = require('node:fs');
const { useLambdaCassette, defaultCassetteName } = require('lambda-cassette/${runner}');
${runner === 'vitest' ? "const { describe, test, expect } = require('vitest');" : ''}
const name = (t) => { const n = defaultCassetteName(t); appendFileSync('names-${runner}.txt', n + '\\n'); return n; };
describe('checkout', () => {
  describe('cards', () => {
    const lambda = useLambdaCassette({ mode: 'record', allowRecordingInCI: true, name });
    test('charges the card', () => { expect(lambda.calls).toEqual([]); });
  });
});
`;

const SUBPATHS = `
import { mockLambda } from 'lambda-cassette';
import { useLambdaCassette } from 'lambda-cassette/jest';
import { useLambdaCassette as useOnVitest } from 'lambda-cassette/vitest';
import { useLambdaCassette as useOnNodeTest } from 'lambda-cassette/node-test';
import { lambdaMatchers } from 'lambda-cassette/matchers';
import VitestReporter from 'lambda-cassette/vitest-reporter';
import JestReporter from 'lambda-cassette/jest-reporter';
export const used = [mockLambda, useLambdaCassette, useOnVitest, useOnNodeTest, lambdaMatchers, VitestReporter, JestReporter];
`;

const NODE_TEST = `
import { it } from 'node:test';
import { LambdaClient, InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { useLambdaCassette } from 'lambda-cassette/node-test';
const lambda = useLambdaCassette({ mode: 'mock', functions: ['orders-fn'] });
it('invokes', async () => {
  await new LambdaClient({ region: 'us-east-1', maxAttempts: 1 }).send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }));
  lambda.expectInvoked('orders-fn', { id: 7 });
});
`;

const NODE_TEST_AT_ONCE = `
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { useLambdaCassette } from 'lambda-cassette/node-test';
describe('orders', { concurrency: true }, () => {
  const lambda = useLambdaCassette({ mode: 'mock' });
  it('first', async () => { await sleep(50); lambda.expectNotInvoked(); });
  it('second', async () => { await sleep(10); lambda.expectNotInvoked(); });
});
`;

/** The environment of a machine with no AWS credentials at all: no variables, an empty home. */
function credentialLess(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, CI: 'true', NODE_NO_WARNINGS: '1', NO_COLOR: '1' };
  for (const name of Object.keys(env))
    if (name.startsWith('AWS_') || name === 'LAMBDA_CASSETTE_MODE' || name === 'LAMBDA_CASSETTE_REPORT_DIR')
      delete env[name];
  return env;
}

/** Runs `cmd` with exactly `env`; stdout and stderr together (Jest reports on stderr), and the exit code. */
function runWith(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): { code: number | null; output: string } {
  const { status, stdout, stderr } = spawnSync(cmd, args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: status, output: stripVTControlCharacters(`${stdout}${stderr}`) };
}

function project(name: string, specs: string[], jestConfig: object): string {
  const dir = mkdtempSync(join(work, `${name}-`));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'runner-project', version: '1.0.0', private: true }));
  writeFileSync(join(dir, 'jest.config.cjs'), `module.exports = ${JSON.stringify(jestConfig)};`);
  mkdirSync(join(dir, 'home'));
  const peers = ['nock', '@aws-sdk/client-lambda'].map((p) => `${p}@${installedVersion(p, root)}`);
  npmInstall(dir, [tarball, ...peers, ...specs]);
  return dir;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'lc-runners-'));
  run('npm', ['pack', '--pack-destination', work, '--silent'], root);
  const file = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!file) throw new Error('npm pack produced no tarball');
  tarball = join(work, file);
}, 240_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 300_000);

describe.each([29, 30])('Jest %i', (major) => {
  let dir: string;
  const jestConfig = {
    testEnvironment: 'node',
    testMatch: ['**/*.test.cjs'],
    transform: {},
    reporters: ['default', ['lambda-cassette/jest-reporter', { outputFile: 'reports/lambda-cassette.json' }]],
  };
  const jest = (args: string[]) =>
    runWith(
      process.execPath,
      [join(dir, 'node_modules', 'jest', 'bin', 'jest.js'), ...args],
      dir,
      credentialLess(join(dir, 'home')),
    );
  beforeAll(() => {
    // vitest too in one of them: the same test's cassette name under both runners.
    dir = project(
      `jest${major}`,
      [
        `jest@${major}`,
        `@jest/globals@${major}`,
        // And Node 24 for the node:test run (the `node` package): Node 20 runs it in the Jest 29 project,
        // this process's own Node where that is 20, else the `node` package's (the suite on Node 22 or 24).
        ...(major === 30 ? [`vitest@${installedVersion('vitest', root)}`, 'node@24'] : ON_NODE_20 ? [] : ['node@20']),
      ],
      jestConfig,
    );
    writeFileSync(join(dir, 'no-credentials.test.cjs'), NO_CREDENTIALS);
    writeFileSync(join(dir, 'naming.test.cjs'), NAMING('jest'));
  }, 300_000);

  it('a zero-config client reaches a mock double in a CommonJS suite on a machine with no credentials', () => {
    const { code, output } = jest(['no-credentials']);
    expect(output).toMatch(/Tests: +3 passed, 3 total/);
    expect(code).toBe(0);
  }, 120_000);

  it('prints the run summary through lambda-cassette/jest-reporter and writes its JSON', () => {
    const { code, output } = jest(['naming']);
    expect(code).toBe(0);
    expect(output).toContain(
      'lambda-cassette: 1 cassette: 0 replayed, 0 recorded (1 new), 0 missing, 0 misses, 0 unused interactions, 0 expired\n  new      cassettes/naming/checkout/cards/charges-the-card.json',
    );
    const report = JSON.parse(readFileSync(join(dir, 'reports', 'lambda-cassette.json'), 'utf8')) as {
      run: unknown;
      totals: { created: number };
    };
    expect(report).toMatchObject({ run: { reason: 'passed', tests: 1, failed: 0 }, totals: { created: 1 } });
  }, 120_000);

  if (major === 30) {
    it("names a test's cassette as vitest names the same describe/test path, and both keep the whole file name beside a namesake", () => {
      const jestFile = join(dir, 'naming.test.cjs');
      const vitestFile = join(dir, 'naming.test.mjs');
      const vitest = () =>
        runWith(
          process.execPath,
          [join(dir, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'naming.test.mjs'],
          dir,
          credentialLess(join(dir, 'home')),
        );
      const lastName = (runner: string) =>
        readFileSync(join(dir, `names-${runner}.txt`), 'utf8')
          .trim()
          .split('\n')
          .at(-1);
      // Alone in its folder, a test file names its cassettes without `.test.<ext>`, under either runner.
      jest(['naming']);
      expect(lastName('jest')).toBe('naming/checkout/cards/charges-the-card');
      renameSync(jestFile, `${jestFile}.aside`);
      writeFileSync(vitestFile, NAMING('vitest').replace(/require\(([^)]+)\)/g, 'await import($1)'));
      expect(vitest().output).toMatch(/Tests +1 passed/);
      expect(lastName('vitest')).toBe('naming/checkout/cards/charges-the-card');
      // Two files of one stem in a folder (naming.test.cjs, naming.test.mjs) would share cassettes:
      // both runners then keep the whole file name, each seeing the other file in the folder.
      renameSync(`${jestFile}.aside`, jestFile);
      jest(['naming']);
      expect(vitest().output).toMatch(/Tests +1 passed/);
      expect(lastName('jest')).toBe('naming.test.cjs/checkout/cards/charges-the-card');
      expect(lastName('vitest')).toBe('naming.test.mjs/checkout/cards/charges-the-card');
      rmSync(vitestFile);
    }, 120_000);

    it('tsc with module commonjs (moduleResolution node) resolves every subpath, typed', () => {
      writeFileSync(join(dir, 'subpaths.ts'), SUBPATHS);
      const compilerOptions = {
        module: 'commonjs',
        target: 'ES2022',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['subpaths.ts'] }));
      const tsc = join(root, 'node_modules', '.bin', 'tsc');
      run(tsc, ['-p', '.'], dir);
      // Typed, not any: a wrong use is caught.
      writeFileSync(join(dir, 'subpaths.ts'), `${SUBPATHS}\nexport const wrong: number = useOnNodeTest;\n`);
      expect(() => run(tsc, ['-p', '.'], dir)).toThrow(
        /subpaths\.ts\(11,\d+\): error TS2322: Type '\(options\?: [^']*\) => LambdaDouble' is not assignable to type 'number'/,
      );
    }, 120_000);
  }

  const nodeVersion = major === 30 ? 24 : 20;
  it(`node --test (Node ${nodeVersion}) runs lambda-cassette/node-test with no credentials configured, and refuses overlapping tests`, () => {
    const node = major === 30 || !ON_NODE_20 ? join(dir, 'node_modules', 'node', 'bin', 'node') : process.execPath;
    expect(runWith(node, ['--version'], dir, process.env).output).toMatch(new RegExp(`^v${nodeVersion}\\.`));
    writeFileSync(join(dir, 'invoke.node.mjs'), NODE_TEST);
    const { code, output } = runWith(
      node,
      ['--test', '--test-reporter=spec', 'invoke.node.mjs'],
      dir,
      credentialLess(join(dir, 'home')),
    );
    expect(output).toMatch(/✔ invokes/);
    expect(code).toBe(0);
    // Under the suite's `concurrency` option, the second test to start is refused, naming both.
    writeFileSync(join(dir, 'at-once.node.mjs'), NODE_TEST_AT_ONCE);
    const atOnce = runWith(
      node,
      ['--test', '--test-reporter=spec', 'at-once.node.mjs'],
      dir,
      credentialLess(join(dir, 'home')),
    );
    expect(atOnce.output).toContain('test "orders > second" started while "orders > first" was still running');
    expect(atOnce.output).not.toContain('LC_LEAKED_DOUBLE');
    expect(atOnce.code).toBe(1);
  }, 120_000);
});

describe('Jest 28', () => {
  it('fails first with RunnerVersionError naming the Jest versions needed', () => {
    const dir = mkdtempSync(join(work, 'jest28-'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'runner-project',
        version: '1.0.0',
        private: true,
        jest: { testEnvironment: 'node', testMatch: ['**/*.test.cjs'], transform: {} },
      }),
    );
    const peers = ['nock', '@aws-sdk/client-lambda'].map((p) => `${p}@${installedVersion(p, root)}`);
    // npm refuses Jest 28 beside lambda-cassette's peer range (ERESOLVE names the range); forced, it installs.
    const install = (...flags: string[]) =>
      run(
        'npm',
        [
          'install',
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          ...flags,
          tarball,
          ...peers,
          'jest@28',
          '@jest/globals@28',
        ],
        dir,
      );
    expect(() => install()).toThrow(
      /ERESOLVE[\s\S]*peerOptional (jest|@jest\/globals)@"\^29\.0\.0 \|\| \^30\.0\.0" from lambda-cassette/,
    );
    install('--legacy-peer-deps', '--silent');
    writeFileSync(join(dir, 'no-credentials.test.cjs'), NO_CREDENTIALS);
    const { code, output } = runWith(
      process.execPath,
      [join(dir, 'node_modules', 'jest', 'bin', 'jest.js')],
      dir,
      credentialLess(dir),
    );
    expect(code).toBe(1);
    expect(output).toMatch(
      /● Test suite failed to run\n\n +RunnerVersionError: lambda-cassette: Jest 29 or newer is needed; this project has Jest 28\.\d+\.\d+\. Upgrade it \(npm install --save-dev jest@30 @jest\/globals@30\)/,
    );
  }, 300_000);
});
