/** The record modes of API.md §1, and the environment switches that govern them. */

/** How a double uses its cassette and the network. */
export type CassetteMode = 'replay' | 'record' | 'auto' | 'new-episodes' | 'passthrough' | 'mock';

export const CASSETTE_MODES: readonly CassetteMode[] = ['replay', 'record', 'auto', 'new-episodes', 'passthrough', 'mock'];

/** Environment variable that overrides the mode set in code. */
export const MODE_ENV = 'LAMBDA_CASSETTE_MODE';
/** Environment variable that allows recording under `CI=true`. */
export const ALLOW_CI_RECORD_ENV = 'LAMBDA_CASSETTE_ALLOW_CI_RECORD';

function truthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * The mode in force: `LAMBDA_CASSETTE_MODE` wins over `fromCode`, which wins over `fallback`. A
 * double set to `mock` in code has no cassette and stays a mock, so re-recording a suite with
 * `LAMBDA_CASSETTE_MODE=record` leaves its unit tests alone.
 */
export function resolveMode(fromCode: CassetteMode | undefined, fallback: CassetteMode, env: NodeJS.ProcessEnv = process.env): CassetteMode {
  if (fromCode === 'mock') return 'mock';
  const fromEnv = env[MODE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!CASSETTE_MODES.includes(fromEnv as CassetteMode)) {
      throw new TypeError(`lambda-cassette: ${MODE_ENV}="${fromEnv}" is not a mode; use one of ${CASSETTE_MODES.join(', ')}`);
    }
    return fromEnv as CassetteMode;
  }
  const mode = fromCode ?? fallback;
  if (!CASSETTE_MODES.includes(mode)) {
    throw new TypeError(`lambda-cassette: option "mode" is "${String(mode)}"; use one of ${CASSETTE_MODES.join(', ')}`);
  }
  return mode;
}

/** Whether this process runs in CI (`CI` set to anything but false/0). */
export function inCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return truthy(env['CI']);
}

/** Whether recording under CI was allowed by the option or the environment. */
export function ciRecordingAllowed(option: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  return option === true || truthy(env[ALLOW_CI_RECORD_ENV]);
}

/** Whether a mode, given whether its cassette exists, would write a cassette. */
export function writesCassette(mode: CassetteMode, cassetteExists: boolean): boolean {
  return mode === 'record' || mode === 'new-episodes' || (mode === 'auto' && !cassetteExists);
}
