/** Turns the paths a user names (files and folders) into the cassette files to work on. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InvalidCassetteNameError } from '../common/cassette-errors.js';
import { UsageError } from '../common/cli-errors.js';
import { cassetteFile } from '../cassette/cassette-file.js';
import { DEFAULTS } from '../engine/defaults.js';

/** A cassette argument of `serve` or `inspect`, located. */
interface LocatedCassette {
  /** The name to open it by inside `dir`. */
  name: string;
  dir: string;
  file: string;
}

/**
 * Where a cassette argument points: a path ending in `.json` (without `--dir`) is the file itself;
 * anything else is a cassette name inside `dir` (default "cassettes"), as `openCassette` reads names.
 * @throws {UsageError} for a name `openCassette` would refuse.
 */
export function locateCassette(cassette: string, dir: string | undefined): LocatedCassette {
  try {
    if (cassette.endsWith('.json') && dir === undefined) {
      const resolved = { name: path.basename(cassette), dir: path.dirname(cassette) };
      return { ...resolved, file: cassetteFile(resolved.name, resolved.dir) };
    }
    const d = dir ?? DEFAULTS.cassetteDir;
    return { name: cassette, dir: d, file: cassetteFile(cassette, d) };
  } catch (e) {
    if (e instanceof InvalidCassetteNameError) throw new UsageError(e.message);
    throw e;
  }
}

function folderGiven(folder: string): UsageError {
  return new UsageError(
    `${folder} is a folder, not a cassette: pass one cassette file (e.g. ${path.join(folder, '<name>.json')}) ` +
      `or a cassette name inside --dir (e.g. checkout/happy-path); to check every cassette in the folder, run: lambda-cassette validate ${folder}`,
  );
}

/**
 * The one cassette file an argument names, as `serve` reads it: an existing file as it is, else a
 * cassette name resolved against `dir` (default "cassettes").
 * @throws {UsageError} for a folder (naming it and what to pass instead) or nothing found.
 */
export async function oneCassetteFile(cassette: string, dir: string | undefined): Promise<string> {
  const given = await stat(cassette).catch(() => undefined);
  if (given?.isDirectory()) throw folderGiven(cassette);
  if (given?.isFile()) return cassette;
  const { file } = locateCassette(cassette, dir);
  const found = file === cassette ? undefined : await stat(file).catch(() => undefined);
  if (found?.isFile()) return file;
  const folder = path.join(dir ?? DEFAULTS.cassetteDir, cassette);
  if (found === undefined && file !== cassette && (await stat(folder).catch(() => undefined))?.isDirectory())
    throw folderGiven(folder);
  throw new UsageError(
    file === cassette ? `${cassette}: no such file` : `${cassette}: no such file, and no cassette ${file}`,
  );
}

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
