import { readFile } from 'node:fs/promises';
import { CassetteError } from '../common/cassette-errors.js';
import type { Cassette } from './cassette-types.generated.js';
import { locateJsonSyntaxError } from './json-syntax-error.js';
import { migrateCassette, MIGRATIONS, type MigrationChain } from './migrate-cassette.js';
import {
  interactionFollowsSchema,
  validateCassette,
  validateCassetteShell,
  validateInteraction,
} from './validate-cassette.js';
import { filtersLoadProblem, firstLoadProblem, interactionLoadProblem, type LoadProblem } from './load-checks.js';

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
  const text = await readCassetteText(file);
  return text === undefined ? undefined : parseCassette(text, file, options);
}

/** A cassette whose interactions are checked one by one, when first needed (see {@link loadCassetteForReplay}). */
interface LazilyCheckedCassette {
  /** Everything but the interactions has been checked against the schema. */
  cassette: Cassette;
  /**
   * Checks `cassette.interactions[position]` (once; later calls return at once).
   * @throws {CassetteError} `LC_CASSETTE_SCHEMA` naming the file and the JSON path at fault, as {@link loadCassette} would have.
   */
  checkInteraction(position: number): void;
}

/**
 * {@link loadCassette} for a replay, which may need few of many interactions: checking each one
 * against the schema was about a third of loading a large cassette, so each is checked when the
 * replay first reads it. Everything else (JSON syntax, the format version, the rest of the schema)
 * is checked now, with the same errors. `lambda-cassette validate` still checks every interaction.
 */
export async function loadCassetteForReplay(file: string): Promise<LazilyCheckedCassette | undefined> {
  const text = await readCassetteText(file);
  if (text === undefined) return undefined;
  const cassette = parseJson(text, file, MIGRATIONS, validateCassetteShell);
  throwLoadProblem(filtersLoadProblem(cassette), file);
  // 1: checked and sound; 2: found broken by a check ahead (checked again, loudly, when needed).
  const checked = new Uint8Array(cassette.interactions.length);
  // Only the length: a closure naming `text` would keep the whole file's text alive as long as the cassette.
  const textLength = text.length;
  const count = cassette.interactions.length;
  return {
    cassette,
    checkInteraction(position) {
      if (checked[position] === 1) return;
      // The next ones too, quietly: one found broken is marked so (not checked again ahead) and
      // throws when it is needed.
      for (let next = position + 1; next < Math.min(position + CHECKED_AHEAD, count); next++) {
        if (checked[next] === 0) checked[next] = interactionIsSound(cassette, next, textLength) ? 1 : 2;
      }
      validateInteraction(cassette, position, file);
      throwLoadProblem(interactionLoadProblem(cassette, position, textLength), file);
      checked[position] = 1;
    },
  };
}

/**
 * How many interactions a check covers. Lookups read interactions in cassette order, one a call when
 * a replay goes in recorded order; checked one at a time, each check ran cold, between two calls'
 * worth of the client's own work: 6 µs a call in a CPU profile of zero-config replay, where the same
 * checks made in runs of 32 cost under 2 µs a call.
 */
const CHECKED_AHEAD = 32;

/** Whether interaction `position` passes the checks `checkInteraction` makes. */
function interactionIsSound(cassette: Cassette, position: number, textLength: number): boolean {
  return (
    interactionFollowsSchema(cassette, position) && interactionLoadProblem(cassette, position, textLength) === undefined
  );
}

/** The file's text; undefined when it does not exist. */
async function readCassetteText(file: string): Promise<string | undefined> {
  try {
    // One decode of the whole buffer: readFile's own 'utf8' decodes chunk by chunk, a third of a large load.
    return (await readFile(file)).toString('utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CassetteError('LC_CASSETTE_READ', file, `cannot read the cassette: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/**
 * Parses, migrates and validates cassette text (what {@link loadCassette} does after reading).
 * @param file the path to name in error messages.
 */
export function parseCassette(text: string, file: string, options: LoadCassetteOptions = {}): Cassette {
  const cassette = parseJson(text, file, options.migrations ?? MIGRATIONS, (value) =>
    validateCassette(value, file, 'load'),
  );
  throwLoadProblem(firstLoadProblem(cassette, text.length), file);
  return cassette;
}

function parseJson(
  text: string,
  file: string,
  migrations: MigrationChain,
  validate: (value: unknown, file: string) => void,
): Cassette {
  // Editors on Windows may add a byte-order mark, which JSON.parse rejects.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (cause) {
    throw invalidJson(json, file, cause);
  }
  const current = migrateCassette(raw, file, migrations);
  validate(current, file);
  return current as unknown as Cassette;
}

function invalidJson(text: string, file: string, cause: unknown): CassetteError {
  if (text.trim() === '') {
    return new CassetteError('LC_CASSETTE_INVALID_JSON', file, 'the file is empty, not a cassette', {
      cause,
      line: 1,
      column: 1,
    });
  }
  const at = locateJsonSyntaxError(text);
  if (at === undefined) {
    return new CassetteError('LC_CASSETTE_INVALID_JSON', file, `not valid JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
  return new CassetteError(
    'LC_CASSETTE_INVALID_JSON',
    file,
    `not valid JSON at line ${at.line}, column ${at.column}: ${at.reason}`,
    {
      cause,
      line: at.line,
      column: at.column,
    },
  );
}

function throwLoadProblem(problem: LoadProblem | undefined, file: string): void {
  if (problem)
    throw new CassetteError('LC_CASSETTE_SCHEMA', file, `${problem.jsonPath} ${problem.problem}`, {
      jsonPath: problem.jsonPath,
    });
}
