/**
 * `serve --sign` where the signer (an optional peer) is not installed: the command refuses at start-up
 * with SigningUnavailableError's install command, before serving anything, instead of failing each
 * forwarded request. The CLI is bundled as the package ships it and run from a project whose
 * node_modules has everything but @smithy/signature-v4.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { bundleCli, runCli, startServe } from '../support/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MISSING = '@smithy/signature-v4';
let project: string;
let cli: string;

/** `project/node_modules`: a link to each of the worktree's packages, except `MISSING`. */
function nodeModulesWithout(project: string, missing: string): void {
  const from = path.join(root, 'node_modules');
  const to = path.join(project, 'node_modules');
  mkdirSync(to);
  for (const entry of readdirSync(from)) {
    if (entry.startsWith('.')) continue;
    if (!entry.startsWith('@')) {
      symlinkSync(path.join(from, entry), path.join(to, entry));
      continue;
    }
    mkdirSync(path.join(to, entry));
    for (const pkg of readdirSync(path.join(from, entry))) {
      if (`${entry}/${pkg}` !== missing) symlinkSync(path.join(from, entry, pkg), path.join(to, entry, pkg));
    }
  }
}

beforeAll(async () => {
  project = mkdtempSync(path.join(tmpdir(), 'lc-no-signer-'));
  nodeModulesWithout(project, MISSING);
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'no-signer', private: true, type: 'module' }),
  );
  cli = path.join(project, 'dist', 'cli.js');
  await bundleCli(cli);
}, 60_000);
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('serve --sign without the signer installed', () => {
  it('refuses at start-up naming the install command; without --sign the same project serves', async () => {
    const run = await runCli(cli, ['serve', 'orders', '--mode', 'record', '--target', 'http://127.0.0.1:9', '--sign'], {
      cwd: project,
    });
    expect(run.stdout).toBe('');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`signing requests needs ${MISSING}, which is not installed`);
    expect(run.stderr).toContain('npm install --save-dev @smithy/signature-v4 @aws-sdk/credential-provider-node');

    const unsigned = await startServe(cli, ['--mode', 'mock'], { cwd: project });
    expect((await fetch(`${unsigned.url}/_lambda-cassette/calls`)).status).toBe(200);
    expect((await unsigned.stop('SIGTERM')).code).toBe(0);
  });
});
