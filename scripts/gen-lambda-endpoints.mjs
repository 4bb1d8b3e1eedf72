#!/usr/bin/env node
// Generates src/wire/lambda-endpoints.generated.ts: the Lambda host forms and AWS partitions as the
// installed AWS SDK resolves them. lambda-cassette reads the same data from the SDK at load; this
// committed copy is what it falls back to when the SDK (an optional peer) is not installed.
//
//   node scripts/gen-lambda-endpoints.mjs           write the file
//   node scripts/gen-lambda-endpoints.mjs --check   exit 1 when the committed file is stale
//
// The host templates come from running the client's own endpoint resolver for every partition and
// every FIPS/dual-stack combination (not from reading its rules), so the table is what the SDK does.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const GENERATED_ENDPOINTS_FILE = fileURLToPath(
  new URL('../src/wire/lambda-endpoints.generated.ts', import.meta.url),
);

function partitionsInfo() {
  const lambdaDir = dirname(require.resolve('@aws-sdk/client-lambda/package.json'));
  const core = dirname(createRequire(join(lambdaDir, 'package.json')).resolve('@aws-sdk/core/package.json'));
  const text = readFileSync(join(core, 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'), 'utf8');
  return JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
}

/** The table, as a plain value (the test compares it with what the library reads at load). */
export function lambdaEndpointTable() {
  process.env.AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING ??= '1';
  const { LambdaClient } = require('@aws-sdk/client-lambda');
  const resolve = new LambdaClient({ region: 'us-east-1' }).config.endpointProvider;
  const partitions = partitionsInfo().partitions.map((p) => ({
    id: p.id,
    dnsSuffix: p.outputs.dnsSuffix,
    dualStackDnsSuffix: p.outputs.dualStackDnsSuffix,
    regionRegex: p.regionRegex,
    regions: Object.keys(p.regions).sort(),
  }));
  const templates = new Set();
  for (const p of partitions) {
    const region = p.regions.find((r) => /\d$/.test(r)) ?? p.regions[0];
    for (const UseFIPS of [false, true]) {
      for (const UseDualStack of [false, true]) {
        const host = resolve({ Region: region, UseFIPS, UseDualStack }).url.hostname;
        const template = host
          .replace(`.${region}.`, '.{region}.')
          .replace(new RegExp(`\\.${p.dualStackDnsSuffix.replaceAll('.', '\\.')}$`), '.{dualStackDnsSuffix}')
          .replace(new RegExp(`\\.${p.dnsSuffix.replaceAll('.', '\\.')}$`), '.{dnsSuffix}');
        templates.add(template);
      }
    }
  }
  return { hostTemplates: [...templates].sort(), partitions };
}

export function generateLambdaEndpoints() {
  return `/* eslint-disable */
/**
 * GENERATED FILE, DO NOT EDIT.
 * Generated from the installed @aws-sdk/client-lambda (its endpoint resolver) and the AWS partitions
 * data by scripts/gen-lambda-endpoints.mjs (\`npm run gen\`). test/wire/lambda-hosts.test.ts fails while
 * it differs from what the installed SDK says.
 */
import type { LambdaEndpointData } from './sdk-endpoint-data.js';

export const LAMBDA_ENDPOINTS: LambdaEndpointData = ${JSON.stringify(lambdaEndpointTable(), null, 2)};
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = generateLambdaEndpoints();
  if (process.argv.includes('--check')) {
    if (readFileSync(GENERATED_ENDPOINTS_FILE, 'utf8') !== source) {
      console.error('src/wire/lambda-endpoints.generated.ts is stale: run npm run gen');
      process.exit(1);
    }
  } else {
    writeFileSync(GENERATED_ENDPOINTS_FILE, source);
  }
}
