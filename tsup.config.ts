import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', vitest: 'src/vitest/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // Peers stay external so users never get a second copy of nock or the SDK.
  external: ['nock', 'vitest', '@aws-sdk/client-lambda'],
});
