import { CassetteExpiredError } from '../common/replay-errors.js';
import type { Answer } from './responder.js';

/**
 * The requests a double found no answer for, which `close()` rejects naming: one entry per request,
 * since an SDK's retry of a request that missed misses again and says nothing new.
 */
export class MissLog {
  /** Replay misses, each the whole explanation. */
  readonly misses: string[] = [];
  /** Requests refused because their recording is older than maxAge (onExpired: 'error'). */
  readonly expired: CassetteExpiredError[] = [];

  /** Notes `answer` when it is a miss; `attempt` is the SDK's retry attempt of the request. */
  note(answer: Answer, attempt: number): void {
    const miss = answer.miss;
    if (miss === undefined) return;
    if (answer.outcome.kind === 'failure' && answer.outcome.error instanceof CassetteExpiredError) {
      if (attempt <= 1 || !this.expired.some((e) => e.message === miss)) this.expired.push(answer.outcome.error);
    } else if (attempt <= 1 || !this.misses.includes(miss)) this.misses.push(miss);
  }

  clear(): void {
    this.misses.length = 0;
    this.expired.length = 0;
  }
}
