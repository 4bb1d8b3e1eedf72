import { defineConfig } from 'tsup';

// Peers stay external so users never get a second copy of nock, the SDK or their test runner.
const peers = [
  'nock',
  'vitest',
  '@vitest/runner',
  '@aws-sdk/client-lambda',
  '@jest/globals',
  'expect',
  'json-schema-to-typescript',
  '@smithy/signature-v4',
  '@aws-sdk/credential-provider-node',
];

// No source maps: the tarball ships no TypeScript sources for them to point at, and they were over
// half of the installed package (2.1 MB of files with them, 0.9 MB without).
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      vitest: 'src/vitest/index.ts',
      'vitest-reporter': 'src/vitest/reporter.ts',
      jest: 'src/jest/index.ts',
      'jest-reporter': 'src/jest/reporter.ts',
      'node-test': 'src/node-test/index.ts',
      matchers: 'src/matchers/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    // One copy of the engine per format, even across entry points (CJS too).
    splitting: true,
    // CJS output has no import.meta; the shim gives it import.meta.url.
    shims: true,
    // `node:test` exists only with its prefix (there is no `test` module): keep every `node:` prefix.
    removeNodeProtocol: false,
    target: 'node20',
    external: peers,
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    external: peers,
  },
]);
