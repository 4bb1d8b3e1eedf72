/**
 * The package as a user gets it: packed, installed into a fresh project, imported as ESM and CJS,
 * type-checked, and used for one real SDK call; then the ends of the peer ranges: nock 14 with
 * vitest 3 on Node 20, and nock 15 with vitest 5 on Node 24 (installed from the registry).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run as runIn } from './package/run-command.js';
import { LAMBDA_ERRORS } from '../src/index.js';
import { describeFootprint } from './package/footprint.js';
import { describeJestProjects } from './package/jest-projects.js';

const root = resolve(__dirname, '..');
let project: string;
let tarballPath: string;

const run = (cmd: string, args: string[], cwd = project, env: NodeJS.ProcessEnv = {}): string =>
  runIn(cmd, args, cwd, env);

const sdkCall = `
  const lambda = await mockLambda({ functions: ['orders-fn'] });
  const client = new LambdaClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } });
  const out = await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }));
  lambda.expectInvoked('orders-fn', { id: 7 });
  await lambda.close();
  console.log(JSON.stringify({ status: out.Status, calls: lambda.calls.length, errors: Object.keys(LAMBDA_ERRORS).length }));
`;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'lc-package-'));
  run('npm', ['pack', '--pack-destination', project, '--silent'], root);
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack produced no tarball');
  tarballPath = join(project, tarball);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }),
  );
  const peers = ['nock', '@aws-sdk/client-lambda', 'vitest'].map((name) => {
    const version = JSON.parse(
      run('node', ['-p', `JSON.stringify(require('${name}/package.json').version)`], root),
    ) as string;
    return `${name}@${version}`;
  });
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', `./${tarball}`, ...peers]);
}, 240_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed package', () => {
  // The packed catalogue must be the one in the sources (it grew from 22 to 60 with Invoke's errors).
  it('works when imported as ESM', () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      `import { mockLambda, LAMBDA_ERRORS } from 'lambda-cassette';\nimport { LambdaClient, InvokeAsyncCommand } from '@aws-sdk/client-lambda';\n${sdkCall}`,
    );
    expect(JSON.parse(run('node', ['esm.mjs']).trim())).toEqual({
      status: 202,
      calls: 1,
      errors: Object.keys(LAMBDA_ERRORS).length,
    });
  });

  it('works when required as CJS', () => {
    writeFileSync(
      join(project, 'cjs.cjs'),
      `const { mockLambda, LAMBDA_ERRORS } = require('lambda-cassette');\nconst { LambdaClient, InvokeAsyncCommand } = require('@aws-sdk/client-lambda');\n(async () => {${sdkCall}})();`,
    );
    expect(JSON.parse(run('node', ['cjs.cjs']).trim())).toEqual({
      status: 202,
      calls: 1,
      errors: Object.keys(LAMBDA_ERRORS).length,
    });
  });

  it('ships types for both entry points, matchers included', () => {
    writeFileSync(
      join(project, 'types.ts'),
      `import { mockLambda, type InvokeAsyncCall, type LambdaErrorName } from 'lambda-cassette';
import { useLambdaCassette } from 'lambda-cassette/vitest';
import { expect } from 'vitest';
const name: LambdaErrorName = 'ServiceException';
export async function f(): Promise<InvokeAsyncCall[]> {
  const lambda = await mockLambda();
  lambda.inject(name, { times: 1 });
  expect(lambda).toHaveInvokedAsyncWith('orders-fn', expect.objectContaining({ id: 7 }));
  return [...lambda.calls];
}
export const handle = useLambdaCassette;
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          lib: ['ES2023', 'ESNext.Disposable'],
        },
        files: ['types.ts'],
      }),
    );
    run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.']);
    // A wrong error name must not type-check.
    writeFileSync(
      join(project, 'types.ts'),
      `import type { LambdaErrorName } from 'lambda-cassette';\nexport const n: LambdaErrorName = 'NoSuchError';\n`,
    );
    expect(() => run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.'])).toThrow(/NoSuchError/);
  });

  it("runs the README's unit-test quick start as pasted", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Quick start: unit tests with no AWS'));
    const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toContain('mockLambda');
    writeFileSync(join(project, 'quickstart.mjs'), `${code}\nconsole.log(JSON.stringify(lambda.calls));\n`);
    expect(JSON.parse(run('node', ['quickstart.mjs']).trim())).toMatchObject([
      { functionName: 'orders-fn', qualifier: 'live', status: 202 },
    ]);
  });

  it('lets a typegen-style augmentation type payloads through the published declarations (ESM and CJS)', () => {
    writeFileSync(
      join(project, 'payloads.d.ts'),
      `export interface OrdersFnPayload { id: number }
export interface LambdaPayloadTypes { 'orders-fn': OrdersFnPayload }
declare module 'lambda-cassette' {
  interface LambdaPayloads extends LambdaPayloadTypes {}
}
`,
    );
    writeFileSync(
      join(project, 'payload-use.ts'),
      `import { mockLambda } from 'lambda-cassette';
import 'lambda-cassette/vitest';
import { expect } from 'vitest';
export async function f(): Promise<void> {
  const lambda = await mockLambda();
  lambda.expectInvoked('other-fn', { id: 'anything goes' });
  lambda.expectInvoked('orders-fn', { id: 'x' });
  expect(lambda).toHaveInvokedAsyncWith('orders-fn:prod', { id: 'y' });
  expect(lambda).toHaveInvokedWith('orders-fn', { id: 'z' });
}
`,
    );
    for (const module of ['NodeNext', 'CommonJS']) {
      const moduleResolution = module === 'NodeNext' ? 'NodeNext' : 'Node10';
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            module,
            moduleResolution,
            target: 'ES2022',
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            lib: ['ES2023', 'ESNext.Disposable'],
          },
          files: ['payloads.d.ts', 'payload-use.ts'],
        }),
      );
      let output = '';
      try {
        run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.']);
      } catch (e) {
        output = (e as Error).message;
      }
      // Under Node10 resolution 'lambda-cassette' is read through "types" and 'lambda-cassette/vitest'
      // through typesVersions: both must be the same declaration family (.d.cts), or the matchers
      // read another LambdaPayloads than the augmented one and lines 8 and 9 type-check.
      expect(output.match(/payload-use\.ts\(\d+/g)).toEqual([
        'payload-use.ts(7',
        'payload-use.ts(8',
        'payload-use.ts(9',
      ]);
    }
  });

  it('installs the CLI as a bin', () => {
    const bin = join(project, 'node_modules', '.bin', 'lambda-cassette');
    expect(run(bin, ['--version']).trim()).toMatch(/^\d+\.\d+\.\d+/);
    // A command whose module is a lazily loaded chunk: the package must ship it.
    writeFileSync(
      join(project, 'empty.json'),
      JSON.stringify({
        version: 1,
        recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20' },
        interactions: [],
      }),
    );
    expect(run(bin, ['validate', 'empty.json'])).toBe('ok: 1 cassette(s) valid, no secrets found\n');
  });
});

const PEER_TEST = `
import { describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaClient, InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { openCassette } from 'lambda-cassette';
import { useLambdaCassette } from 'lambda-cassette/vitest';

const client = new LambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } });

describe('mock mode', () => {
  const lambda = useLambdaCassette({ mode: 'mock', functions: ['orders-fn'] });
  it('intercepts, retries an injected error, and matches', async () => {
    lambda.inject('ServiceException', { times: 1 });
    const out = await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }));
    expect(out.Status).toBe(202);
    expect(lambda).toHaveInvokedAsyncWith('orders-fn', expect.objectContaining({ id: 7 }));
    expect(lambda).toHaveInvokedAsyncTimes('orders-fn', 2);
    expect(lambda).not.toHaveInvokedAsync('mailer');
    const err = await client.send(new InvokeAsyncCommand({ FunctionName: 'mailer', InvokeArgs: '{}' })).catch((e) => e);
    expect(err.name).toBe('ResourceNotFoundException');
  });
});

describe('test.concurrent', () => {
  // Each concurrent test gets its own double: it sees its own call, not the others'.
  const lambda = useLambdaCassette({ mode: 'mock' });
  for (const name of ['alpha', 'beta', 'gamma']) {
    it.concurrent(name, async ({ expect }) => {
      await new Promise((r) => setTimeout(r, 5));
      await client.send(new InvokeAsyncCommand({ FunctionName: name + '-fn', InvokeArgs: '{}' }));
      await new Promise((r) => setTimeout(r, 5));
      expect(lambda.calls.map((c) => c.functionName)).toEqual([name + '-fn']);
    });
  }
});

it('records through the real network, then replays without it', async () => {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    req.on('end', () => res.writeHead(202, { 'x-amzn-RequestId': 'real-1', 'content-type': 'application/json' }).end('{"Status":202}'));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  const endpoint = 'http://127.0.0.1:' + server.address().port;
  const dir = mkdtempSync(join(tmpdir(), 'lc-peer-'));
  const local = new LambdaClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } });
  try {
    const rec = await openCassette('c', { dir, endpoint, mode: 'record', allowRecordingInCI: true });
    expect((await local.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{"a":1}' }))).$metadata.requestId).toBe('real-1');
    await rec.close();
    const rep = await openCassette('c', { dir, endpoint, mode: 'replay' });
    expect((await local.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{"a":1}' }))).$metadata.requestId).toBe('real-1');
    await rep.close();
    expect(hits).toBe(1);
    expect(readFileSync(join(dir, 'c.json'), 'utf8')).toContain('real-1');
  } finally {
    server.close();
  }
});
`;

// The legacy SDK is still the most common caller of this deprecated API: trailing slash, binary/octet-stream.
const SDK_V2_TEST = `
import { expect, it } from 'vitest';
import AWS from 'aws-sdk';
import { mockLambda } from 'lambda-cassette';

it('intercepts aws-sdk v2 invokeAsync, errors included', async () => {
  const lambda = await mockLambda({ functions: ['orders-fn'] });
  const client = new AWS.Lambda({ region: 'eu-west-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' }, maxRetries: 0 });
  try {
    const out = await client.invokeAsync({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }).promise();
    expect(out.Status).toBe(202);
    lambda.inject('ThrottlingException', { times: 1 });
    const err = await client.invokeAsync({ FunctionName: 'orders-fn', InvokeArgs: '{}' }).promise().catch((e) => e);
    expect(err.code).toBe('ThrottlingException');
    expect(err.statusCode).toBe(400);
    expect(lambda.calls.map((c) => [c.functionName, c.region, c.status])).toEqual([['orders-fn', 'eu-west-1', 202], ['orders-fn', 'eu-west-1', 400]]);
    lambda.expectInvoked('orders-fn', { id: 7 });
  } finally {
    await lambda.close();
  }
});

// What a port of a real v2 caller met: RequestResponse results and function errors come back as v2
// gives them (Payload the JSON text), a reset connection is v2's TimeoutError, and a payload written
// as one string with non-ASCII in it is logged as sent.
it('answers aws-sdk v2 invoke as Lambda does: results, function errors, a dropped connection', async () => {
  const lambda = await mockLambda({ functions: ['quote-fn'] });
  const client = new AWS.Lambda({ region: 'eu-west-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' }, maxRetries: 0 });
  try {
    lambda.respond('quote-fn', (event) => ({ total: event.items.length, note: event.note }));
    const ok = await client.invoke({ FunctionName: 'quote-fn', Payload: JSON.stringify({ items: [1, 2], note: 'café ☕' }) }).promise();
    expect([ok.StatusCode, ok.FunctionError, JSON.parse(ok.Payload)]).toEqual([200, undefined, { total: 2, note: 'café ☕' }]);
    lambda.injectFunctionError('quote-fn', { errorType: 'TypeError', errorMessage: 'bad input' }, { times: 1 });
    const failed = await client.invoke({ FunctionName: 'quote-fn', Payload: '{}' }).promise();
    expect([failed.StatusCode, failed.FunctionError, typeof failed.Payload]).toEqual([200, 'Unhandled', 'string']);
    expect(JSON.parse(failed.Payload)).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad input' });
    lambda.injectFault('connection-reset', { times: 1 });
    const reset = await client.invoke({ FunctionName: 'quote-fn', Payload: '{}' }).promise().catch((e) => e);
    expect(reset.code).toBe('TimeoutError');
    expect(lambda.calls.map((c) => c.payload)).toEqual([{ items: [1, 2], note: 'café ☕' }, {}, {}]);
  } finally {
    await lambda.close();
  }
});
`;

describe.each([
  {
    label: 'nock 14 + vitest 3 on Node 20, with aws-sdk v2',
    packages: ['nock@14', 'vitest@3', 'aws-sdk@2'],
    node: undefined,
  },
  { label: 'nock 15 + vitest 5 on Node 24', packages: ['nock@15', 'vitest@5', 'node@24'], node: '24' },
])('peer range ends: $label', ({ packages, node }) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lc-peers-'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'peer-project', version: '1.0.0', private: true, type: 'module' }),
    );
    run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--silent',
        tarballPath,
        '@aws-sdk/client-lambda@3',
        ...packages,
      ],
      dir,
    );
    writeFileSync(join(dir, 'peer.test.ts'), PEER_TEST);
    if (packages.includes('aws-sdk@2')) writeFileSync(join(dir, 'sdk-v2.test.ts'), SDK_V2_TEST);
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('mocks, injects, matches, records and replays under the peer versions', () => {
    // The `node` package puts its binary first on PATH for this project's scripts.
    const path = node ? `${join(dir, 'node_modules', 'node', 'bin')}:${process.env['PATH']}` : process.env['PATH'];
    if (node) expect(run('node', ['--version'], dir, { PATH: path }).trim()).toMatch(new RegExp(`^v${node}\\.`));
    // The run summary reporter, by its package name, next to vitest's own.
    const out = run(
      join(dir, 'node_modules', '.bin', 'vitest'),
      ['run', '--reporter=verbose', '--reporter=lambda-cassette/vitest-reporter'],
      dir,
      { PATH: path, CI: 'true' },
    );
    expect(out).toMatch(packages.includes('aws-sdk@2') ? /7 passed/ : /5 passed/);
    // Coloured: picocolors, like vitest, colours under CI.
    expect(stripVTControlCharacters(out)).toContain(
      'lambda-cassette: 1 cassette: 1 replayed, 1 recorded (1 new), 0 missing, 0 misses, 0 unused interactions, 0 expired',
    );
  }, 120_000);
});

describeJestProjects(() => tarballPath);
describeFootprint(() => tarballPath);
