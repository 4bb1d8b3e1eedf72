/**
 * A run summary as it is written to a file: cassettes named relative to the project root, with
 * forward slashes, so a report written in a CI checkout (`/home/runner/work/app/app/...`) names the
 * same files in any other checkout. `root` says where the project root is, relative to the report
 * file's folder; `lambda-cassette prune --from` resolves the names against it.
 */
import path from 'node:path';
import type { RunSummary } from './run-summary.js';

/** A summary written to a file. `root` is absent from reports written before names were relative (they hold absolute paths). */
export interface PortableRunSummary extends RunSummary {
  /** The project root, relative to the folder of the report file (`.` when they are the same). */
  root?: string;
}

/** `file` relative to `root` with `/` separators; left absolute when it lies outside the root. */
export function relativeToRoot(file: string, root: string): string {
  if (!path.isAbsolute(file)) return file.split(path.sep).join('/');
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}

/** The summary with every cassette named relative to `root`; `reportFile`, when given, is where it will be written. */
export function portableSummary(summary: RunSummary, root: string, reportFile?: string): PortableRunSummary {
  const name = (file: string) => relativeToRoot(file, root);
  const cassettes = summary.cassettes.map((c) => ({
    ...c,
    cassette: name(c.cassette),
    unused: c.unused.map((u) => ({ ...u, cassette: name(u.cassette) })),
  }));
  const where = reportFile
    ? path
        .relative(path.dirname(path.resolve(root, reportFile)), root)
        .split(path.sep)
        .join('/') || '.'
    : '.';
  return { ...summary, cassettes, root: where };
}

/** The absolute path of a cassette a report names: relative names against the report's root, absolute ones as they are. */
export function cassetteOfReport(name: string, reportFile: string, root: string | undefined): string {
  return path.resolve(path.dirname(path.resolve(reportFile)), root ?? '.', name);
}
