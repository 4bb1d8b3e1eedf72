import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CASSETTE_FORMAT_VERSION,
  CassetteError,
  loadCassette,
  migrateCassette,
  MIGRATIONS,
  type MigrationChain,
  type RawCassette,
} from '../../src/cassette/index.js';
import { sampleCassette } from './support/sample-cassette.js';
import { useTempDir } from './support/temp-dir.js';

const dir = useTempDir();

/**
 * An imaginary format 0, before version 1: interactions were called `tapes`, the status
 * `statusCode`, and nothing said what recorded it. The migration below is what a real one looks like.
 */
function formatZero(): RawCassette {
  const v1 = sampleCassette();
  return {
    version: 0,
    tapes: v1.interactions.map(({ response: { status, ...response }, ...rest }) => ({
      ...rest,
      response: { statusCode: status, ...response },
    })),
  };
}

const zeroToOne: MigrationChain = {
  0: (old) => ({
    version: 1,
    recordedWith: sampleCassette().recordedWith,
    interactions: (old.tapes as { response: { statusCode: number } }[]).map(
      ({ response: { statusCode, ...response }, ...rest }) => ({
        ...rest,
        response: { status: statusCode, ...response },
      }),
    ),
  }),
};

describe('migration chain', () => {
  it('today: format 1 is current and no migration exists yet', () => {
    expect(CASSETTE_FORMAT_VERSION).toBe(1);
    expect(Object.keys(MIGRATIONS)).toEqual([]);
  });

  it('a current cassette passes through untouched', () => {
    const raw = JSON.parse(JSON.stringify(sampleCassette())) as RawCassette;
    expect(migrateCassette(raw, 'a.json')).toBe(raw);
  });

  it('loading an older cassette migrates it in memory, validates the result, and leaves the file alone', async () => {
    const file = path.join(dir.path, 'v0.json');
    await writeFile(file, JSON.stringify(formatZero(), null, 2));
    const before = await readFile(file, 'utf8');
    expect(await loadCassette(file, { migrations: zeroToOne })).toEqual(sampleCassette());
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('applies every step in order, from the file version up to the target', () => {
    const steps: number[] = [];
    const chain: MigrationChain = {
      0: (c) => (steps.push(0), { ...c, version: 1, a: true }),
      1: (c) => (steps.push(1), { ...c, version: 2, b: true }),
      2: (c) => (steps.push(2), { ...c, version: 3, c: true }),
    };
    expect(migrateCassette({ version: 1 }, 'x.json', chain, 3)).toEqual({ version: 3, b: true, c: true });
    expect(steps).toEqual([1, 2]);
  });

  it('a version below format 1 is refused as one no lambda-cassette wrote, naming the file and what to do', async () => {
    const file = path.join(dir.path, 'v0-unmigratable.json');
    await writeFile(file, JSON.stringify(formatZero()));
    await expect(loadCassette(file)).rejects.toMatchObject({
      code: 'LC_CASSETTE_NO_MIGRATION',
      jsonPath: '/version',
      message: expect.stringMatching(
        new RegExp(
          `^${file}: cassette format version 0 does not exist: lambda-cassette's formats start at version 1, ` +
            'and this lambda-cassette reads format version 1\\. .*fix the version, or record the cassette again\\.$',
        ),
      ),
    });
  });

  it('a real format older than the chain reaches is refused as too old, naming the version', () => {
    expect(() => migrateCassette({ version: 1 }, 'old.json', {}, 2)).toThrow(
      /^old\.json: cassette format version 1 is too old: this lambda-cassette reads format version 2 and has no migration from version 1\. Re-record the cassette\.$/,
    );
  });

  it('a step that throws or returns the wrong version is reported with the file name', () => {
    const throwing: MigrationChain = {
      0: () => {
        throw new Error('tapes is not an array');
      },
    };
    expect(() => migrateCassette({ version: 0 }, 'old.json', throwing)).toThrow(
      new CassetteError(
        'LC_CASSETTE_MIGRATION',
        'old.json',
        'migrating from format version 0 to 1 failed: tapes is not an array',
      ),
    );
    const forgetful: MigrationChain = { 0: (c) => ({ ...c }) };
    expect(() => migrateCassette({ version: 0 }, 'old.json', forgetful)).toThrow(
      /^old\.json: the migration from format version 0 produced version 0 instead of 1$/,
    );
  });

  it('a migrated cassette that still breaks the schema is a schema error, not a crash', async () => {
    const file = path.join(dir.path, 'v0-bad.json');
    const bad = formatZero();
    (bad.tapes as { response: Record<string, unknown> }[])[0]!.response.statusCode = 'oops';
    await writeFile(file, JSON.stringify(bad));
    await expect(loadCassette(file, { migrations: zeroToOne })).rejects.toMatchObject({
      code: 'LC_CASSETTE_SCHEMA',
      message: `${file}: /interactions/0/response/status must be integer`,
    });
  });
});
