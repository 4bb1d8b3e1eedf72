import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CassetteError } from '../common/cassette-errors.js';
import type { Cassette } from './cassette-types.generated.js';
import { serializeCassette } from './serialize-cassette.js';
import { validateCassette } from './validate-cassette.js';

/**
 * Validates `cassette`, then replaces `file` with its canonical text so that readers only ever see
 * the old file or the new one, never a half-written one, even if the process is killed mid-write:
 * creates missing directories, writes a temporary file in the same directory (rename is only atomic
 * within one file system), flushes it to disk, then renames it over `file`.
 *
 * Does not lock: two concurrent writers do not corrupt the file, but the last rename wins. Use
 * {@link updateCassette} to add to a cassette that other processes may be writing too.
 *
 * @throws {CassetteError} `LC_CASSETTE_SCHEMA` (nothing is written) when the cassette is invalid;
 * `LC_CASSETTE_WRITE` when the file system refuses.
 */
export async function writeCassetteAtomic(file: string, cassette: Cassette): Promise<void> {
  // Never put on disk a cassette that loadCassette would refuse.
  validateCassette(cassette, file, 'write');
  await writeFileAtomic(file, serializeCassette(cassette));
}

async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  // Dot-prefixed and unique per process and call: concurrent writers never share a temp file, and
  // a leftover from a killed process is hidden and never mistaken for a cassette.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      // Without fsync a power loss after the rename can leave an empty file under the new name.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, file);
  } catch (cause) {
    await unlink(temp).catch(() => {});
    throw new CassetteError('LC_CASSETTE_WRITE', file, `cannot write the cassette: ${(cause as Error).message}`, {
      cause,
    });
  }
  await syncDirectory(dir);
}

/**
 * Windows refuses to replace a file another process has open (a reader, an antivirus scan) with
 * EPERM/EACCES/EBUSY for a moment; retry briefly instead of failing the test run.
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 10 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw e;
      await sleep(10 * (attempt + 1));
    }
  }
}

/** Persists the rename itself. Best effort: not every platform can open and sync a directory (Windows cannot). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The rename has happened; only its durability across a power loss is in question.
  }
}
