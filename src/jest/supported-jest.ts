/**
 * Imported first by the Jest entries: an older Jest fails here, naming the supported versions,
 * before anything else of the integration loads.
 */
import { requireRunner } from '../runners/runner-version.js';

requireRunner(
  {
    runner: 'Jest',
    packages: ['jest', '@jest/globals', 'jest-circus'],
    minimum: 29,
    install: 'npm install --save-dev jest@30 @jest/globals@30',
  },
  import.meta.url,
);
