/**
 * Recordings whose upstream answer has not arrived yet. Asynchronous invokes are usually fired and
 * forgotten, so `close()` can begin while the real function already runs: it waits for them (up to
 * `closeTimeout`), and past that bound names each one rather than write a cassette without them.
 */
import { RecordingIncompleteError } from '../common/recording-errors.js';
import { InvalidCloseTimeoutError } from '../common/recording-errors.js';

/** How long `close()` waits for recordings in flight by default, in milliseconds. */
export const DEFAULT_CLOSE_TIMEOUT_MS = 10_000;

/** `value` when it is a usable `closeTimeout`. */
export function checkCloseTimeout(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new InvalidCloseTimeoutError(value);
  return value;
}

export class InFlightRecordings {
  readonly #pending = new Map<Promise<unknown>, string>();

  /** Tracks `work` (labelled for the error) until it settles; returns it. */
  track<T>(label: string, work: Promise<T>): Promise<T> {
    this.#pending.set(work, label);
    const forget = () => void this.#pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  /**
   * Resolves once nothing is in flight; rejects with {@link RecordingIncompleteError} naming what
   * still is after `timeoutMs`.
   */
  async settle(file: string, timeoutMs: number): Promise<void> {
    if (this.#pending.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)));
    try {
      while (this.#pending.size > 0) {
        const done = Promise.allSettled([...this.#pending.keys()]).then(() => false as const);
        if (await Promise.race([done, expired])) break;
      }
    } finally {
      clearTimeout(timer);
    }
    if (this.#pending.size === 0) return;
    const waiting = [...this.#pending.values()].map(
      (label) => `${label}: no answer from the real endpoint within closeTimeout (${timeoutMs} ms)`,
    );
    throw new RecordingIncompleteError(file, waiting, 'were still waiting for their answer when close() gave up');
  }
}
