/**
 * `lambda-cassette/jest-reporter` through the calls Jest makes (real Jest 29 and 30 run it in
 * test/package/runners.test.ts): it names a report folder for the doubles before tests run, and at
 * the end prints the summary the vitest reporter prints, to stderr, and writes its JSON.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import LambdaCassetteJestReporter, { jestRunOutcome } from '../../src/jest/reporter.js';
import { REPORT_DIR_ENV, reportCassetteRun } from '../../src/report/run-report-sink.js';
import type { CassetteRun } from '../../src/report/cassette-run.js';

const passed = {
  numTotalTests: 3,
  numFailedTests: 0,
  numPendingTests: 1,
  numTodoTests: 0,
  numFailedTestSuites: 0,
  numRuntimeErrorTestSuites: 0,
  wasInterrupted: false,
};
const previous = process.env[REPORT_DIR_ENV];
let root: string | undefined;

afterEach(() => {
  vi.restoreAllMocks();
  if (previous === undefined) delete process.env[REPORT_DIR_ENV];
  else process.env[REPORT_DIR_ENV] = previous;
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('LambdaCassetteJestReporter', () => {
  it('sums what every double reported into the summary and the JSON prune reads', () => {
    root = mkdtempSync(join(tmpdir(), 'lc-jest-reporter-'));
    const reporter = new LambdaCassetteJestReporter({ rootDir: root }, { outputFile: 'reports/lc.json' });
    reporter.onRunStart();
    const dir = process.env[REPORT_DIR_ENV];
    expect(dir).toBeTruthy();
    const run: CassetteRun = {
      cassette: join(root, 'cassettes', 'checkout', 'pays.json'),
      mode: 'replay',
      replayed: 2,
      recorded: 0,
      created: false,
      missing: false,
      misses: [],
      unused: [],
      expired: 0,
    };
    reportCassetteRun(run);
    reportCassetteRun({
      ...run,
      cassette: join(root, 'cassettes', 'new.json'),
      mode: 'record',
      replayed: 0,
      recorded: 1,
      created: true,
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    reporter.onRunComplete(undefined, passed);
    const printed = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(printed).toBe(
      'lambda-cassette: 2 cassettes: 1 replayed, 1 recorded (1 new), 0 missing, 0 misses, 0 unused interactions, 0 expired\n  new      cassettes/new.json\n',
    );
    const json = JSON.parse(readFileSync(join(root, 'reports', 'lc.json'), 'utf8')) as {
      run: unknown;
      totals: { cassettes: number };
    };
    expect(json.run).toEqual({ reason: 'passed', tests: 3, failed: 0, skipped: 1 });
    expect(json.totals.cassettes).toBe(2);
    expect(reporter.getLastError()).toBeUndefined();
  });

  it('prints nothing when no cassette was opened, unless asked to', () => {
    root = mkdtempSync(join(tmpdir(), 'lc-jest-reporter-'));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    new LambdaCassetteJestReporter({ rootDir: root }).onRunComplete(undefined, passed);
    expect(stderr).not.toHaveBeenCalled();
    new LambdaCassetteJestReporter({ rootDir: root }, { silentWhenUnused: false, json: true }).onRunComplete(
      undefined,
      passed,
    );
    expect(JSON.parse(String(stderr.mock.calls[0]![0]))).toMatchObject({
      run: { reason: 'passed' },
      totals: { cassettes: 0 },
    });
  });
});

describe('jestRunOutcome', () => {
  it('reads failed tests, suites that failed to run and interruptions as prune must not trust the run', () => {
    expect(jestRunOutcome({ ...passed, numFailedTests: 1 })).toMatchObject({ reason: 'failed', failed: 1 });
    expect(jestRunOutcome({ ...passed, numFailedTestSuites: 1 }).reason).toBe('failed');
    expect(jestRunOutcome({ ...passed, wasInterrupted: true }).reason).toBe('interrupted');
    expect(jestRunOutcome({ ...passed, numTodoTests: 2 }).skipped).toBe(3);
  });
});
