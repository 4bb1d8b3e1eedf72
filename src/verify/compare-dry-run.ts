/**
 * What a DryRun answer says about a recording. `Invoke` with `InvocationType: DryRun` checks that the
 * function (and alias or version) exists and that the caller may invoke it, and runs nothing: 204
 * when all holds, the error otherwise (404 ResourceNotFoundException, 403 AccessDeniedException...).
 * It cannot say whether the function still answers as recorded, only whether it can still be called
 * the way the recording calls it.
 */
import { decodeBody, type RecordedResponse } from '../cassette/index.js';
import type { WireResponse } from '../wire/wire-types.js';
import { summarize, type OutcomeSummary } from './compare-outcome.js';

const ok = (s: OutcomeSummary) => s.status < 300 && s.errorType === undefined;

/** Drift between a recording and a DryRun of its request: empty when the call would still go as recorded. */
export function compareDryRun(
  recorded: RecordedResponse,
  live: WireResponse,
): { recorded: OutcomeSummary; live: OutcomeSummary; changes: string[] } {
  const was = summarize(recorded.status, recorded.headers, decodeBody(recorded.body));
  const now = summarize(live.status, live.headers, live.body);
  // A recorded function error (x-amz-function-error) came from a function that exists and ran.
  const wasCallable = ok(was) || (was.status < 300 && was.errorType !== undefined);
  if (wasCallable && ok(now)) return { recorded: was, live: now, changes: [] };
  if (!wasCallable && !ok(now) && was.errorType === now.errorType) return { recorded: was, live: now, changes: [] };
  const before = wasCallable ? `callable (recorded ${was.status})` : `${was.status} ${was.errorType ?? 'error'}`;
  const after = ok(now) ? `callable (DryRun ${now.status})` : `${now.status} ${now.errorType ?? 'error'}`;
  return { recorded: was, live: now, changes: [`${before} → ${after}`] };
}
