import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_VALIDATORS_FILE,
  SCHEMA_FILE,
  generateCassetteValidators,
  loadSchema,
} from '../../scripts/gen-validators.mjs';
import {
  validateLoad,
  validateLoadInteraction,
  validateLoadShell,
  validateWrite,
} from '../../src/cassette/cassette-validators.generated.js';
import { formats } from '../../src/cassette/schema-runtime.js';
import { reverseKeys, sampleCassette } from './support/sample-cassette.js';

type Validator = ((value: unknown) => boolean) & { errors?: unknown };

/** What ajv compiled at run time (as validate-cassette.ts used to) says about `value`. */
async function compiled(load: boolean): Promise<Validator> {
  const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8'));
  const ajv = new Ajv({ allErrors: false, strict: true });
  ajv.addFormat('date-time', formats['date-time']);
  ajv.addFormat('base64', formats.base64);
  return ajv.compile(load ? loadSchema(schema) : schema) as Validator;
}

/** Valid and invalid cassettes, one per kind of mistake the schema catches. */
function variants(): [string, unknown][] {
  const edit = (label: string, change: (c: ReturnType<typeof sampleCassette>) => void): [string, unknown] => {
    const c = sampleCassette();
    change(c);
    return [label, c];
  };
  return [
    ['valid', sampleCassette()],
    ['valid, keys in any order', reverseKeys(sampleCassette())],
    edit('extra root key', (c) => Object.assign(c, { extra: 1 })),
    edit('future version', (c) => Object.assign(c, { version: 2 })),
    edit('bad date', (c) => (c.interactions[0]!.recordedAt = '2026-02-30T00:00:00Z')),
    edit('upper-case header', (c) => (c.interactions[0]!.response.headers = { 'Content-Type': 'x' })),
    edit('two body kinds', (c) => (c.interactions[0]!.response.body = { json: 1, text: '1' } as never)),
    edit('bad base64', (c) => (c.interactions[2]!.request.payload = { base64: 'abc' })),
    edit('status out of range', (c) => (c.interactions[0]!.response.status = 99)),
    edit('function name too long (code points)', (c) => (c.interactions[0]!.request.functionName = '😀'.repeat(171))),
    edit('function name of 170 astral characters', (c) => (c.interactions[0]!.request.functionName = '😀'.repeat(170))),
    edit('empty region', (c) => (c.interactions[0]!.request.region = '')),
    edit('undefined in a payload', (c) => (c.interactions[0]!.request.payload = { json: { a: undefined } as never })),
    edit('a function in a payload', (c) => (c.interactions[0]!.request.payload = { json: { a: () => 1 } as never })),
  ];
}

describe('validators generated from schema/cassette.schema.json', () => {
  it('the committed src/cassette/cassette-validators.generated.ts is what `npm run gen` produces now', async () => {
    const [committed, fresh] = await Promise.all([
      readFile(GENERATED_VALIDATORS_FILE, 'utf8'),
      generateCassetteValidators(),
    ]);
    expect(committed, 'the generated validators are stale: run `npm run gen` and commit the result').toBe(fresh);
  });

  it.each([
    ['validateWrite', validateWrite as Validator, false],
    ['validateLoad', validateLoad as Validator, true],
  ] as const)(
    '%s answers exactly as ajv compiling the schema at run time, errors included',
    async (_name, generated, load) => {
      const reference = await compiled(load);
      for (const [label, value] of variants()) {
        const verdict = generated(value);
        expect(verdict, label).toBe(reference(value));
        expect(generated.errors, label).toEqual(reference.errors);
      }
    },
  );

  it('validateLoad differs from validateWrite only on values JSON.parse never returns', () => {
    const odd = sampleCassette();
    odd.interactions[0]!.request.payload = { json: { a: () => 1 } as never };
    expect(validateWrite(odd)).toBe(false);
    expect(validateLoad(odd)).toBe(true);
    for (const [label, value] of variants().filter(([l]) => !/payload/.test(l))) {
      expect(validateLoad(value), label).toBe(validateWrite(value));
    }
  });

  it('validateLoadShell and validateLoadInteraction on each interaction say what validateLoad says, with the same first error', () => {
    const shell = validateLoadShell as Validator;
    const one = validateLoadInteraction as ((value: unknown, context: { instancePath: string }) => boolean) & {
      errors?: unknown;
    };
    for (const [label, value] of variants()) {
      const whole = validateLoad(value);
      const wholeErrors = (validateLoad as Validator).errors;
      const interactions = (value as { interactions?: unknown[] }).interactions ?? [];
      const bad = interactions.findIndex((interaction, i) => !one(interaction, { instancePath: `/interactions/${i}` }));
      expect(shell(value) && bad === -1, label).toBe(whole);
      if (shell(value) && bad !== -1) expect(one.errors, label).toEqual(wholeErrors);
    }
  });
});
