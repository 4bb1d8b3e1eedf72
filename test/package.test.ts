/**
 * The package as a user gets it: packed, installed into a fresh project, imported as ESM and CJS,
 * type-checked, and used for one real SDK call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
let project: string;

function run(cmd: string, args: string[], cwd = project): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

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
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }));
  const peers = ['nock', '@aws-sdk/client-lambda', 'vitest'].map((name) => {
    const version = (JSON.parse(run('node', ['-p', `JSON.stringify(require('${name}/package.json').version)`], root)) as string);
    return `${name}@${version}`;
  });
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', `./${tarball}`, ...peers]);
}, 240_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('works when imported as ESM', () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      `import { mockLambda, LAMBDA_ERRORS } from 'lambda-cassette';\nimport { LambdaClient, InvokeAsyncCommand } from '@aws-sdk/client-lambda';\n${sdkCall}`,
    );
    expect(JSON.parse(run('node', ['esm.mjs']).trim())).toEqual({ status: 202, calls: 1, errors: 22 });
  });

  it('works when required as CJS', () => {
    writeFileSync(
      join(project, 'cjs.cjs'),
      `const { mockLambda, LAMBDA_ERRORS } = require('lambda-cassette');\nconst { LambdaClient, InvokeAsyncCommand } = require('@aws-sdk/client-lambda');\n(async () => {${sdkCall}})();`,
    );
    expect(JSON.parse(run('node', ['cjs.cjs']).trim())).toEqual({ status: 202, calls: 1, errors: 22 });
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
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, lib: ['ES2023', 'ESNext.Disposable'] }, files: ['types.ts'] }),
    );
    run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.']);
    // A wrong error name must not type-check.
    writeFileSync(join(project, 'types.ts'), `import type { LambdaErrorName } from 'lambda-cassette';\nexport const n: LambdaErrorName = 'NoSuchError';\n`);
    expect(() => run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.'])).toThrow(/NoSuchError/);
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
}
`,
    );
    for (const module of ['NodeNext', 'CommonJS']) {
      const moduleResolution = module === 'NodeNext' ? 'NodeNext' : 'Node10';
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module, moduleResolution, target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, lib: ['ES2023', 'ESNext.Disposable'] }, files: ['payloads.d.ts', 'payload-use.ts'] }),
      );
      let output = '';
      try {
        run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.']);
      } catch (e) {
        output = (e as Error).message;
      }
      expect(output.match(/payload-use\.ts\(\d+/g)).toEqual(['payload-use.ts(7', 'payload-use.ts(8']);
    }
  });

  it('installs the CLI as a bin', () => {
    const bin = join(project, 'node_modules', '.bin', 'lambda-cassette');
    expect(run(bin, ['--version']).trim()).toMatch(/^\d+\.\d+\.\d+/);
    // A command whose module is a lazily loaded chunk: the package must ship it.
    writeFileSync(join(project, 'empty.json'), JSON.stringify({ version: 1, recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20' }, interactions: [] }));
    expect(run(bin, ['validate', 'empty.json'])).toBe('ok: 1 cassette(s) valid, no secrets found\n');
  });
});
