/**
 * The README's install lines, run as pasted (with the packed tarball standing in for the registry's
 * lambda-cassette) into fresh projects: neither installs nock (lambda-cassette does not use it); the
 * Node 20 line works on Node 20, the Node 22+ line on Node 24; with the user's own nock 15 added, the
 * sealed double holds under it on Node 24, and the quick start still works on Node 20, where nock 15
 * itself cannot run (lambda-cassette never loads it).
 * Slow (packs and installs from the registry): run with `npm run test:package`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SEAL_CHECK } from './seal-check-script.js';

const root = resolve(__dirname, '..', '..');
let work: string;
let tarball: string;

function run(cmd: string, args: string[], cwd: string, path?: string): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1', ...(path ? { PATH: path } : {}) },
    });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** The install commands of the README's set-up section, by the comment above each. */
function readmeInstallLines(): Map<string, string> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /In your own project:\s*```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md: no ```sh block after "In your own project:"');
  const lines = new Map<string, string>();
  let comment = '';
  for (const line of block
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    if (line.startsWith('#')) comment = line.slice(1).trim();
    else lines.set(comment, line);
  }
  return lines;
}

const QUICKSTART = `
import { LambdaClient, InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { mockLambda } from 'lambda-cassette';
try {
  const lambda = await mockLambda({ functions: ['orders-fn'] });
  const client = new LambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const out = await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }));
  lambda.expectInvoked('orders-fn', { id: 7 });
  await lambda.close();
  console.log(JSON.stringify({ status: out.Status }));
} catch (e) {
  console.log(JSON.stringify({ error: e.name, code: e.code, message: e.message }));
}
`;

/** Runs the README line `command` in a fresh project (after `first`, e.g. a Node binary). */
function installAsReadmeSays(command: string, first: string[] = [], onPath?: (dir: string) => string): string {
  const dir = mkdtempSync(join(work, 'project-'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'user-project', version: '1.0.0', private: true, type: 'module' }),
  );
  const quiet = ['--prefer-offline', '--no-audit', '--no-fund', '--silent'];
  if (first.length > 0) run('npm', ['install', ...quiet, ...first], dir);
  const [npm, ...args] = command.split(/\s+/);
  expect(npm).toBe('npm');
  run('npm', [...args.map((a) => (a === 'lambda-cassette' ? tarball : a)), ...quiet], dir, onPath?.(dir));
  writeFileSync(join(dir, 'quickstart.mjs'), QUICKSTART);
  return dir;
}

function nockMajor(dir: string): number {
  return Number(
    JSON.parse(readFileSync(join(dir, 'node_modules', 'nock', 'package.json'), 'utf8')).version.split('.')[0],
  );
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'lc-install-line-'));
  run('npm', ['pack', '--pack-destination', work, '--silent'], root);
  const file = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!file) throw new Error('npm pack produced no tarball');
  tarball = join(work, file);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the README's install lines", () => {
  it('lists one line for Node 20 and one for Node 22 or newer', () => {
    expect([...readmeInstallLines().keys()]).toEqual([
      expect.stringMatching(/Node 22/),
      expect.stringMatching(/Node 20/),
    ]);
  });

  it('on Node 20: the Node 20 line installs no nock, and the quick start works', () => {
    const line = [...readmeInstallLines()].find(([comment]) => /Node 20/.test(comment))![1];
    // This process's Node where it is 20 (the CI machine's); on a newer one (the suite on Node 22 or
    // 24), the `node` package puts a Node 20 binary first on PATH, for npm and the quick start alike.
    const onNode20 = process.versions.node.startsWith('20.');
    const node20 = (dir: string) => `${join(dir, 'node_modules', 'node', 'bin')}:${process.env['PATH']}`;
    const dir = installAsReadmeSays(line, onNode20 ? [] : ['node@20'], onNode20 ? undefined : node20);
    const path = onNode20 ? undefined : node20(dir);
    expect(run('node', ['--version'], dir, path).trim()).toMatch(/^v20\./);
    expect(existsSync(join(dir, 'node_modules', 'nock'))).toBe(false);
    expect(JSON.parse(run('node', ['quickstart.mjs'], dir, path).trim())).toEqual({ status: 202 });
  }, 300_000);

  it("on Node 24: the Node 22+ line works, and with the user's nock 15 the double stays sealed; on Node 20 the quick start still works", () => {
    const line = [...readmeInstallLines()].find(([comment]) => /Node 22/.test(comment))![1];
    // The `node` package puts a Node 24 binary first on PATH for this project.
    const dir = installAsReadmeSays(line, ['node@24']);
    const node24 = `${join(dir, 'node_modules', 'node', 'bin')}:${process.env['PATH']}`;
    expect(run('node', ['--version'], dir, node24).trim()).toMatch(/^v24\./);
    expect(existsSync(join(dir, 'node_modules', 'nock'))).toBe(false);
    expect(JSON.parse(run('node', ['quickstart.mjs'], dir, node24).trim())).toEqual({ status: 202 });
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', 'nock@15'], dir, node24);
    expect(nockMajor(dir)).toBe(15);

    // The sealed door under nock 15: see seal-check-script.ts for what each field is.
    writeFileSync(join(dir, 'seal-check.mjs'), SEAL_CHECK);
    expect(JSON.parse(run('node', ['seal-check.mjs'], dir, node24))).toEqual({
      anyHost: 202,
      notJson: { status: 400, type: 'InvalidRequestContentException' },
      // The double reads the body as sent: not JSON, whatever its content-encoding says.
      badGzip: { status: 400, type: 'InvalidRequestContentException' },
      dotdot: { status: 400, type: 'ValidationException' },
      afterCleanAll: 202,
      afterRestore: 202,
      closeA: 'ok',
      getFunction: 'UnhandledRequestError',
      closeB: 'UnhandledRequestError',
      theirs: { status: 200, type: null },
      theirsHttp: { status: 200 },
      closeC: 'ok',
      hits: [],
    });

    expect(JSON.parse(run('node', ['quickstart.mjs'], dir).trim())).toEqual({ status: 202 });
  }, 300_000);
});
