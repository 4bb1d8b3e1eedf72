/**
 * Closing a test's double without saying twice what the test already said. A replay miss fails the
 * request with a `CassetteMissError` whose message (the request, how to re-record, the closest
 * recordings) usually fails the test; `close()` then rejects with an `UnmatchedRequestsError` that
 * repeats the same text, and vitest prints both. When the test's errors already hold a miss, the
 * close error names it by its first line only; misses the code swallowed (fire-and-forget
 * invocations) keep their whole text, as `close()` is the only place they show.
 */
import { UnmatchedRequestsError } from '../common/replay-errors.js';
import type { LambdaDouble } from '../api/lambda-double.js';

/** The parts of a vitest task that hold its errors so far (vitest 3-5). */
export interface TaskWithErrors {
  result?: { errors?: ReadonlyArray<{ message?: unknown }> };
}

const firstLine = (text: string) => text.split('\n')[0]!;

/** `close()` of `double`, with misses the test already reported shortened to one line. */
export async function closeAfterTest(double: LambdaDouble, task: TaskWithErrors | undefined): Promise<void> {
  try {
    await double.close();
  } catch (error) {
    const shown = new Set(
      (task?.result?.errors ?? []).map((e) => (typeof e?.message === 'string' ? firstLine(e.message) : '')),
    );
    if (!(error instanceof UnmatchedRequestsError) || !error.requests.some((r) => shown.has(firstLine(r)))) throw error;
    const requests = error.requests.map((r) =>
      shown.has(firstLine(r)) ? `${firstLine(r)} (in full in the test's error above)` : r,
    );
    const shorter = new UnmatchedRequestsError(error.label, requests);
    throw Object.assign(shorter, { requests: error.requests });
  }
}
