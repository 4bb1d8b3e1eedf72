/**
 * The record modes (the mode table of README.md and docs/cassettes.md), in one table: what each mode
 * does with its cassette and the network. `openCassette`, the cassette responder and
 * `lambda-cassette serve` all read it, so a new mode is one row here plus, if it answers in a new
 * way, one case in the responder.
 */
import { InvalidOptionError } from '../common/seal-errors.js';

/** How a double uses its cassette and the network. */
export type CassetteMode = 'replay' | 'record' | 'rerecord' | 'auto' | 'new-episodes' | 'passthrough' | 'mock';

export const CASSETTE_MODES: readonly CassetteMode[] = [
  'replay',
  'record',
  'rerecord',
  'auto',
  'new-episodes',
  'passthrough',
  'mock',
];

/** How requests are answered once the mode is settled against the cassette on disk. */
export type Answering = 'replay' | 'record' | 'new-episodes' | 'passthrough' | 'mock';

/** One row of the table. */
interface ModeRule {
  /** Whether the cassette file is read at open (and validated: a file we cannot read is never overwritten). */
  loadsCassette: boolean;
  /** Whether a missing cassette is an error at open. */
  requiresCassette: boolean;
  /** How requests are answered when the cassette exists, and when it does not. */
  answers: { withCassette: Answering; withoutCassette: Answering };
  /** Whether the cassette written holds only this run's recordings (the interactions it had are dropped). */
  startsAfresh?: boolean;
}

/** What each way of answering does with the network and the file. */
interface AnsweringRule {
  /** When requests are sent to the real endpoint. */
  network: 'never' | 'misses' | 'always';
  /** When the cassette is written at `close()`. */
  writes: 'never' | 'when-something-was-recorded' | 'always';
}

export const MODE_TABLE: Readonly<Record<CassetteMode, ModeRule>> = {
  replay: {
    loadsCassette: true,
    requiresCassette: true,
    answers: { withCassette: 'replay', withoutCassette: 'replay' },
  },
  record: {
    loadsCassette: true,
    requiresCassette: false,
    answers: { withCassette: 'record', withoutCassette: 'record' },
  },
  // record keeps answers for requests the run did not make; rerecord is "delete the file, then record".
  rerecord: {
    loadsCassette: true,
    requiresCassette: false,
    answers: { withCassette: 'record', withoutCassette: 'record' },
    startsAfresh: true,
  },
  auto: {
    loadsCassette: true,
    requiresCassette: false,
    answers: { withCassette: 'replay', withoutCassette: 'record' },
  },
  'new-episodes': {
    loadsCassette: true,
    requiresCassette: false,
    answers: { withCassette: 'new-episodes', withoutCassette: 'new-episodes' },
  },
  passthrough: {
    loadsCassette: false,
    requiresCassette: false,
    answers: { withCassette: 'passthrough', withoutCassette: 'passthrough' },
  },
  mock: { loadsCassette: false, requiresCassette: false, answers: { withCassette: 'mock', withoutCassette: 'mock' } },
};

export const ANSWERING_TABLE: Readonly<Record<Answering, AnsweringRule>> = {
  replay: { network: 'never', writes: 'never' },
  record: { network: 'always', writes: 'always' },
  'new-episodes': { network: 'misses', writes: 'when-something-was-recorded' },
  passthrough: { network: 'always', writes: 'never' },
  mock: { network: 'never', writes: 'never' },
};

/** How `mode` answers, given whether its cassette exists. */
export function answeringOf(mode: CassetteMode, cassetteExists: boolean): Answering {
  const { answers } = MODE_TABLE[mode];
  return cassetteExists ? answers.withCassette : answers.withoutCassette;
}

/** Whether a mode, given whether its cassette exists, may write a cassette (the CI guard asks this). */
export function writesCassette(mode: CassetteMode, cassetteExists: boolean): boolean {
  return ANSWERING_TABLE[answeringOf(mode, cassetteExists)].writes !== 'never';
}

/** Whether a mode, given whether its cassette exists, sends requests to the real endpoint. */
export function reachesNetwork(mode: CassetteMode, cassetteExists: boolean): boolean {
  return ANSWERING_TABLE[answeringOf(mode, cassetteExists)].network !== 'never';
}

/** Environment variable that overrides the mode set in code. */
export const MODE_ENV = 'LAMBDA_CASSETTE_MODE';
/** Environment variable that allows recording under `CI=true`. */
const ALLOW_CI_RECORD_ENV = 'LAMBDA_CASSETTE_ALLOW_CI_RECORD';

function truthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * The mode in force: `LAMBDA_CASSETTE_MODE` wins over `fromCode`, which wins over `fallback`. A
 * double set to `mock` in code has no cassette and stays a mock, so re-recording a suite with
 * `LAMBDA_CASSETTE_MODE=record` leaves its unit tests alone.
 */
export function resolveMode(
  fromCode: CassetteMode | undefined,
  fallback: CassetteMode,
  env: NodeJS.ProcessEnv = process.env,
): CassetteMode {
  if (fromCode === 'mock') return 'mock';
  const fromEnv = env[MODE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!CASSETTE_MODES.includes(fromEnv as CassetteMode)) {
      throw new InvalidOptionError(
        `lambda-cassette: ${MODE_ENV}="${fromEnv}" is not a mode; use one of ${CASSETTE_MODES.join(', ')}`,
      );
    }
    return fromEnv as CassetteMode;
  }
  const mode = fromCode ?? fallback;
  if (!CASSETTE_MODES.includes(mode)) {
    throw new InvalidOptionError(
      `lambda-cassette: option "mode" is "${String(mode)}"; use one of ${CASSETTE_MODES.join(', ')}`,
    );
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
