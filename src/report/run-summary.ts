/**
 * The whole run, summed from every double's {@link CassetteRun}: per cassette file, then totals. A
 * cassette opened by several tests counts an interaction as unused only when no open played it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CassetteRun } from './cassette-run.js';

/** One cassette file over the whole run: a {@link CassetteRun} summed over every double that opened it. */
export interface CassetteSummary extends Omit<CassetteRun, 'mode'> {
  /** How many doubles opened it. */
  opened: number;
}

/** How the test run itself went: `prune` trusts only complete, passing runs. */
export interface RunOutcome {
  /** vitest's reason: `passed`, `failed` or `interrupted`. */
  reason: string;
  tests: number;
  failed: number;
  /** Skipped or filtered out (`.skip`, `-t`): their cassettes' interactions look unused without being so. */
  skipped: number;
}

/** The run summary the reporter prints (and writes as JSON). */
export interface RunSummary {
  /** Set by the reporter. */
  run?: RunOutcome;
  cassettes: CassetteSummary[];
  totals: {
    /** Cassettes opened at least once. */
    cassettes: number;
    /** Cassettes that answered at least one request from their recording. */
    replayed: number;
    /** Cassettes that recorded at least one answer. */
    recorded: number;
    /** Cassettes written where there was no file. */
    created: number;
    /** Cassettes asked for in replay mode that did not exist. */
    missing: number;
    /** Requests that found no recorded answer. */
    misses: number;
    /** Recorded interactions no test played. */
    unused: number;
    /** Expired interactions met. */
    expired: number;
  };
}

/** Every report line in `dir` (files of the sink). */
export function readCassetteRuns(dir: string): CassetteRun[] {
  const runs: CassetteRun[] = [];
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch {
    return runs;
  }
  for (const file of files) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      // A worker killed mid-write leaves at most one partial last line.
      if (line.trim() === '') continue;
      try {
        runs.push(JSON.parse(line) as CassetteRun);
      } catch {
        // skipped
      }
    }
  }
  return runs;
}

function merge(into: CassetteSummary, run: CassetteRun): void {
  into.opened += 1;
  into.replayed += run.replayed;
  into.recorded += run.recorded;
  into.created ||= run.created;
  into.missing ||= run.missing;
  into.misses.push(...run.misses);
  into.expired += run.expired;
  if (run.notRecorded) into.notRecorded = (into.notRecorded ?? 0) + run.notRecorded;
  // Unused by every open: keep only what this open did not play either.
  const stillUnused = new Set(run.unused.map((u) => u.fingerprint));
  into.unused = into.unused.filter((u) => stillUnused.has(u.fingerprint));
}

/** Sums runs per cassette file, in file order. */
export function summarizeRuns(runs: readonly CassetteRun[]): RunSummary {
  const byFile = new Map<string, CassetteSummary>();
  for (const run of runs) {
    const current = byFile.get(run.cassette);
    if (current) merge(current, run);
    else
      byFile.set(run.cassette, {
        cassette: run.cassette,
        opened: 1,
        replayed: run.replayed,
        recorded: run.recorded,
        created: run.created,
        missing: run.missing,
        misses: [...run.misses],
        unused: [...run.unused],
        expired: run.expired,
        ...(run.notRecorded ? { notRecorded: run.notRecorded } : {}),
      });
  }
  const cassettes = [...byFile.values()].sort((a, b) => a.cassette.localeCompare(b.cassette));
  const count = (test: (c: CassetteSummary) => boolean) => cassettes.filter(test).length;
  const sum = (pick: (c: CassetteSummary) => number) => cassettes.reduce((n, c) => n + pick(c), 0);
  return {
    cassettes,
    totals: {
      cassettes: cassettes.length,
      replayed: count((c) => c.replayed > 0),
      recorded: count((c) => c.recorded > 0),
      created: count((c) => c.created),
      missing: count((c) => c.missing),
      misses: sum((c) => c.misses.length),
      unused: sum((c) => c.unused.length),
      expired: sum((c) => c.expired),
    },
  };
}
