/** Defaults shown in `--help` and applied by the commands; kept apart so help needs no command module. */
import type { CassetteMode } from '../modes.js';

/** Modes `serve --mode` offers (LAMBDA_CASSETTE_MODE may name any mode). */
export const SERVE_MODES: readonly CassetteMode[] = ['replay', 'record', 'auto', 'mock'];
