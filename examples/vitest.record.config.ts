import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// Re-records every example cassette from moto: `npm run record:examples`.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      globalSetup: ['./record-setup.ts'],
      env: { LAMBDA_CASSETTE_MODE: 'record' },
    },
  }),
);
