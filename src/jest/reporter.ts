/**
 * `lambda-cassette/jest-reporter`: a Jest reporter that prints, at the end of a run, what every
 * cassette did (replayed, recorded, new, missing, misses, unused and expired interactions): the
 * summary `lambda-cassette/vitest-reporter` prints for vitest, with the same JSON for
 * `lambda-cassette prune --from`.
 *
 * Test files tell it through files: every double appends one line to a file of its own process in a
 * folder the reporter creates and names in `LAMBDA_CASSETTE_REPORT_DIR` when Jest constructs it,
 * before any test file runs (workers inherit the variable; in-band runs read it directly).
 *
 * @example
 * // jest.config.js
 * reporters: ['default', ['lambda-cassette/jest-reporter', { outputFile: 'lambda-cassette-report.json' }]]
 * @packageDocumentation
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pc from 'picocolors';
import { REPORT_DIR_ENV } from '../report/run-report-sink.js';
import { readCassetteRuns, summarizeRuns, type RunOutcome, type RunSummary } from '../report/run-summary.js';
import { formatRunSummary } from '../report/format-run-summary.js';

export type { RunSummary, CassetteSummary, RunOutcome } from '../report/run-summary.js';
export type { CassetteRun, UnusedEntry } from '../report/cassette-run.js';

/** Options of the reporter (the second element of its `reporters` entry), as for the vitest reporter. */
export interface LambdaCassetteJestReporterOptions {
  /** Print the summary as JSON (a {@link RunSummary}) instead of text, for CI. */
  json?: boolean;
  /** Also write the JSON summary to this file (relative to Jest's `rootDir`); `lambda-cassette prune --from` reads it. */
  outputFile?: string;
  /** Print nothing when no cassette was opened (default true). */
  silentWhenUnused?: boolean;
}

/** The parts of Jest's `GlobalConfig` the reporter reads (structural: Jest 29 and 30 fit). */
interface GlobalConfigLike {
  rootDir: string;
}

/** The parts of Jest's `AggregatedResult` the reporter reads. */
interface AggregatedResultLike {
  numTotalTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  numFailedTestSuites?: number;
  numRuntimeErrorTestSuites?: number;
  wasInterrupted?: boolean;
}

/** How the run went, in the vitest reporter's words (`prune` trusts only complete, passing runs). */
export function jestRunOutcome(results: AggregatedResultLike): RunOutcome {
  const failed = results.numFailedTests;
  // Not `success`: Jest sets it only after the reporters' onRunComplete.
  const broken = failed > 0 || (results.numFailedTestSuites ?? 0) > 0 || (results.numRuntimeErrorTestSuites ?? 0) > 0;
  return {
    reason: results.wasInterrupted ? 'interrupted' : broken ? 'failed' : 'passed',
    tests: results.numTotalTests,
    failed,
    skipped: results.numPendingTests + (results.numTodoTests ?? 0),
  };
}

/** The reporter; Jest constructs it with its global config and the options of its `reporters` entry. */
export default class LambdaCassetteJestReporter {
  readonly #options: LambdaCassetteJestReporterOptions;
  readonly #root: string;
  readonly #dir: string;
  readonly #previousEnv: string | undefined;

  constructor(globalConfig: GlobalConfigLike, options: LambdaCassetteJestReporterOptions = {}) {
    this.#options = options ?? {};
    this.#root = globalConfig.rootDir;
    this.#dir = mkdtempSync(path.join(os.tmpdir(), 'lambda-cassette-run-'));
    this.#previousEnv = process.env[REPORT_DIR_ENV];
    // Jest constructs reporters before it starts workers or test environments, which copy this.
    process.env[REPORT_DIR_ENV] = this.#dir;
    process.once('exit', () => this.#cleanUp());
  }

  /** A new run (watch mode re-runs too) starts from an empty folder. */
  onRunStart(): void {
    rmSync(this.#dir, { recursive: true, force: true });
    mkdirSync(this.#dir, { recursive: true });
  }

  onRunComplete(_contexts: unknown, results: AggregatedResultLike): void {
    const summary: RunSummary = { run: jestRunOutcome(results), ...summarizeRuns(readCassetteRuns(this.#dir)) };
    const outputFile = this.#options.outputFile ? path.resolve(this.#root, this.#options.outputFile) : undefined;
    if (outputFile) {
      mkdirSync(path.dirname(outputFile), { recursive: true });
      writeFileSync(outputFile, `${JSON.stringify(summary, null, 2)}\n`);
    }
    if (summary.totals.cassettes === 0 && this.#options.silentWhenUnused !== false) return;
    // stderr, where Jest's own reporters write: `jest --json` keeps stdout for its JSON.
    const text = this.#options.json
      ? JSON.stringify(summary, null, 2)
      : formatRunSummary(summary, this.#root, pc.createColors(process.stderr.isTTY === true), outputFile).trimEnd();
    process.stderr.write(`${text}\n`);
  }

  /** Jest asks every reporter whether it failed the run; this one never does. */
  getLastError(): Error | undefined {
    return undefined;
  }

  #cleanUp(): void {
    rmSync(this.#dir, { recursive: true, force: true });
    if (this.#previousEnv === undefined) delete process.env[REPORT_DIR_ENV];
    else process.env[REPORT_DIR_ENV] = this.#previousEnv;
  }
}

export { LambdaCassetteJestReporter };
