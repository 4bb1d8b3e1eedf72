/** Defaults shown in `--help` and applied by the commands; kept apart so help needs no command module. */
import type { CassetteMode } from '../engine/mode-table.js';
import { DEFAULTS } from '../engine/defaults.js';

/** Modes `serve --mode` offers (LAMBDA_CASSETTE_MODE may name any mode). */
export const SERVE_MODES: readonly CassetteMode[] = ['replay', 'record', 'auto', 'mock'];
/** Folder of `<function-name>.schema.json` files `typegen` reads. */
export const DEFAULT_SCHEMAS_DIR = 'payload-schemas';
/** File `typegen` writes. */
export const DEFAULT_OUT = 'lambda-payloads.d.ts';
/** Folder of cassettes `typegen --infer` reads. */
export const DEFAULT_CASSETTES_DIR = DEFAULTS.cassetteDir;
