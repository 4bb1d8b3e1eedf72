#!/usr/bin/env node
// Generates src/cassette/cassette-validators.generated.ts from schema/cassette.schema.json: the
// cassette validators as plain code (ajv's standalone output), so loading a cassette never imports
// ajv or compiles the schema at run time (together 150-350 ms in every test worker on a 2-core
// machine, see docs/performance.md).
//
//   node scripts/gen-validators.mjs           write the file (`npm run gen` runs it too)
//   node scripts/gen-validators.mjs --check   exit 1 when the committed file is stale
//
// Four validators from one compiled copy of the schema: `validateWrite` checks the whole schema;
// `validateLoad` skips the recursive JsonValue check, which can only pass on what JSON.parse returned
// (see validate-cassette.ts); `validateLoadShell` is `validateLoad` without looking inside the
// interactions, and `validateLoadInteraction` checks one interaction as `validateLoad` would: a replay
// checks each interaction when it first needs it, so opening a large cassette costs little more than
// parsing it. The three load validators run the write validator's code with the JsonValue (and
// Interaction) checks switched to "accept": compiling a schema per validator, as before, gave four
// copies of the same code in a 4,000-line file.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv, _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { format } from 'prettier';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema/cassette.schema.json', import.meta.url));
export const GENERATED_VALIDATORS_FILE = fileURLToPath(
  new URL('../src/cassette/cassette-validators.generated.ts', import.meta.url),
);

const HEADER = `/* eslint-disable */
// @ts-nocheck
/**
 * GENERATED FILE, DO NOT EDIT.
 * Generated from schema/cassette.schema.json by scripts/gen-validators.mjs (\`npm run gen\`).
 * Change the schema and regenerate; test/cassette/generated-validators.test.ts fails while this file is stale.
 */
import { formats, ucs2length } from './schema-runtime.js';
`;

const UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';

/** The schema with JsonValue accepting anything: what a freshly parsed file needs checked. */
export function loadSchema(schema) {
  const { title, description } = schema.definitions.JsonValue;
  return { ...schema, definitions: { ...schema.definitions, JsonValue: { title, description } } };
}

/** `name`'s function, made to accept anything while `flag` is set. */
function skippable(code, name, flag) {
  const head = new RegExp(`function ${name}\\(data, [^)]*\\)\\s*\\{`);
  if (!head.test(code)) throw new Error(`ajv's output has no function ${name}`);
  return code.replace(head, (match) => `${match}if (${flag}) return true;`);
}

/** The exports: the write validator as compiled, the load ones as it runs with checks switched off. */
const VARIANTS = (root, interaction) => `
let skipJsonValues = false;
let skipInteractions = false;
function variant(validate, skip) {
  const run = (data, context = {}) => {
    skipJsonValues = true;
    skipInteractions = skip;
    try {
      const valid = validate(data, context);
      run.errors = validate.errors;
      return valid;
    } finally {
      skipJsonValues = false;
      skipInteractions = false;
    }
  };
  return run;
}
export const validateWrite = ${root};
export const validateLoad = variant(${root}, false);
export const validateLoadShell = variant(${root}, true);
export const validateLoadInteraction = variant(${interaction}, false);
`;

/** ajv declares each compiled schema as a constant whether or not its code reads it. */
function withoutUnusedSchemas(code) {
  return code.replace(/^const (schema\d+) = (?:\{[^\n]*\};|\{\n(?:.*\n)*?\};)\n/gm, (declaration, name) =>
    new RegExp(`\\b${name}\\b`).test(code.replace(declaration, '')) ? declaration : '',
  );
}

/** The generated TypeScript source. Deterministic: the same schema gives the same text. */
export async function generateCassetteValidators() {
  const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8'));
  // Options as validate-cassette.ts has always used: first error only (faster on big cassettes),
  // strict mode to catch mistakes in the schema itself.
  const ajv = new Ajv({ allErrors: false, strict: true, code: { source: true, esm: true, formats: _`formats` } });
  ajv.addFormat('date-time', { type: 'string', validate: () => true });
  // Checked by a loop in schema-runtime.ts: a regex over a multi-megabyte body overflows V8's
  // backtracking stack (RangeError), and the whole cassette was then not written.
  ajv.addFormat('base64', { type: 'string', validate: () => true });
  const validateWrite = ajv.compile({ ...schema, $id: 'write' });
  const refs = validateWrite.schemaEnv.refs;
  const jsonValue = refs['write#/definitions/JsonValue']?.validateName;
  const interaction = refs['write#/definitions/Interaction']?.validateName;
  if (!jsonValue || !interaction)
    throw new Error('ajv inlined JsonValue or Interaction: the load validators need them as functions');
  let code = standaloneCode(ajv, validateWrite)
    .replace(/^"use strict";/, '')
    .split(UCS2LENGTH)
    .join('ucs2length');
  if (code.includes('require('))
    throw new Error('ajv standalone code needs a runtime helper that schema-runtime.ts does not provide');
  code = code.replace(/export const validate = validate\d+;export default validate\d+;/, '');
  code = skippable(skippable(code, jsonValue, 'skipJsonValues'), interaction, 'skipInteractions');
  code += `\n${VARIANTS(validateWrite.schemaEnv.validateName, interaction)}`;
  // Formatted, so a schema change shows up as a readable diff rather than one changed 70 kB line.
  const pretty = await format(code, { parser: 'babel', printWidth: 120, singleQuote: true, trailingComma: 'all' });
  return `${HEADER}${withoutUnusedSchemas(pretty).trim()}\n`;
}

async function main() {
  const fresh = await generateCassetteValidators();
  if (process.argv.includes('--check')) {
    const committed = await readFile(GENERATED_VALIDATORS_FILE, 'utf8').catch(() => '');
    if (committed !== fresh) {
      console.error('src/cassette/cassette-validators.generated.ts is stale: run `npm run gen` and commit the result.');
      process.exitCode = 1;
    }
    return;
  }
  await writeFile(GENERATED_VALIDATORS_FILE, fresh);
  console.log('wrote src/cassette/cassette-validators.generated.ts');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
