/** Defaults shown in `--help` and applied by the commands; kept apart so help needs no command module. */
import { CASSETTE_MODES, type CassetteMode } from '../engine/mode-table.js';
import { DEFAULTS } from '../engine/defaults.js';

/** Modes `serve --mode` offers: every mode a double in code takes. */
export const SERVE_MODES: readonly CassetteMode[] = CASSETTE_MODES;
/** What `serve --on-unhandled-request` takes (a function is for code only). */
export const UNHANDLED_POLICIES = ['error', 'warn', 'bypass'] as const;
/** Folder of `<function-name>.schema.json` files `typegen` reads. */
export const DEFAULT_SCHEMAS_DIR = 'payload-schemas';
/** File `typegen` writes. */
export const DEFAULT_OUT = 'lambda-payloads.d.ts';
/** Folder of cassettes `typegen --infer` reads. */
export const DEFAULT_CASSETTES_DIR = DEFAULTS.cassetteDir;
