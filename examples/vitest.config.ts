import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

// The examples import 'lambda-cassette' exactly as a user would; here that name points at the sources.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^lambda-cassette\/vitest$/, replacement: src('vitest/index.ts') },
      { find: /^lambda-cassette$/, replacement: src('index.ts') },
    ],
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    // The run summary (users write 'lambda-cassette/vitest-reporter'; here it is the sources).
    reporters: ['default', src('vitest/reporter.ts')],
    // The demo replays the committed cassettes and never touches the network;
    // vitest.record.config.ts switches this to "record".
    env: { LAMBDA_CASSETTE_MODE: 'replay' },
  },
});
