/**
 * Where doubles send their {@link CassetteRun} when they close: one JSON line per double, appended to
 * a file of this process (and thread) in the folder `LAMBDA_CASSETTE_REPORT_DIR` names. The vitest
 * reporter sets that variable before the workers start and reads the folder when the run ends; with
 * it unset (no reporter), nothing is written.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { CassetteRun } from './cassette-run.js';

/** The environment variable naming the folder runs are reported into. */
export const REPORT_DIR_ENV = 'LAMBDA_CASSETTE_REPORT_DIR';

/** Whether a reporter listens (so a double need not build its report otherwise). */
export function reporting(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env[REPORT_DIR_ENV]);
}

/** Appends `run` to this process's report file, when a reporter is listening. Never throws: a report is not worth failing a test for. */
export function reportCassetteRun(run: CassetteRun, env: NodeJS.ProcessEnv = process.env): void {
  const dir = env[REPORT_DIR_ENV];
  if (!dir) return;
  try {
    // Synchronous and one write per line: a worker killed right after its last test loses nothing.
    appendFileSync(path.join(dir, `${process.pid}-${threadId}.jsonl`), `${JSON.stringify(run)}\n`);
  } catch (e) {
    process.emitWarning(
      `lambda-cassette: could not report ${run.cassette} to the run summary: ${(e as Error).message}`,
    );
  }
}
