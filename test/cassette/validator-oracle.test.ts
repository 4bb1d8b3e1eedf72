/**
 * The load validators are the write validator's code run with checks switched off (see
 * scripts/gen-validators.mjs), not schemas of their own: this compares all of them with ajv
 * compiling the matching schema at run time, on many random edits of a valid cassette.
 */
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_FILE, loadSchema } from '../../scripts/gen-validators.mjs';
import { validateLoad, validateLoadShell, validateWrite } from '../../src/cassette/cassette-validators.generated.js';
import { formats } from '../../src/cassette/schema-runtime.js';
import { sampleCassette } from './support/sample-cassette.js';

type Validator = ((value: unknown) => boolean) & { errors?: unknown };
type Path = (string | number)[];

const oracles: Record<'write' | 'load' | 'shell', Validator> = {} as never;

beforeAll(async () => {
  const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8'));
  const load = loadSchema(schema) as typeof schema;
  const shell = {
    ...load,
    properties: { ...load.properties, interactions: { type: 'array' } },
  };
  const compile = (s: object) => {
    const ajv = new Ajv({ allErrors: false, strict: true });
    ajv.addFormat('date-time', formats['date-time']);
    ajv.addFormat('base64', formats.base64);
    return ajv.compile(s) as Validator;
  };
  Object.assign(oracles, { write: compile(schema), load: compile(load), shell: compile(shell) });
});

/** Every path into the sample cassette, the root included. */
function paths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at];
  return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, Array.isArray(value) ? Number(k) : k]))];
}

const PATHS = paths(sampleCassette());
const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    undefined,
    () => 1,
    Number.POSITIVE_INFINITY,
    '😀'.repeat(171),
    '2026-02-30T00:00:00Z',
    'abc',
    99,
    600,
    -1,
  ),
  fc.dictionary(fc.constantFrom('json', 'text', 'base64', 'extra', 'status'), fc.jsonValue({ maxDepth: 1 })),
);
const edit = fc.record({
  path: fc.constantFrom(...PATHS),
  op: fc.constantFrom('set', 'delete', 'add-key'),
  value: replacement,
});

function edited(edits: { path: Path; op: string; value: unknown }[]): unknown {
  const root: { value: unknown } = { value: sampleCassette() };
  for (const { path, op, value } of edits) {
    let parent: Record<string | number, unknown> = root;
    let key: string | number = 'value';
    for (const step of path) {
      const next = parent[key];
      if (next === null || typeof next !== 'object') break;
      parent = next as Record<string | number, unknown>;
      key = step;
    }
    if (op === 'delete') delete parent[key];
    else if (op === 'add-key' && parent[key] !== null && typeof parent[key] === 'object')
      (parent[key] as Record<string, unknown>).extra = value;
    else parent[key] = value;
  }
  return root.value;
}

describe('the generated validators against ajv compiling the schema at run time', () => {
  it.each([
    ['validateWrite', validateWrite as Validator, 'write'],
    ['validateLoad', validateLoad as Validator, 'load'],
    ['validateLoadShell', validateLoadShell as Validator, 'shell'],
  ] as const)('%s gives the same verdict and first error on random edits', (_name, generated, oracle) => {
    let invalid = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const value = edited(edits);
        const verdict = generated(value);
        if (!verdict) invalid++;
        expect(verdict).toBe(oracles[oracle](value));
        expect(generated.errors).toEqual(oracles[oracle].errors);
      }),
      { numRuns: 400 },
    );
    expect(invalid).toBeGreaterThan(20);
  });
});
