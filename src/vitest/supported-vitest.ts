/**
 * Imported first by the vitest entries: an older vitest fails here, naming the supported versions,
 * before anything else of the integration loads.
 */
import { requireRunner } from '../runners/runner-version.js';

requireRunner({ runner: 'vitest', packages: ['vitest'], minimum: 3, install: 'npm install --save-dev vitest@latest' }, import.meta.url);
