/**
 * bindClientMock under vitest inlining the SDK: a real vitest run of a one-test project, which binds
 * a stub of `LambdaClient` and sends an InvokeAsync. Inlined (`server.deps.inline`, or the project
 * under a folder named `esm`), the test's SDK is a second copy, and binding fails with
 * LC_CLIENT_MOCK_SDK_MISMATCH instead of leaving `send` resolving undefined; the configuration the
 * error suggests makes the same test pass through the double.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'lc-inline-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const TEST = `import { writeFileSync } from 'node:fs';
import { LambdaClient, InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { test } from 'vitest';
import { mockLambda } from ${JSON.stringify(join(ROOT, 'src', 'index.ts'))};

test('bindClientMock', async () => {
  const lambda = await mockLambda();
  let outcome;
  try {
    lambda.bindClientMock(mockClient(LambdaClient));
    const client = new LambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' } });
    const out = await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":1}' }));
    outcome = { status: out?.Status, calls: lambda.calls.map((c) => c.functionName) };
  } catch (e) {
    outcome = { name: e.name, code: e.code, message: e.message };
  }
  writeFileSync(process.env.LC_FIXTURE_OUT, JSON.stringify(outcome));
  await lambda.close();
});
`;

// The SDK is reached through a symbolic link kept as it is (preserveSymlinks), so its path is under
// the project's folder, as it is for a project installed there.
const CONFIG = `export default {
  resolve: { preserveSymlinks: true },
  test: { include: ['bind.test.ts'], server: { deps: JSON.parse(process.env.LC_FIXTURE_DEPS || '{}', (k, v) => (k === 'external' ? v.map((s) => new RegExp(s)) : v)) } },
};
`;

/** Runs the one-test project at `folder` (inside the temp folder) with `deps` as test.server.deps; returns what the test saw. */
async function run(folder: string, deps: { inline?: string[]; external?: string[] }): Promise<Record<string, unknown>> {
  const project = join(temp, folder);
  mkdirSync(project, { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  writeFileSync(join(project, 'bind.test.ts'), TEST);
  writeFileSync(join(project, 'vitest.config.mjs'), CONFIG);
  const out = join(project, 'outcome.json');
  const env: NodeJS.ProcessEnv = { ...process.env, LC_FIXTURE_OUT: out, LC_FIXTURE_DEPS: JSON.stringify(deps) };
  for (const name of ['LAMBDA_CASSETTE_MODE', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID']) delete env[name];
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], {
    cwd: project,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  expect(code, output).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
}

const MISMATCH = {
  name: 'ClientMockSdkMismatchError',
  code: 'LC_CLIENT_MOCK_SDK_MISMATCH',
  message: expect.stringContaining('server: { deps: { external'),
};

describe('bindClientMock when vitest inlines the SDK', () => {
  it('server.deps.inline: binding fails loudly, naming what to change', async () => {
    expect(await run('inline', { inline: ['@aws-sdk/client-lambda'] })).toMatchObject(MISMATCH);
  }, 60_000);

  it('a project under a folder named esm: binding fails loudly; with the external deps the error names, the stub answers from the double', async () => {
    expect(await run('esm/plain', {})).toMatchObject(MISMATCH);
    expect(await run('esm/external', { external: ['@aws-sdk/', '@smithy/'] })).toEqual({
      status: 202,
      calls: ['orders-fn'],
    });
  }, 90_000);
});
