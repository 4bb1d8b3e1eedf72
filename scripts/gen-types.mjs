#!/usr/bin/env node
// Generates src/cassette/cassette-types.generated.ts from schema/cassette.schema.json, and (through
// gen-validators.mjs) src/cassette/cassette-validators.generated.ts.
//
//   node scripts/gen-types.mjs           write the file
//   node scripts/gen-types.mjs --check   exit 1 when the committed file is stale (for CI)
//
// Plain .mjs rather than .ts: the repository has no TypeScript runner (no tsx), and Node 20 cannot
// strip types, so a .ts script would need a build step of its own. Types for the test that imports
// `generateCassetteTypes` live in gen-types.d.mts.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { generateCassetteValidators, GENERATED_VALIDATORS_FILE } from './gen-validators.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_FILE = fileURLToPath(new URL('../schema/cassette.schema.json', import.meta.url));
export const GENERATED_FILE = fileURLToPath(new URL('../src/cassette/cassette-types.generated.ts', import.meta.url));

const BANNER = `/* eslint-disable */
/**
 * GENERATED FILE, DO NOT EDIT.
 * Generated from schema/cassette.schema.json by scripts/gen-types.mjs (\`npm run gen\`).
 * Change the schema and regenerate; test/cassette/generated-types.test.ts fails while this file is stale.
 */`;

/**
 * The generated TypeScript source for the cassette schema. Deterministic: no dates or paths in the
 * output, fixed prettier style (json-schema-to-typescript passes its own style and never reads a
 * prettier config file), "\n" line endings and one trailing newline.
 */
export async function generateCassetteTypes() {
  const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8'));
  const ts = await compile(schema, 'Cassette', {
    bannerComment: BANNER,
    // The schema says additionalProperties:false where it means it; elsewhere no index signatures.
    additionalProperties: false,
    unknownAny: true,
    cwd: root,
    format: true,
    style: { printWidth: 120, singleQuote: true, semi: true, tabWidth: 2, trailingComma: 'all', bracketSpacing: true },
  });
  return ts.replace(/\r\n/g, '\n').trimEnd() + '\n';
}

async function main() {
  const outputs = [
    [GENERATED_FILE, await generateCassetteTypes()],
    [GENERATED_VALIDATORS_FILE, await generateCassetteValidators()],
  ];
  for (const [file, fresh] of outputs) {
    const name = file.slice(root.length).replace(/\\/g, '/');
    if (process.argv.includes('--check')) {
      const committed = await readFile(file, 'utf8').catch(() => '');
      if (committed !== fresh) {
        console.error(`${name} is stale: run \`npm run gen\` and commit the result.`);
        process.exitCode = 1;
      }
      continue;
    }
    await writeFile(file, fresh);
    console.log(`wrote ${name}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
