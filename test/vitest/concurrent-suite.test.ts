/**
 * `useLambdaCassette()` under `test.concurrent` gives each test its own double, its
 * own call log and its own cassette file. A real vitest run in a subprocess, in mock mode and
 * recording from moto.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCassette } from '../../src/cassette/index.js';
import { startMoto, type MotoServer } from '../support/moto.js';

const ROOT = join(import.meta.dirname, '..', '..');
const NAMES = ['alpha', 'beta', 'gamma'] as const;

interface Run<R = { functionName: string; payload: unknown }[]> {
  code: number | null;
  output: string;
  results: Record<string, R>;
  dir: string;
}

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function runFixture<R = { functionName: string; payload: unknown }[]>(
  mode: 'mock' | 'record',
  endpoint?: string,
  fixture = 'concurrent-suite',
): Promise<Run<R>> {
  const dir = mkdtempSync(join(tmpdir(), 'lc-concurrent-cassettes-'));
  const results = mkdtempSync(join(tmpdir(), 'lc-concurrent-results-'));
  temps.push(dir, results);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LC_FIXTURE_MODE: mode,
    LC_FIXTURE_DIR: dir,
    LC_FIXTURE_RESULTS: results,
  };
  delete env['LAMBDA_CASSETTE_MODE'];
  delete env['VITEST'];
  delete env['VITEST_WORKER_ID'];
  delete env['VITEST_POOL_ID'];
  if (endpoint) env['LC_FIXTURE_ENDPOINT'] = endpoint;
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const child = spawn(
    process.execPath,
    [vitest, 'run', '--config', 'test/vitest/fixtures/vitest.fixture.config.ts', fixture],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const seen: Run<R>['results'] = {};
      for (const file of readdirSync(results))
        seen[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(results, file), 'utf8'));
      resolve({ code, output, results: seen, dir });
    });
  });
}

function expectEachTestSawOnlyItsOwnCalls(run: Run): void {
  expect(run.code, run.output).toBe(0);
  expect(Object.keys(run.results).sort()).toEqual([...NAMES]);
  for (const name of NAMES) {
    expect(run.results[name]).toEqual([
      { functionName: `${name}-fn`, payload: { test: name, i: 0 } },
      { functionName: `${name}-fn`, payload: { test: name, i: 1 } },
    ]);
  }
}

function cassetteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('test.concurrent with useLambdaCassette()', () => {
  it('mock mode: each test has its own double and call log', async () => {
    const run = await runFixture('mock');
    expectEachTestSawOnlyItsOwnCalls(run);
    expect(cassetteFiles(run.dir)).toEqual([]);
  }, 60_000);

  it("tests run one at a time each get their own double, and Node's async hooks stay off", async () => {
    const run = await runFixture<{ hooks: boolean; calls: string[] }>('mock', undefined, 'sequential-suite');
    expect(run.code, run.output).toBe(0);
    expect(run.results).toEqual({
      first: { hooks: false, calls: ['first-fn'] },
      second: { hooks: false, calls: ['second-fn'] },
      third: { hooks: false, calls: ['third-fn'] },
    });
  }, 60_000);

  describe('recording from moto', () => {
    let moto: MotoServer;
    beforeAll(async () => {
      moto = await startMoto();
      for (const name of NAMES) await moto.createFunction(`${name}-fn`);
    }, 60_000);
    afterAll(() => moto?.stop());

    it('each test writes its own cassette holding only its own interactions', async () => {
      const run = await runFixture('record', moto.url);
      expectEachTestSawOnlyItsOwnCalls(run);
      const files = cassetteFiles(run.dir);
      expect(files).toEqual(
        NAMES.map((n) => join('test', 'vitest', 'fixtures', 'concurrent-suite.fixture', 'concurrent', `${n}.json`)),
      );
      for (const [i, name] of NAMES.entries()) {
        const cassette = await loadCassette(join(run.dir, files[i]!));
        expect(
          cassette!.interactions.map((x) => [x.request.functionName, x.request.payload, x.response.status]),
        ).toEqual([
          [`${name}-fn`, { json: { test: name, i: 0 } }, 202],
          [`${name}-fn`, { json: { test: name, i: 1 } }, 202],
        ]);
      }
    }, 90_000);
  });
});
