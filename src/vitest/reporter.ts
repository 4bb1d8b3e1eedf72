/**
 * `lambda-cassette/vitest-reporter`: a vitest reporter that prints, at the end of a run, what every
 * cassette did: replayed, recorded, newly created, missing, misses, unused and expired interactions.
 *
 * Workers tell it through files, not task meta: every double (from `useLambdaCassette` or a plain
 * `openCassette`, in any test or hook) appends one line to a file of its own process in a folder the
 * reporter creates and names in `LAMBDA_CASSETTE_REPORT_DIR` before the workers start.
 *
 * @example
 * // vitest.config.ts
 * reporters: ['default', ['lambda-cassette/vitest-reporter', { outputFile: 'lambda-cassette-report.json' }]]
 * @packageDocumentation
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pc from 'picocolors';
import { REPORT_DIR_ENV } from '../report/run-report-sink.js';
import { readCassetteRuns, summarizeRuns, type RunOutcome, type RunSummary } from '../report/run-summary.js';
import { formatRunSummary } from '../report/format-run-summary.js';
import { portableSummary } from '../report/portable-summary.js';

export type { RunSummary, CassetteSummary, RunOutcome } from '../report/run-summary.js';
export type { PortableRunSummary } from '../report/portable-summary.js';
export type { CassetteRun, UnusedEntry } from '../report/cassette-run.js';

/** Options of the reporter (the second element of its `reporters` entry). */
export interface LambdaCassetteReporterOptions {
  /** Print the summary as JSON (a {@link RunSummary}) instead of text, for CI. */
  json?: boolean;
  /** Also write the JSON summary to this file (relative to the vitest root); `lambda-cassette prune --from` reads it. */
  outputFile?: string;
  /** Print nothing when no cassette was opened (default true). */
  silentWhenUnused?: boolean;
}

/** The parts of vitest's `Vitest` object the reporter uses (kept structural, so any vitest 3-5 fits). */
interface VitestLike {
  config: { root: string };
  logger: { log(...args: unknown[]): void };
}

/** The parts of vitest's `TestModule` the reporter reads. */
interface TestModuleLike {
  children: { allTests(): Iterable<{ result(): { state: string } }> };
}

function runOutcome(testModules: readonly TestModuleLike[], reason: string): RunOutcome {
  const outcome: RunOutcome = { reason, tests: 0, failed: 0, skipped: 0 };
  for (const module of testModules) {
    for (const test of module.children.allTests()) {
      outcome.tests += 1;
      const state = test.result().state;
      if (state === 'failed') outcome.failed += 1;
      else if (state !== 'passed') outcome.skipped += 1;
    }
  }
  return outcome;
}

/** The reporter; vitest constructs it with the options of its `reporters` entry. */
export default class LambdaCassetteReporter {
  readonly #options: LambdaCassetteReporterOptions;
  #dir: string | undefined;
  #previousEnv: string | undefined;
  #vitest: VitestLike | undefined;

  constructor(options: LambdaCassetteReporterOptions = {}) {
    this.#options = options;
  }

  onInit(vitest: VitestLike): void {
    this.#vitest = vitest;
    this.#dir = mkdtempSync(path.join(os.tmpdir(), 'lambda-cassette-run-'));
    this.#previousEnv = process.env[REPORT_DIR_ENV];
    // Workers are started after this and inherit the environment.
    process.env[REPORT_DIR_ENV] = this.#dir;
    process.once('exit', () => this.#cleanUp());
  }

  /** A new run (watch mode re-runs too) starts from an empty folder. */
  onTestRunStart(): void {
    if (!this.#dir) return;
    rmSync(this.#dir, { recursive: true, force: true });
    mkdirSync(this.#dir, { recursive: true });
  }

  onTestRunEnd(testModules: readonly TestModuleLike[] = [], _errors: unknown = [], reason = 'passed'): void {
    if (!this.#dir || !this.#vitest) return;
    const summary: RunSummary = { run: runOutcome(testModules, reason), ...summarizeRuns(readCassetteRuns(this.#dir)) };
    this.#print(summary, this.#vitest);
  }

  #print(summary: RunSummary, vitest: VitestLike): void {
    const root = vitest.config.root;
    const outputFile = this.#options.outputFile ? path.resolve(root, this.#options.outputFile) : undefined;
    // Names relative to the root: a report from a CI checkout names the same files in any checkout.
    const portable = portableSummary(summary, root, outputFile);
    if (outputFile) {
      mkdirSync(path.dirname(outputFile), { recursive: true });
      writeFileSync(outputFile, `${JSON.stringify(portable, null, 2)}\n`);
    }
    if (summary.totals.cassettes === 0 && this.#options.silentWhenUnused !== false) return;
    if (this.#options.json) vitest.logger.log(JSON.stringify(portable, null, 2));
    else vitest.logger.log(formatRunSummary(summary, root, pc, outputFile).trimEnd());
  }

  #cleanUp(): void {
    if (this.#dir) rmSync(this.#dir, { recursive: true, force: true });
    if (this.#previousEnv === undefined) delete process.env[REPORT_DIR_ENV];
    else process.env[REPORT_DIR_ENV] = this.#previousEnv;
  }
}

export { LambdaCassetteReporter };
