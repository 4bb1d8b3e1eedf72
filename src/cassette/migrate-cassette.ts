import { CassetteError } from '../common/cassette-errors.js';
import type { Cassette } from './cassette-types.generated.js';
import { libraryVersion } from './library-version.js';

/** The cassette format this version of lambda-cassette writes. Tied to the schema's `version` const. */
export const CASSETTE_FORMAT_VERSION: Cassette['version'] = 1;

/** The first cassette format: no lambda-cassette ever wrote a lower version. */
const FIRST_FORMAT_VERSION = 1;

/** A cassette as parsed from disk, before it is known to follow any schema. */
export type RawCassette = Record<string, unknown>;

/**
 * Turns a cassette of format version N into one of version N + 1 (including setting `version`).
 * It receives a freshly parsed object it may modify or replace, and should throw when the input is
 * too malformed to migrate: the error is reported with the file name.
 */
type Migration = (cassette: RawCassette) => RawCassette;

/** Migrations by the version they upgrade from. */
export type MigrationChain = Readonly<Record<number, Migration>>;

/**
 * The real migration chain: `MIGRATIONS[n]` upgrades format n to n + 1. Empty while 1 is the only
 * format. When the format changes, bump the schema's `version` const, regenerate the types, and add
 * `MIGRATIONS[1]` here (with a test loading a version-1 cassette): old cassettes in users'
 * repositories then keep loading, in memory, without being rewritten behind their back. The
 * `migrate` command's help says format 1 is the only one: change it then too.
 */
export const MIGRATIONS: MigrationChain = Object.freeze({});

/**
 * Brings a parsed cassette up to `targetVersion` by applying `migrations` one version at a time.
 * Does not validate the result against the schema; {@link loadCassette} does that afterwards.
 *
 * @param raw the parsed JSON document.
 * @param file the cassette path, for error messages.
 * @throws {CassetteError} `LC_CASSETTE_SCHEMA` when `raw` is not an object or has no integer
 * `version`; `LC_CASSETTE_FUTURE_VERSION` when it is newer than `targetVersion`;
 * `LC_CASSETTE_NO_MIGRATION` when a step of the chain is missing; `LC_CASSETTE_MIGRATION` when a
 * step throws or produces the wrong version.
 */
export function migrateCassette(
  raw: unknown,
  file: string,
  migrations: MigrationChain = MIGRATIONS,
  targetVersion: number = CASSETTE_FORMAT_VERSION,
): RawCassette {
  let cassette = asObject(raw, file);
  let version = versionOf(cassette, file);
  if (version > targetVersion) {
    throw new CassetteError(
      'LC_CASSETTE_FUTURE_VERSION',
      file,
      `cassette format version ${version}${writtenBy(cassette)} is newer than lambda-cassette ${libraryVersion()} ` +
        `reads (format version ${targetVersion}); upgrade lambda-cassette to use this cassette.`,
      { jsonPath: '/version' },
    );
  }
  while (version < targetVersion) {
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (step === undefined) {
      throw new CassetteError('LC_CASSETTE_NO_MIGRATION', file, noMigration(version, targetVersion), {
        jsonPath: '/version',
      });
    }
    let next: unknown;
    try {
      next = step(cassette);
    } catch (cause) {
      throw new CassetteError(
        'LC_CASSETTE_MIGRATION',
        file,
        `migrating from format version ${version} to ${version + 1} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause },
      );
    }
    // A step that forgets to bump `version` would loop forever; one that skips would hide a bug.
    const nextVersion = next !== null && typeof next === 'object' ? (next as RawCassette).version : undefined;
    if (nextVersion !== version + 1) {
      throw new CassetteError(
        'LC_CASSETTE_MIGRATION',
        file,
        `the migration from format version ${version} produced version ${JSON.stringify(nextVersion)} instead of ${version + 1}`,
      );
    }
    cassette = next as RawCassette;
    version = nextVersion;
  }
  return cassette;
}

/** Why a cassette of `version` cannot be brought to `targetVersion`, and what to do about it. */
function noMigration(version: number, targetVersion: number): string {
  // A version below the first was never written by lambda-cassette: calling it "too old" would send
  // the user looking for an old release that does not exist.
  if (version < FIRST_FORMAT_VERSION) {
    return (
      `cassette format version ${version} does not exist: lambda-cassette's formats start at version ${FIRST_FORMAT_VERSION}, ` +
      `and this lambda-cassette reads format version ${targetVersion}. The file was not written by lambda-cassette, ` +
      'or its "version" was edited: fix the version, or record the cassette again.'
    );
  }
  return (
    `cassette format version ${version} is too old: this lambda-cassette reads format version ${targetVersion} ` +
    `and has no migration from version ${version}. Re-record the cassette.`
  );
}

/** " (written by lambda-cassette 0.5.0)" when the cassette says so; a newer format may have moved it. */
function writtenBy(cassette: RawCassette): string {
  const by = cassette.recordedWith as { library?: unknown; libraryVersion?: unknown } | undefined;
  if (typeof by?.library !== 'string' || typeof by.libraryVersion !== 'string') return '';
  return ` (written by ${by.library} ${by.libraryVersion})`;
}

function asObject(raw: unknown, file: string): RawCassette {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) return raw as RawCassette;
  const found = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw;
  throw new CassetteError('LC_CASSETTE_SCHEMA', file, `(root) must be an object (a cassette), found ${found}`, {
    jsonPath: '',
  });
}

function versionOf(cassette: RawCassette, file: string): number {
  const { version } = cassette;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version >= 0) return version;
  const problem = version === undefined ? 'is missing' : `is ${JSON.stringify(version)}`;
  throw new CassetteError(
    'LC_CASSETTE_SCHEMA',
    file,
    `/version ${problem}; it must be a non-negative integer, the cassette format version`,
    { jsonPath: '/version' },
  );
}
