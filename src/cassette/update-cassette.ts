import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CassetteError } from '../common/cassette-errors.js';
import type { Cassette } from './cassette-types.generated.js';
import { loadCassette, type LoadCassetteOptions } from './load-cassette.js';
import { writeCassetteAtomic } from './write-cassette-atomic.js';
import { staysInside } from './real-path-inside.js';
import { forgetHolder, noteHolder, removeCrashedTempFiles, removeLockOfDeadHolder } from './crashed-writer.js';

/** Options of {@link updateCassette}. */
interface UpdateCassetteOptions extends LoadCassetteOptions {
  /**
   * How long to wait for another process to release the cassette, in ms (default 60 000). Waiting
   * is normal: several vitest workers recording into one cassette take turns.
   */
  lockTimeoutMs?: number;
  /**
   * A lock not refreshed for this long, in ms, belongs to a dead process and is taken over
   * (default 10 000; the holder refreshes it every `staleMs / 2`). A lock whose holder is a process
   * of this machine that no longer exists is taken over at once.
   */
  staleMs?: number;
  /**
   * The cassette folder: when given, nothing is created or written unless `file` still lies inside it
   * once symbolic links are followed (checked again right before writing: a folder may have been
   * swapped for a link since the cassette was opened).
   */
  root?: string;
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
  checkInsideRoot(file, options.root);
  // The lock directory is created next to the cassette, so its directory must exist first.
  await mkdir(path.dirname(path.resolve(file)), { recursive: true }).catch((cause: Error) => {
    throw new CassetteError('LC_CASSETTE_WRITE', file, `cannot create the cassette's directory: ${cause.message}`, {
      cause,
    });
  });

  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await acquireLock(file, lockPath, lockTimeoutMs, staleMs, (err) => {
      compromised = err;
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
    throw new CassetteError(
      'LC_CASSETTE_WRITE',
      file,
      `cannot lock the cassette (${lockPath}): ${(cause as Error).message}`,
      {
        cause,
      },
    );
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
    checkInsideRoot(file, options.root);
    await writeCassetteAtomic(file, next);
    return next;
  } finally {
    await forgetHolder(lockPath);
    // Releasing a compromised lock rejects; the write outcome above is what matters.
    await release().catch(() => {});
  }
}

/**
 * Takes the lock, waiting with randomized exponential backoff (capped low, so a waiting worker
 * notices a release quickly) up to `timeoutMs`. A lock whose holder is a dead process of this
 * machine is removed at once (see crashed-writer.ts); one from elsewhere goes stale after `staleMs`.
 */
async function acquireLock(
  file: string,
  lockPath: string,
  timeoutMs: number,
  staleMs: number,
  onCompromised: (err: Error) => void,
): Promise<() => Promise<void>> {
  // Loaded here: only runs that write cassettes need it (and it patches `fs` through graceful-fs).
  const { default: lockfile } = await import('proper-lockfile');
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      // The cassette may not exist yet, and realpath would require it to. The default
      // onCompromised throws from a timer, crashing the process; the caller refuses to write instead.
      const release = await lockfile.lock(file, { realpath: false, stale: staleMs, retries: 0, onCompromised });
      await noteHolder(lockPath);
      await removeCrashedTempFiles(file);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
      if (await removeLockOfDeadHolder(lockPath)) continue;
      if (Date.now() >= deadline) throw e;
      const backoff = Math.min(MAX_BACKOFF_MS, 5 * 1.5 ** attempt) * (0.5 + Math.random() / 2);
      await sleep(Math.min(backoff, Math.max(0, deadline - Date.now())));
    }
  }
}

function checkInsideRoot(file: string, root: string | undefined): void {
  if (root === undefined || staysInside(file, root)) return;
  throw new CassetteError(
    'LC_CASSETTE_WRITE',
    file,
    `refusing to write: the path now leads outside the cassette folder "${root}" through a symbolic link; nothing was written. Replace the link with a real folder.`,
  );
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
