/** The run summary as the reporter prints it: one totals line, then one line per cassette worth a look. */
import { relativeToRoot } from './portable-summary.js';
import type { CassetteSummary, RunSummary } from './run-summary.js';

interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const PLAIN: Paint = { red: String, yellow: String, green: String, dim: String, bold: String };
/** Unused interactions listed per cassette before "and N more". */
const SHOWN = 5;

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Relative to the root when inside it, else absolute: `../../../tmp/x` helps nobody. */
function shown(file: string, root: string): string {
  return relativeToRoot(file, root);
}

function cassetteLines(c: CassetteSummary, root: string, p: Paint): string[] {
  const file = shown(c.cassette, root);
  const lines: string[] = [];
  if (c.missing) lines.push(`  ${p.red('missing')}  ${file}: no such cassette (replay mode)`);
  if (c.misses.length)
    lines.push(`  ${p.red('missed ')}  ${file}: ${plural(c.misses.length, 'request')} found no recorded answer`);
  if (c.notRecorded)
    lines.push(
      `  ${p.red('failed ')}  ${file}: ${plural(c.notRecorded, 'request')} could not be recorded, so nothing was written`,
    );
  if (c.expired) lines.push(`  ${p.yellow('expired')}  ${file}: ${plural(c.expired, 'interaction')} older than maxAge`);
  if (c.unused.length) {
    const shown = c.unused.slice(0, SHOWN).map((u) => `#${u.index + 1} ${u.function}`);
    const more = c.unused.length > SHOWN ? `, and ${c.unused.length - SHOWN} more` : '';
    lines.push(`  ${p.yellow('unused ')}  ${file}: ${shown.join(', ')}${more}`);
  }
  if (c.created) lines.push(`  ${p.green('new    ')}  ${file}`);
  return lines;
}

/** The summary in words; paths relative to `root`. */
export function formatRunSummary(summary: RunSummary, root: string, p: Paint = PLAIN, outputFile?: string): string {
  const t = summary.totals;
  const head =
    `${p.bold('lambda-cassette')}: ${plural(t.cassettes, 'cassette')}: ${t.replayed} replayed, ${t.recorded} recorded (${t.created} new), ` +
    `${t.missing} missing, ${plural(t.misses, 'miss', 'misses')}, ${plural(t.unused, 'unused interaction')}, ${t.expired} expired`;
  const lines = [head, ...summary.cassettes.flatMap((c) => cassetteLines(c, root, p))];
  const run = summary.run;
  // prune refuses a run that did not pass in full: suggesting it then only leads to that refusal.
  const complete = run === undefined || (run.reason === 'passed' && run.failed === 0 && run.skipped === 0);
  if (t.unused && outputFile && complete)
    lines.push(
      p.dim(`  drop the unused ones: npx lambda-cassette prune <cassettes dir> --from ${shown(outputFile, root)}`),
    );
  else if (t.unused && outputFile)
    lines.push(p.dim('  unused interactions can be pruned after a run in which every test ran and passed'));
  return `${lines.join('\n')}\n`;
}
