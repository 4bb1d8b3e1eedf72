import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, SCHEMA_FILE, generateCassetteTypes } from '../../scripts/gen-types.mjs';
import { CASSETTE_FORMAT_VERSION } from '../../src/cassette/index.js';

describe('types generated from schema/cassette.schema.json', () => {
  it('the committed src/cassette/cassette-types.generated.ts is what `npm run gen` produces now', async () => {
    const [committed, fresh] = await Promise.all([readFile(GENERATED_FILE, 'utf8'), generateCassetteTypes()]);
    expect(committed, 'the generated types are stale: run `npm run gen` and commit the result').toBe(fresh);
  });

  it('generation is deterministic and carries the do-not-edit banner', async () => {
    const [a, b] = [await generateCassetteTypes(), await generateCassetteTypes()];
    expect(a).toBe(b);
    expect(a.startsWith('/* eslint-disable */\n/**\n * GENERATED FILE, DO NOT EDIT.')).toBe(true);
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('the code writes the format version the schema describes', async () => {
    const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as { properties: { version: { const: number } } };
    expect(schema.properties.version.const).toBe(CASSETTE_FORMAT_VERSION);
  });
});
