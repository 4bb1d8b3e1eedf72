/**
 * The `lambda-cassette` command as a user runs it: bundled from src/cli.ts the way tsup builds the
 * bin (ESM, dependencies left as imports resolved from node_modules), then run with `node` in a
 * separate process. Built into the worktree's `.tmp/` (git-ignored) rather than `dist/`, which the
 * packed-package test rebuilds concurrently, next to a copy of package.json as in the package.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles the CLI into `cliPath`'s folder. */
export async function bundleCli(cliPath: string): Promise<void> {
  await build({
    entryPoints: [path.join(root, 'src', 'cli.ts')],
    outdir: path.dirname(cliPath),
    // As tsup does for ESM: each command's module is a chunk loaded when that command runs.
    splitting: true,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'silent',
  });
}

/** Bundles the CLI next to a copy of package.json; returns the path of the `cli.js` to run. */
export async function buildCli(): Promise<{ cli: string; dir: string }> {
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(path.join(root, '.tmp', 'cli-'));
  copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  const cli = path.join(dir, 'dist', 'cli.js');
  await bundleCli(cli);
  return { cli, dir };
}

/** Builds the CLI once for the current test file and removes it afterwards. */
export function useCli(): { readonly path: string } {
  const holder = { path: '' };
  let dir = '';
  beforeAll(async () => {
    ({ cli: holder.path, dir } = await buildCli());
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return holder;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment for the CLI: no colour switches inherited from the test runner. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'LAMBDA_CASSETTE_MODE', 'CI', 'LAMBDA_CASSETTE_ALLOW_CI_RECORD'])
    delete env[name];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Runs `node <cli> ...args` to completion. */
export function runCli(
  cli: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: options.cwd,
      env: cliEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A running `lambda-cassette serve`: its URL (read from its first stdout line), and how to stop it. */
export interface ServeProcess {
  url: string;
  /** Sends the signal and resolves with everything the process printed and its exit code. */
  stop(signal?: NodeJS.Signals): Promise<CliRun>;
  stderrSoFar(): string;
}

/** Starts `serve` and waits for its URL; rejects with its output if it exits first. */
export function startServe(
  cli: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'serve', ...args], {
      cwd: options.cwd,
      env: cliEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let started = false;
    const closed = new Promise<CliRun>((done) => child.on('close', (code) => done({ code, stdout, stderr })));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)?.[1];
      if (line && !started) {
        started = true;
        resolve({
          url: line,
          stop: (signal = 'SIGINT') => {
            child.kill(signal);
            return closed;
          },
          stderrSoFar: () => stderr,
        });
      }
    });
    child.on('error', reject);
    void closed.then((run) => {
      if (!started)
        reject(new Error(`serve exited (${run.code}) before printing its URL:\n${run.stdout}${run.stderr}`));
    });
  });
}
