/**
 * What `verifyCassette()` returns and `lambda-cassette verify --json` prints (the same object;
 * schema/verify-report.schema.json describes it), and the one-line-per-interaction text form.
 */
import type { OutcomeSummary } from './compare-outcome.js';

/** How one recorded interaction fared against the live endpoint. */
export interface VerifiedInteraction {
  /** The cassette file, as given. */
  cassette: string;
  /** Position in the cassette, from 0. */
  index: number;
  /** `name` or `name:qualifier`. */
  function: string;
  /** `same`: the live answer says what the recording says; `drifted`: it does not; `failed`: no answer (unreachable, signing failed). */
  outcome: 'same' | 'drifted' | 'failed';
  recorded: OutcomeSummary;
  /** Absent when the request failed. */
  live?: OutcomeSummary;
  /** What changed (`status 202 → 404`, `error type none → ResourceNotFoundException`, `body $.x: 1 → 2`); empty when same. */
  changes: string[];
  /** Why the request failed, for `failed`. */
  error?: string;
}

/** The whole check. */
export interface VerifyReport {
  /** The endpoint requests were re-sent to. */
  target: string;
  /** Whether requests were signed with the default AWS credential chain. */
  signed: boolean;
  /** Whether requests were sent as `Invoke` DryRun (nothing ran; only callability was checked). */
  dryRun?: boolean;
  /** The cassette files checked, in order. */
  cassettes: string[];
  interactions: VerifiedInteraction[];
  summary: { interactions: number; same: number; drifted: number; failed: number };
}

/** Counts outcomes. */
export function summarizeReport(interactions: readonly VerifiedInteraction[]): VerifyReport['summary'] {
  const count = (o: VerifiedInteraction['outcome']) => interactions.filter((i) => i.outcome === o).length;
  return { interactions: interactions.length, same: count('same'), drifted: count('drifted'), failed: count('failed') };
}

/** Colour functions, identity when colour is off. */
interface Paint {
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

/** `same    cassettes/a.json #1 orders-fn (202)` / `drifted cassettes/a.json #2 orders-fn: status 202 → 404; ...`. */
export function formatInteraction(i: VerifiedInteraction, c: Paint): string {
  const where = `${i.cassette} #${i.index + 1} ${c.bold(i.function)}`;
  if (i.outcome === 'same')
    return `${c.green('same   ')} ${where} ${c.dim(`(${i.recorded.status}${i.recorded.errorType ? ` ${i.recorded.errorType}` : ''})`)}`;
  if (i.outcome === 'failed') return `${c.yellow('failed ')} ${where}: ${i.error ?? 'no answer'}`;
  return `${c.red('drifted')} ${where}: ${i.changes.join('; ')}`;
}

/** The closing line. */
export function formatSummary(report: VerifyReport, c: Paint): string {
  const s = report.summary;
  const parts = [c.green(`${s.same} same`), s.drifted ? c.red(`${s.drifted} drifted`) : `${s.drifted} drifted`];
  if (s.failed) parts.push(c.yellow(`${s.failed} failed`));
  return `${s.interactions} interaction(s) in ${report.cassettes.length} cassette(s) against ${report.target}${report.signed ? ' (signed)' : ''}${report.dryRun ? ' (DryRun: nothing ran)' : ''}: ${parts.join(', ')}`;
}
