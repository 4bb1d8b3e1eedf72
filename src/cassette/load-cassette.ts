import { readFile } from 'node:fs/promises';
import { CassetteError } from '../common/errors.js';
import type { Cassette } from './cassette-types.generated.js';
import { locateJsonSyntaxError } from './json-syntax-error.js';
import { migrateCassette, MIGRATIONS, type MigrationChain } from './migrate-cassette.js';
import { validateCassette } from './validate-cassette.js';
import { firstLoadProblem } from './load-checks.js';

/** Options of {@link loadCassette} and {@link parseCassette}. */
export interface LoadCassetteOptions {
  /** The migration chain for older formats; {@link MIGRATIONS} unless a test supplies its own. */
  migrations?: MigrationChain;
}

/**
 * Reads and validates a cassette. Older formats are migrated in memory; the file itself is never
 * written (the next save writes the current format).
 *
 * @returns the cassette, or undefined when `file` does not exist (nothing recorded yet).
 * @throws {CassetteError} `LC_CASSETTE_READ`, `LC_CASSETTE_INVALID_JSON`, `LC_CASSETTE_SCHEMA`,
 * `LC_CASSETTE_FUTURE_VERSION`, `LC_CASSETTE_NO_MIGRATION` or `LC_CASSETTE_MIGRATION`; the message
 * names the file and, where it applies, the JSON path or line and column at fault.
 */
export async function loadCassette(file: string, options: LoadCassetteOptions = {}): Promise<Cassette | undefined> {
  let text: string;
  try {
    // One decode of the whole buffer: readFile's own 'utf8' decodes chunk by chunk, a third of a large load.
    text = (await readFile(file)).toString('utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CassetteError('LC_CASSETTE_READ', file, `cannot read the cassette: ${(cause as Error).message}`, { cause });
  }
  return parseCassette(text, file, options);
}

/**
 * Parses, migrates and validates cassette text (what {@link loadCassette} does after reading).
 * @param file the path to name in error messages.
 */
export function parseCassette(text: string, file: string, options: LoadCassetteOptions = {}): Cassette {
  // Editors on Windows may add a byte-order mark, which JSON.parse rejects.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (cause) {
    throw invalidJson(json, file, cause);
  }
  const current = migrateCassette(raw, file, options.migrations ?? MIGRATIONS);
  validateCassette(current, file, 'load');
  const problem = firstLoadProblem(current, json.length);
  if (problem) throw new CassetteError('LC_CASSETTE_SCHEMA', file, `${problem.jsonPath} ${problem.problem}`, { jsonPath: problem.jsonPath });
  return current;
}

function invalidJson(text: string, file: string, cause: unknown): CassetteError {
  if (text.trim() === '') {
    return new CassetteError('LC_CASSETTE_INVALID_JSON', file, 'the file is empty, not a cassette', { cause, line: 1, column: 1 });
  }
  const at = locateJsonSyntaxError(text);
  if (at === undefined) {
    return new CassetteError('LC_CASSETTE_INVALID_JSON', file, `not valid JSON: ${(cause as Error).message}`, { cause });
  }
  return new CassetteError('LC_CASSETTE_INVALID_JSON', file, `not valid JSON at line ${at.line}, column ${at.column}: ${at.reason}`, {
    cause,
    line: at.line,
    column: at.column,
  });
}
