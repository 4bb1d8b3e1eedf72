/**
 * `lambda-cassette prune <paths...> --from <report.json>...`: drops the interactions a test run never
 * played (record mode keeps answers for requests it did not see, so cassettes only grow). Each report
 * is the JSON summary a run reporter writes (`outputFile`); several (one per CI shard) are merged: an
 * interaction is unused when no shard that opened its cassette played it. Interactions are matched by
 * fingerprint, so prune removes exactly those the run listed, wherever they sit in the file now.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCassette, writeCassetteAtomic } from '../cassette/index.js';
import { fingerprintOf } from '../report/cassette-run.js';
import { cassetteOfReport, type PortableRunSummary } from '../report/portable-summary.js';
import { functionLabel } from '../wire/lambda-address.js';
import type { CliIo } from './cli-io.js';
import { cassettePaths } from './cassette-paths.js';
import { UsageError } from '../common/cli-errors.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';

interface PruneOptions {
  /** The run summaries (JSON) written by the reporter's `outputFile`: one, or one per CI shard. */
  from?: string | string[];
  /** Report only; exit 1 when something would be removed, or a cassette file was opened by no test of a complete run. */
  check?: boolean;
  /** Use a report of a run that failed or skipped tests. */
  force?: boolean;
}

/** What pruning one file did. */
interface PruneResult {
  file: string;
  /** `not-in-report`: the run never opened this cassette, so nothing is known about it. */
  outcome: 'pruned' | 'would-prune' | 'unchanged' | 'not-in-report';
  removed: string[];
}

/** What the reports say, merged. */
interface PruneReport {
  /** The unused fingerprints per absolute cassette path (only cassettes some run opened). */
  unused: Map<string, Set<string>>;
  /** Whether every report is of a run that passed in full: then a cassette no run opened is one no test needs. */
  complete: boolean;
}

async function readOne(file: string, force: boolean): Promise<{ unused: Map<string, Set<string>>; complete: boolean }> {
  let report: PortableRunSummary;
  try {
    report = JSON.parse(await readFile(file, 'utf8')) as PortableRunSummary;
  } catch (e) {
    throw new UsageError(`--from ${file}: cannot read the report: ${(e as Error).message}`);
  }
  if (!Array.isArray(report?.cassettes)) {
    throw new UsageError(
      `--from ${file}: not a lambda-cassette run summary (no "cassettes" list); write one with the reporter's outputFile option`,
    );
  }
  const run = report.run;
  const passed = run !== undefined && run.reason === 'passed' && run.skipped === 0 && run.failed === 0;
  if (!force && run && !passed) {
    throw new UsageError(
      `--from ${file}: that run did not pass in full (${run.reason}, ${run.failed} failed, ${run.skipped} skipped of ${run.tests}); ` +
        'interactions of tests that did not run look unused. Re-run the whole suite, or pass --force.',
    );
  }
  const unused = new Map<string, Set<string>>();
  for (const c of report.cassettes)
    unused.set(cassetteOfReport(c.cassette, file, report.root), new Set((c.unused ?? []).map((u) => u.fingerprint)));
  return { unused, complete: passed };
}

/** Reads and merges reports: a cassette several shards opened keeps only what none of them played. */
async function readPruneReports(files: readonly string[], force: boolean): Promise<PruneReport> {
  const merged: PruneReport = { unused: new Map(), complete: files.length > 0 };
  for (const file of files) {
    const one = await readOne(file, force);
    merged.complete &&= one.complete;
    for (const [cassette, fingerprints] of one.unused) {
      const seen = merged.unused.get(cassette);
      merged.unused.set(cassette, seen ? new Set([...seen].filter((f) => fingerprints.has(f))) : fingerprints);
    }
  }
  return merged;
}

/** Prunes one file (atomically), or says what it would remove. */
async function pruneFile(file: string, unused: Map<string, Set<string>>, check: boolean): Promise<PruneResult> {
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
  const from = typeof options.from === 'string' ? [options.from] : (options.from ?? []);
  if (from.length === 0)
    throw new UsageError(
      'prune needs --from <report.json>: the run summary the reporter writes (reporter option outputFile); repeat --from for each CI shard',
    );
  const report = await readPruneReports(from, options.force === true);
  const files = await cassettePaths(paths);
  if (report.unused.size > 0 && files.length > 0 && !files.some((f) => report.unused.has(path.resolve(f)))) {
    // Every file "left alone" would pass --check while checking nothing.
    throw new UsageError(
      `the report${from.length > 1 ? 's name' : ' names'} ${report.unused.size} cassette(s), none of them among ${paths.join(', ')}: ` +
        `the first is ${[...report.unused.keys()][0]}. Run prune from the project the report was written in, with the cassette folder the tests use.`,
    );
  }
  const c = io.color;
  let pending = 0;
  for (const file of files) {
    const r = await pruneFile(file, report.unused, options.check === true);
    let what: string;
    if (r.outcome === 'pruned')
      what = c.green(`removed ${r.removed.length} unused interaction(s): ${r.removed.join(', ')}`);
    else if (r.outcome === 'would-prune')
      what = c.yellow(`would remove ${r.removed.length} unused interaction(s): ${r.removed.join(', ')}`);
    else if (r.outcome === 'unchanged') what = c.dim('unchanged (the run played every interaction)');
    else if (report.complete) what = c.yellow('no test of the run opened it: delete the file if no test needs it');
    else what = c.dim('left alone (the run did not open it)');
    if (r.outcome === 'would-prune' || (r.outcome === 'not-in-report' && report.complete && options.check)) pending++;
    io.out(`${c.bold(file)}: ${what}\n`);
  }
  return pending > 0 ? EXIT_FINDINGS : EXIT_OK;
}
