/** Turns the paths a user names (files and folders) into the cassette files to work on. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../common/errors.js';

// Never cassettes, and can be huge.
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * Files are taken as given; folders are walked (recursively) for `*.json`, skipping `node_modules`
 * and dot-folders (the store's lock folders and temp files are never `*.json`). Sorted, no duplicates.
 * @throws {UsageError} when a path does not exist.
 */
export async function cassettePaths(paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info) throw new UsageError(`${given}: no such file or directory`);
    if (info.isDirectory()) for (const file of await walk(given)) found.add(file);
    else found.add(given);
  }
  return [...found].sort();
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) out.push(...(await walk(full)));
    } else if (entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.')) {
      out.push(full);
    }
  }
  return out;
}
