/**
 * Imported first by the vitest entries: an older vitest fails here, naming the supported versions,
 * before anything else of the integration loads.
 */
import { requireRunner } from '../runners/runner-version.js';

// vitest 4, not latest: vitest 5 needs Node 22, and Node 20 is supported.
requireRunner(
  { runner: 'vitest', packages: ['vitest'], minimum: 3, install: 'npm install --save-dev vitest@4' },
  import.meta.url,
);
