/**
 * `lambda-cassette prune <paths...> --from <report.json>`: drops the interactions a test run never
 * played (record mode keeps answers for requests it did not see, so cassettes only grow). The report
 * is the JSON summary the vitest reporter writes (`outputFile`); interactions are matched by
 * fingerprint, so prune removes exactly those the run listed, wherever they sit in the file now.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCassette, writeCassetteAtomic } from '../cassette/index.js';
import { fingerprintOf } from '../report/cassette-run.js';
import { functionLabel } from '../wire/lambda-address.js';
import type { RunSummary } from '../report/run-summary.js';
import type { CliIo } from './cli-io.js';
import { cassettePaths } from './cassette-paths.js';
import { UsageError } from '../common/errors.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';

export interface PruneOptions {
  /** The run summary (JSON) written by the vitest reporter's `outputFile`. */
  from?: string;
  /** Report only; exit 1 when something would be removed. */
  check?: boolean;
  /** Use a report of a run that failed or skipped tests. */
  force?: boolean;
}

/** What pruning one file did. */
export interface PruneResult {
  file: string;
  /** `not-in-report`: the run never opened this cassette, so nothing is known about it. */
  outcome: 'pruned' | 'would-prune' | 'unchanged' | 'not-in-report';
  removed: string[];
}

/** The unused fingerprints per absolute cassette path, from a report file. */
export async function readPruneReport(file: string, force: boolean): Promise<Map<string, Set<string>>> {
  let report: RunSummary;
  try {
    report = JSON.parse(await readFile(file, 'utf8')) as RunSummary;
  } catch (e) {
    throw new UsageError(`--from ${file}: cannot read the report: ${(e as Error).message}`);
  }
  if (!Array.isArray(report?.cassettes)) {
    throw new UsageError(`--from ${file}: not a lambda-cassette run summary (no "cassettes" list); write one with the vitest reporter's outputFile option`);
  }
  const run = report.run;
  if (!force && run && (run.reason !== 'passed' || run.skipped > 0 || run.failed > 0)) {
    throw new UsageError(
      `--from ${file}: that run did not pass in full (${run.reason}, ${run.failed} failed, ${run.skipped} skipped of ${run.tests}); ` +
        'interactions of tests that did not run look unused. Re-run the whole suite, or pass --force.',
    );
  }
  const unused = new Map<string, Set<string>>();
  for (const c of report.cassettes) unused.set(path.resolve(c.cassette), new Set((c.unused ?? []).map((u) => u.fingerprint)));
  return unused;
}

/** Prunes one file (atomically), or says what it would remove. */
export async function pruneFile(file: string, unused: Map<string, Set<string>>, check: boolean): Promise<PruneResult> {
  const fingerprints = unused.get(path.resolve(file));
  if (!fingerprints) return { file, outcome: 'not-in-report', removed: [] };
  const cassette = await loadCassette(file);
  if (!cassette) throw new UsageError(`${file}: no such file`);
  const removed: string[] = [];
  const kept = cassette.interactions.filter((interaction, i) => {
    if (!fingerprints.has(fingerprintOf(interaction))) return true;
    removed.push(`#${i + 1} ${functionLabel(interaction.request)}`);
    return false;
  });
  if (removed.length === 0) return { file, outcome: 'unchanged', removed };
  if (!check) await writeCassetteAtomic(file, { ...cassette, interactions: kept });
  return { file, outcome: check ? 'would-prune' : 'pruned', removed };
}

export async function pruneCommand(paths: readonly string[], options: PruneOptions, io: CliIo): Promise<number> {
  if (!options.from) throw new UsageError('prune needs --from <report.json>: the run summary the vitest reporter writes (reporter option outputFile)');
  const unused = await readPruneReport(options.from, options.force === true);
  const files = await cassettePaths(paths);
  const c = io.color;
  let pending = 0;
  for (const file of files) {
    const r = await pruneFile(file, unused, options.check === true);
    const what =
      r.outcome === 'pruned'
        ? c.green(`removed ${r.removed.length} unused interaction(s): ${r.removed.join(', ')}`)
        : r.outcome === 'would-prune'
          ? c.yellow(`would remove ${r.removed.length} unused interaction(s): ${r.removed.join(', ')}`)
          : r.outcome === 'unchanged'
            ? c.dim('unchanged (the run played every interaction)')
            : c.dim('left alone (the run did not open it)');
    if (r.outcome === 'would-prune') pending++;
    io.out(`${c.bold(file)}: ${what}\n`);
  }
  return pending > 0 ? EXIT_FINDINGS : EXIT_OK;
}
