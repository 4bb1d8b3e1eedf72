/**
 * Runs one suite of test/vitest/fixtures/ in a real vitest subprocess, with a fresh cassette folder
 * (LC_FIXTURE_DIR) and a fresh folder the fixture writes what it saw into, one JSON file per name
 * (LC_FIXTURE_RESULTS); each test's outcome is read from vitest's JSON report.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

export interface FixtureRun<R> {
  code: number | null;
  output: string;
  /** What the fixture wrote, by file name without `.json`. */
  results: Record<string, R>;
  /** The cassette folder. */
  dir: string;
  /** Each test's status and first failure message, by full name (suites and test, space-joined). */
  tests: Record<string, { status: string; failure: string | undefined }>;
}

interface JsonReport {
  testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** Runs `fixture` (a name vitest filters the fixture files by), with `env` added to this process's. */
export function runFixture<R>(fixture: string, env: NodeJS.ProcessEnv = {}): Promise<FixtureRun<R>> {
  const dir = mkdtempSync(join(tmpdir(), 'lc-fixture-cassettes-'));
  const results = mkdtempSync(join(tmpdir(), 'lc-fixture-results-'));
  const report = mkdtempSync(join(tmpdir(), 'lc-fixture-report-'));
  temps.push(dir, results, report);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LC_FIXTURE_DIR: dir, LC_FIXTURE_RESULTS: results, ...env };
  for (const name of ['LAMBDA_CASSETTE_MODE', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID']) delete childEnv[name];
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const reportFile = join(report, 'report.json');
  const child = spawn(
    process.execPath,
    [
      vitest,
      'run',
      '--config',
      'test/vitest/fixtures/vitest.fixture.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
      fixture,
    ],
    { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const seen: FixtureRun<R>['results'] = {};
      for (const file of readdirSync(results))
        seen[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(results, file), 'utf8'));
      const tests: FixtureRun<R>['tests'] = {};
      // No report when vitest failed before running the file: `code` and `output` say why.
      const json = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as JsonReport) : undefined;
      for (const test of json?.testResults.flatMap((file) => file.assertionResults) ?? [])
        tests[test.fullName] = { status: test.status, failure: test.failureMessages[0] };
      resolve({ code, output, results: seen, dir, tests });
    });
  });
}
