import { defineConfig } from 'tsup';

export default defineConfig([{
  entry: { index: 'src/index.ts', vitest: 'src/vitest/index.ts', 'vitest-reporter': 'src/vitest/reporter.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // One copy of the engine per format, even across entry points (CJS too).
  splitting: true,
  // CJS output has no import.meta; the shim gives it import.meta.url.
  shims: true,
  sourcemap: true,
  target: 'node20',
  // Peers stay external so users never get a second copy of nock or the SDK.
  external: ['nock', 'vitest', '@aws-sdk/client-lambda', '@smithy/signature-v4', '@aws-sdk/credential-provider-node'],
}, {
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  target: 'node20',
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  external: ['nock', 'vitest', '@aws-sdk/client-lambda', '@smithy/signature-v4', '@aws-sdk/credential-provider-node'],
}]);
