/**
 * What a writer killed mid-update (SIGKILL, OOM, a closed laptop lid) leaves behind, and how the next
 * writer clears it at once instead of waiting for the lock to go stale.
 *
 * proper-lockfile's lock is a directory whose mtime the holder refreshes; only its age says the
 * holder is gone, so a crash blocked every other writer for `staleMs` (10 s). Next to the lock we keep
 * `<file>.lock-holder`: the holder's pid and host, and the identity of the lock directory it created
 * (inode and birth time), so an old note never vouches for a newer lock. A waiter that finds a note
 * for this very lock, from this host, whose process no longer exists, removes the lock and retries.
 * The note sits beside the directory, not in it: writing into the directory would change its mtime,
 * which proper-lockfile reads as someone else having taken the lock over.
 *
 * A holder killed between creating the lock and writing its note (or between forgetting its note
 * and removing the lock) leaves a lock no note vouches for. A live holder notes its lock within
 * milliseconds of taking it, so a lock without a note that is older than {@link UNNOTED_LOCK_GRACE_MS}
 * is a dead holder's too. Removals go through a second lock held for milliseconds (`<lock>-reap`, cleared by anyone once
 * 150 ms old: its holder died), so two
 * waiters never both remove: the second would remove the lock the first has just taken.
 */
import { hostname } from 'node:os';
import { mkdir, readdir, readFile, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

interface HolderNote {
  pid: number;
  host: string;
  ino: number;
  birth: number;
}

const holderFile = (lockPath: string) => `${lockPath}-holder`;
const reapDir = (lockPath: string) => `${lockPath}-reap`;

/** How long a lock may go without its holder's note before it counts as a dead holder's. */
const UNNOTED_LOCK_GRACE_MS = 300;
// A reaper killed mid-removal leaves its `-reap` directory: older than this, anyone clears it.
const REAP_STALE_MS = 150;

async function lockIdentity(lockPath: string): Promise<{ ino: number; birth: number; changed: number } | undefined> {
  try {
    const s = await stat(lockPath);
    // ctime, not mtime: proper-lockfile sets the lock's mtime up to a second ahead (to probe its precision).
    return { ino: s.ino, birth: s.birthtimeMs, changed: s.ctimeMs };
  } catch {
    return undefined;
  }
}

async function readNote(lockPath: string): Promise<HolderNote | undefined> {
  try {
    return JSON.parse(await readFile(holderFile(lockPath), 'utf8')) as HolderNote;
  } catch {
    // None, or half-written by a holder killed while writing it.
    return undefined;
  }
}

/** Whether the lock as it is now belongs to a dead holder: one its note names, or one that died before noting. */
async function heldByDeadProcess(lockPath: string): Promise<{ ino: number } | undefined> {
  const identity = await lockIdentity(lockPath);
  if (!identity) return undefined;
  const note = await readNote(lockPath);
  if (note !== undefined && note.ino === identity.ino && note.birth === identity.birth) {
    return note.host === hostname() && note.pid !== process.pid && !processAlive(note.pid) ? identity : undefined;
  }
  return Date.now() - identity.changed > UNNOTED_LOCK_GRACE_MS ? identity : undefined;
}

/** Whether process `pid` exists on this machine (EPERM: it does, under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Called right after taking the lock: notes who holds it. Best effort; without a note waiters fall back to staleness. */
export async function noteHolder(lockPath: string): Promise<void> {
  const identity = await lockIdentity(lockPath);
  if (!identity) return;
  const note: HolderNote = { pid: process.pid, host: hostname(), ...identity };
  await writeFile(holderFile(lockPath), JSON.stringify(note)).catch(() => {});
}

/** Called right before releasing the lock. */
export async function forgetHolder(lockPath: string): Promise<void> {
  await unlink(holderFile(lockPath)).catch(() => {});
}

/**
 * Removes the lock at `lockPath` when it belongs to a dead process of this host (see the top of this
 * file). Returns whether the caller should retry at once: the lock is gone.
 */
export async function removeLockOfDeadHolder(lockPath: string): Promise<boolean> {
  if (!(await heldByDeadProcess(lockPath))) return false;
  try {
    await mkdir(reapDir(lockPath));
  } catch {
    // Another waiter is removing it; a reaper that died mid-removal is cleared once it is old.
    const reaper = await stat(reapDir(lockPath)).catch(() => undefined);
    if (reaper && Date.now() - reaper.mtimeMs > REAP_STALE_MS) await rmdir(reapDir(lockPath)).catch(() => {});
    return false;
  }
  try {
    // Judged again under the reap lock: another waiter may have removed it and taken a new one meanwhile.
    const dead = await heldByDeadProcess(lockPath);
    if (!dead) return (await lockIdentity(lockPath)) === undefined;
    const note = await readNote(lockPath);
    if (note?.ino === dead.ino) await unlink(holderFile(lockPath)).catch(() => {});
    await rmdir(lockPath);
    return true;
  } catch (e) {
    // ENOENT: gone already; anything else: leave it to staleness.
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  } finally {
    await rmdir(reapDir(lockPath)).catch(() => {});
  }
}

/**
 * Deletes the temp files (see write-cassette-atomic.ts: `.<name>.<pid>.<random>.tmp`) that writers of
 * `file` killed before their rename left behind. Only files of processes that no longer exist: a
 * live process may be writing one right now.
 */
export async function removeCrashedTempFiles(file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid))
      await unlink(path.join(dir, name)).catch(() => {});
  }
}
