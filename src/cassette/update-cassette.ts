import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CassetteError } from '../common/errors.js';
import type { Cassette } from './cassette-types.generated.js';
import { loadCassette, type LoadCassetteOptions } from './load-cassette.js';
import { writeCassetteAtomic } from './write-cassette-atomic.js';

/** Options of {@link updateCassette}. */
export interface UpdateCassetteOptions extends LoadCassetteOptions {
  /**
   * How long to wait for another process to release the cassette, in ms (default 60 000). Waiting
   * is normal: several vitest workers recording into one cassette take turns.
   */
  lockTimeoutMs?: number;
  /**
   * A lock not refreshed for this long, in ms, belongs to a dead process and is taken over
   * (default 10 000; the holder refreshes it every `staleMs / 2`).
   */
  staleMs?: number;
}

/**
 * Changes a cassette safely when other processes may be changing it too: takes an inter-process
 * lock (`<file>.lock`, a directory), re-reads the file inside the lock, hands the current cassette
 * (undefined when there is none yet) to `update`, writes what it returns atomically, and releases
 * the lock. Because `update` always sees the latest file, merging in it (e.g. appending
 * interactions) loses nothing when several vitest workers record into one cassette.
 *
 * Calls for the same file within one process are queued rather than spinning on the lock.
 *
 * A cassette that fails to load is not overwritten: the load error is thrown and the file is left
 * for a person to look at.
 *
 * @returns the cassette as written.
 * @throws {CassetteError} any load error; `LC_CASSETTE_LOCK_TIMEOUT`, `LC_CASSETTE_LOCK_COMPROMISED`,
 * `LC_CASSETTE_SCHEMA` (when `update` returns an invalid cassette) or `LC_CASSETTE_WRITE`. Errors
 * thrown by `update` propagate unchanged, and the file is then left as it was.
 */
export function updateCassette(
  file: string,
  update: (current: Cassette | undefined) => Cassette | Promise<Cassette>,
  options: UpdateCassetteOptions = {},
): Promise<Cassette> {
  return inProcessQueue(path.resolve(file), () => updateLocked(file, update, options));
}

const MAX_BACKOFF_MS = 200;

async function updateLocked(
  file: string,
  update: (current: Cassette | undefined) => Cassette | Promise<Cassette>,
  options: UpdateCassetteOptions,
): Promise<Cassette> {
  const { lockTimeoutMs = 60_000, staleMs = 10_000 } = options;
  const lockPath = `${file}.lock`;
  // The lock directory is created next to the cassette, so its directory must exist first.
  await mkdir(path.dirname(path.resolve(file)), { recursive: true }).catch((cause: Error) => {
    throw new CassetteError('LC_CASSETTE_WRITE', file, `cannot create the cassette's directory: ${cause.message}`, { cause });
  });

  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    // Loaded here: only runs that write cassettes need it (and it patches `fs` through graceful-fs).
    const { default: lockfile } = await import('proper-lockfile');
    release = await lockfile.lock(file, {
      // The cassette may not exist yet, and realpath would require it to.
      realpath: false,
      stale: staleMs,
      // Randomized exponential backoff, capped low so a waiting worker notices a release quickly,
      // and bounded by time. Enough attempts to fill that time even at the cap, but no more: the
      // retry module precomputes (and sorts) one delay per attempt on every lock call.
      retries: {
        retries: Math.ceil(lockTimeoutMs / MAX_BACKOFF_MS) + 10,
        factor: 1.5,
        minTimeout: 5,
        maxTimeout: MAX_BACKOFF_MS,
        randomize: true,
        maxRetryTime: lockTimeoutMs,
      },
      // The default throws from a timer, crashing the process; note it and refuse to write instead.
      onCompromised: (err) => {
        compromised = err;
      },
    });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new CassetteError(
        'LC_CASSETTE_LOCK_TIMEOUT',
        file,
        `another process held the cassette's lock (${lockPath}) for more than ${lockTimeoutMs} ms. ` +
          'If no test run is writing this cassette, the lock is left over from a crash: delete it.',
        { cause },
      );
    }
    throw new CassetteError('LC_CASSETTE_WRITE', file, `cannot lock the cassette (${lockPath}): ${(cause as Error).message}`, {
      cause,
    });
  }

  try {
    const current = await loadCassette(file, options);
    const next = await update(current);
    if (compromised !== undefined) {
      // Another process may have taken the lock over as stale and written since we read: writing
      // now could drop its interactions.
      throw new CassetteError(
        'LC_CASSETTE_LOCK_COMPROMISED',
        file,
        `lost the cassette's lock (${lockPath}) before writing, nothing was written: ${compromised.message}`,
        { cause: compromised },
      );
    }
    await writeCassetteAtomic(file, next);
    return next;
  } finally {
    // Releasing a compromised lock rejects; the write outcome above is what matters.
    await release().catch(() => {});
  }
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task queued under `key` has settled. */
function inProcessQueue<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.then(
    () => {},
    () => {},
  );
  queues.set(key, settled);
  // Drop the entry once idle so a long test run does not keep one per cassette forever.
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}
