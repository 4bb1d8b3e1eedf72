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
 */
import { hostname } from 'node:os';
import { readdir, readFile, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

interface HolderNote {
  pid: number;
  host: string;
  ino: number;
  birth: number;
}

const holderFile = (lockPath: string) => `${lockPath}-holder`;

async function lockIdentity(lockPath: string): Promise<{ ino: number; birth: number } | undefined> {
  try {
    const s = await stat(lockPath);
    return { ino: s.ino, birth: s.birthtimeMs };
  } catch {
    return undefined;
  }
}

/** Whether process `pid` exists on this machine (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
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
 * Removes the lock at `lockPath` when its note says it belongs to a process of this host that no
 * longer exists. Returns whether it did (the caller then retries at once).
 */
export async function removeLockOfDeadHolder(lockPath: string): Promise<boolean> {
  let note: HolderNote;
  try {
    note = JSON.parse(await readFile(holderFile(lockPath), 'utf8')) as HolderNote;
  } catch {
    return false;
  }
  const identity = await lockIdentity(lockPath);
  const sameLock = identity !== undefined && identity.ino === note.ino && identity.birth === note.birth;
  if (!sameLock || note.host !== hostname() || note.pid === process.pid || processAlive(note.pid)) return false;
  await unlink(holderFile(lockPath)).catch(() => {});
  try {
    await rmdir(lockPath);
  } catch (e) {
    // ENOENT: another waiter removed it first; anything else: leave it to staleness.
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
  return true;
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
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid)) await unlink(path.join(dir, name)).catch(() => {});
  }
}
