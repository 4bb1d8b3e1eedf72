/**
 * The options of a double, checked and given their defaults in one place, whichever entry opens it:
 * `openCassette`, `mockLambda`, `useLambdaCassette` (vitest, Jest, node:test) and `lambda-cassette
 * serve`. Everything is checked before anything is attached, so a bad option never leaves a double
 * half open, and every entry refuses the same values with the same message.
 */
import type { OpenCassetteOptions } from './open-cassette.js';
import type { MockLambdaOptions } from './mock-lambda.js';
import { checkKnownOptions } from '../engine/option-check.js';
import { checkOnUnhandledRequest } from '../engine/unhandled-policy.js';
import { checkCloseTimeout } from '../engine/in-flight-recordings.js';
import { resolveMode, type CassetteMode } from '../engine/mode-table.js';
import { DEFAULTS } from '../engine/defaults.js';
import { checkMatchOption, DEFAULT_MATCH, type MatchOption } from '../matching/request-key.js';
import { checkIgnoreOption } from '../matching/ignore-paths.js';
import { checkExpiryStrategy, parseMaxAge } from '../cassette/expiry.js';
import { cassetteFile } from '../cassette/cassette-file.js';
import { checkJsonPathOption } from '../common/json-path.js';
import { checkHttpUrlOption } from '../common/http-url.js';
import { InvalidOptionError } from '../common/seal-errors.js';

/** The options {@link openCassette} knows, for the unknown-option check. */
const OPEN_CASSETTE_OPTIONS: readonly (keyof OpenCassetteOptions)[] = [
  'mode',
  'dir',
  'endpoint',
  'target',
  'allowPlaybackRepeats',
  'redact',
  'maskAccountIds',
  'match',
  'allowRecordingInCI',
  'region',
  'accountId',
  'functions',
  'onUnhandledRequest',
  'ignore',
  'maxAge',
  'onExpired',
  'allowUnusedInteractions',
  'closeTimeout',
  'handlers',
];

/** The options {@link mockLambda} knows, for the unknown-option check. */
const MOCK_LAMBDA_OPTIONS: readonly (keyof MockLambdaOptions)[] = [
  'functions',
  'region',
  'accountId',
  'endpoint',
  'onUnhandledRequest',
  'handlers',
];

/** What `useLambdaCassette` takes on top of the options of `openCassette`. */
const RUNNER_OPTIONS: readonly string[] = [...OPEN_CASSETTE_OPTIONS, 'name'];

/**
 * The `endpoint` option as a list.
 * @throws {InvalidOptionError} for an entry that is not an absolute http(s) URL.
 */
function endpointList(endpoint: string | readonly string[] | undefined): string[] {
  if (endpoint === undefined) return [];
  const list = typeof endpoint === 'string' ? [endpoint] : [...endpoint];
  for (const url of list) checkHttpUrlOption('option "endpoint"', url);
  return list;
}

/** What every double is opened with, settled. */
interface SettledDoubleOptions {
  region: string;
  accountId: string;
  endpoints: string[];
}

function settleShared(options: MockLambdaOptions): SettledDoubleOptions {
  checkOnUnhandledRequest(options.onUnhandledRequest);
  return {
    region: options.region ?? DEFAULTS.region,
    accountId: options.accountId ?? DEFAULTS.accountId,
    endpoints: endpointList(options.endpoint),
  };
}

/** The values of `openCassette` options that need no environment, checked (names are checked apart). */
function settleCassetteValues(options: OpenCassetteOptions): SettledDoubleOptions & { maxAgeMs: number | undefined } {
  const shared = settleShared(options);
  checkJsonPathOption('redact', options.redact, "redact: ['$.card.number', '$..password']");
  checkIgnoreOption(options.ignore);
  if (options.match !== undefined) checkMatchOption(options.match);
  if (options.target !== undefined) checkHttpUrlOption('option "target"', options.target);
  checkExpiryStrategy(options.onExpired);
  const maxAgeMs = options.maxAge === undefined ? undefined : parseMaxAge(options.maxAge);
  if (options.closeTimeout !== undefined) checkCloseTimeout(options.closeTimeout);
  return { ...shared, maxAgeMs };
}

/**
 * Checks the names in `mockLambda`'s options object (its values are checked as the double opens,
 * by {@link settleMockOptions}).
 * @throws {InvalidOptionError} naming `where`, the unknown option and the nearest known one.
 */
export function checkMockOptionNames(where: string, options: unknown): void {
  checkKnownOptions(where, options as object | undefined, MOCK_LAMBDA_OPTIONS);
}

/**
 * Checks the options a runner's `useLambdaCassette` was given, when it is given them: an object
 * now, at registration; a function's result before each test, as `openCassette` checks it then.
 */
export function checkRunnerOptions(options: unknown): void {
  if (typeof options === 'function') return;
  checkKnownOptions('useLambdaCassette', options as object | undefined, RUNNER_OPTIONS);
  const { name, ...open } = (options ?? {}) as OpenCassetteOptions & { name?: unknown };
  if (name !== undefined && typeof name !== 'function')
    throw new InvalidOptionError(
      `lambda-cassette: useLambdaCassette() option "name" must be a function (test) => string, got ${typeof name}`,
    );
  settleCassetteValues(open);
}

/** A mock double's options, settled. */
interface SettledMockOptions extends SettledDoubleOptions {
  functions: readonly string[] | undefined;
}

/** `mockLambda`'s options (or `openCassette`'s in `mode: 'mock'`), checked and with their defaults. */
export function settleMockOptions(options: MockLambdaOptions): SettledMockOptions {
  return { ...settleShared(options), functions: options.functions };
}

/** A cassette double's options, settled. */
export interface SettledCassetteOptions {
  mode: CassetteMode;
  dir: string;
  /** The cassette file: `<dir>/<name>.json`. */
  file: string;
  match: MatchOption;
  /** `maxAge` in milliseconds; undefined when interactions never expire. */
  maxAgeMs: number | undefined;
  /** Region, account id and endpoints, with the file as the double's label. */
  settings: SettledDoubleOptions & { label: string };
}

/**
 * `openCassette`'s options, checked and with their defaults; the mode is read from `env` too
 * (`LAMBDA_CASSETTE_MODE`).
 * @throws {InvalidOptionError} naming the option at fault; InvalidCassetteNameError for `name`.
 */
export function settleCassetteOptions(
  where: string,
  name: string,
  options: OpenCassetteOptions,
  env: NodeJS.ProcessEnv,
): SettledCassetteOptions {
  checkKnownOptions(where, options, OPEN_CASSETTE_OPTIONS);
  const { maxAgeMs, ...shared } = settleCassetteValues(options);
  const mode = resolveMode(options.mode, 'auto', env);
  const dir = options.dir ?? DEFAULTS.cassetteDir;
  const file = cassetteFile(name, dir);
  return { mode, dir, file, match: options.match ?? DEFAULT_MATCH, maxAgeMs, settings: { ...shared, label: file } };
}
