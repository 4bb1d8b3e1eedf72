/**
 * `lambda-cassette migrate <paths...>`: rewrites cassettes of an older format version in the current
 * one, through the store's migration chain. Files already current are never touched; `--check` only
 * reports (exit 1 when something would change), for CI. While the chain is empty (format 1 is the
 * only format so far) it can only confirm cassettes are current or say why one is not a cassette it
 * reads, and its summary says so instead of counting migrations that cannot happen.
 */
import { readFile } from 'node:fs/promises';
import {
  CASSETTE_FORMAT_VERSION,
  CassetteError,
  MIGRATIONS,
  parseCassette,
  writeCassetteAtomic,
  type MigrationChain,
} from '../cassette/index.js';
import type { CliIo } from './cli-io.js';
import { cassettePaths } from './cassette-paths.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';
import { startProgress } from './progress.js';

interface MigrateOptions {
  /** Report what would change without writing; exit 1 when anything would. */
  check?: boolean;
}

/** What happened to one file. */
type MigrateResult =
  | { file: string; outcome: 'current'; version: number }
  | { file: string; outcome: 'migrated' | 'outdated'; from: number; to: number }
  | { file: string; outcome: 'failed'; message: string };

/** The `version` a cassette's text declares, if it declares one. */
function declaredVersion(text: string): number | undefined {
  try {
    const raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as { version?: unknown } | null;
    return typeof raw?.version === 'number' ? raw.version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Migrates one file. Loading migrates in memory and validates the result; only a file whose declared
 * version is older than the current one is rewritten (atomically).
 */
export async function migrateFile(
  file: string,
  options: { check?: boolean; migrations?: MigrationChain } = {},
): Promise<MigrateResult> {
  try {
    const text = await readFile(file, 'utf8');
    const cassette = parseCassette(text, file, { migrations: options.migrations ?? MIGRATIONS });
    const from = declaredVersion(text)!;
    if (from === cassette.version) return { file, outcome: 'current', version: from };
    if (!options.check) await writeCassetteAtomic(file, cassette);
    return { file, outcome: options.check ? 'outdated' : 'migrated', from, to: cassette.version };
  } catch (e) {
    const message = e instanceof CassetteError || e instanceof Error ? e.message : String(e);
    return {
      file,
      outcome: 'failed',
      message: message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message,
    };
  }
}

export async function migrateCommand(
  paths: readonly string[],
  options: MigrateOptions,
  io: CliIo,
  migrations: MigrationChain = MIGRATIONS,
): Promise<number> {
  const files = await cassettePaths(paths);
  const progress = startProgress(io, files.length, 'migrating');
  const results: MigrateResult[] = [];
  for (const file of files) {
    results.push(await migrateFile(file, { check: options.check ?? false, migrations }));
    progress.tick(file);
  }
  progress.stop();
  const c = io.color;
  for (const r of results) {
    const what =
      r.outcome === 'current'
        ? c.dim(`up to date (format v${r.version})`)
        : r.outcome === 'failed'
          ? `${c.red('failed')} ${r.message}`
          : r.outcome === 'migrated'
            ? c.green(`migrated v${r.from} -> v${r.to}`)
            : c.yellow(`needs migration v${r.from} -> v${r.to}`);
    io.out(`${c.bold(r.file)}: ${what}\n`);
  }
  const count = (o: MigrateResult['outcome']) => results.filter((r) => r.outcome === o).length;
  io.out(
    Object.keys(migrations).length === 0
      ? `${files.length} cassette(s): ${count('current')} up to date, ${count('failed')} failed. ` +
          `Format v${CASSETTE_FORMAT_VERSION} is the only cassette format so far: there is nothing to migrate yet.\n`
      : `${files.length} cassette(s): ${count('migrated')} migrated, ${count('outdated')} to migrate, ${count('current')} up to date, ` +
          `${count('failed')} failed (current format v${CASSETTE_FORMAT_VERSION})\n`,
  );
  return count('failed') > 0 || count('outdated') > 0 ? EXIT_FINDINGS : EXIT_OK;
}
