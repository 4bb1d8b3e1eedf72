import { existsSync } from 'node:fs';
import type { LambdaDouble } from './lambda-double.js';
import { openDouble } from './open-double.js';
import { CassetteResponder } from '../engine/cassette-responder.js';
import { loadCassette, loadCassetteForReplay } from '../cassette/index.js';
import { CassetteNotFoundError } from '../common/cassette-errors.js';
import { RecordingInCIError } from '../common/recording-errors.js';
import {
  answeringOf,
  ciRecordingAllowed,
  inCI,
  MODE_TABLE,
  reachesNetwork,
  writesCassette,
  type CassetteMode,
} from '../engine/mode-table.js';
import { noticeAutoRecording } from './auto-record-notice.js';
import type { MatchOption } from '../matching/request-key.js';
import { openMockDouble } from './mock-lambda.js';
import { unhandledPolicy, type OnUnhandledRequest } from '../engine/unhandled-policy.js';
import type { ExpiryStrategy } from '../cassette/expiry.js';
import type { ExpirySettings } from '../engine/expiry-policy.js';
import { reportCassetteRun } from '../report/run-report-sink.js';
import path from 'node:path';
import { claimCallerContext, type ContextClaim } from '../doors/shared/route-by-context.js';
import { settleCassetteOptions, type SettledCassetteOptions } from './double-options.js';

/** Options of {@link openCassette}. */
export interface OpenCassetteOptions {
  /** How the cassette and the network are used (default `auto`); `LAMBDA_CASSETTE_MODE` overrides it. */
  mode?: CassetteMode;
  /** Folder of cassette files (default `cassettes` in the working directory). */
  dir?: string;
  /** Custom Lambda endpoint(s) to intercept too; recording forwards to them. */
  endpoint?: string | readonly string[];
  /**
   * Where recording (and passthrough) forwards every request, instead of the URL it was sent to:
   * an absolute URL whose origin replaces the request's (e.g. a moto or LocalStack endpoint). Needed
   * when requests arrive through `listen()`, whose own URL is the double itself.
   */
  target?: string;
  /** Replay the last recorded answer again once all answers for a request were played (default false). */
  allowPlaybackRepeats?: boolean;
  /** JSONPath expressions of payload fields to replace with `[REDACTED]` before anything is written. */
  redact?: readonly string[];
  /** Replace 12-digit account ids in recorded references, headers and messages with `000000000000`. */
  maskAccountIds?: boolean;
  /** How requests are compared (default: function, qualifier and canonical JSON payload). */
  match?: MatchOption;
  /** Allow a mode that writes the cassette while `CI=true` (also `LAMBDA_CASSETTE_ALLOW_CI_RECORD=1`). */
  allowRecordingInCI?: boolean;
  /** Region assumed when neither the host nor the signature names one (default `us-east-1`). */
  region?: string;
  /** Account id printed in ARNs by mock answers (default `123456789012`). */
  accountId?: string;
  /** `mock` mode only: the functions that exist. */
  functions?: readonly string[];
  /**
   * What becomes of a request to a Lambda host that the double does not serve (another Lambda API,
   * `Invoke`): `'error'` (it fails with `UnhandledRequestError` and `close()` lists it), `'warn'`
   * (printed, then sent on), `'bypass'` (sent on), or a function that sees it (sent on unless it
   * throws). Default: `'error'` in `replay` and `mock`, `'bypass'` in modes that reach the network.
   */
  onUnhandledRequest?: OnUnhandledRequest;
  /**
   * JSONPath expressions of payload fields left out of matching (`['$.sentAt', '$..traceId']`): a
   * request matches whatever those fields hold now. The cassette keeps them as recorded.
   */
  ignore?: readonly string[];
  /** Interactions recorded longer ago than this are expired: milliseconds, or `'30d'`, `'12h'`, `'90m'`. */
  maxAge?: number | string;
  /**
   * What replaying an expired interaction does (default `'warn'`): `'warn'` replays it with a
   * warning, `'error'` fails the request, `'record'` records it again when the mode may reach the
   * network (`auto`, `new-episodes`, not under `CI=true` unless recording there is allowed), and
   * otherwise replays it with a warning.
   */
  onExpired?: ExpiryStrategy;
  /** `false`: `close()` rejects naming the recorded interactions this run never played (default `true`). */
  allowUnusedInteractions?: boolean;
  /**
   * How long `close()` waits for recorded requests still waiting for the real endpoint's answer
   * (milliseconds, default 10,000) before it rejects with `RecordingIncompleteError` naming them.
   */
  closeTimeout?: number;
  /**
   * What functions answer, as `lambda.respond(name, resultOrHandler)` would set it: RequestResponse
   * answers in `mock` mode, and Event/InvokeAsync deliveries to handlers in every mode.
   */
  handlers?: Readonly<Record<string, unknown>>;
}

/**
 * Opens the cassette `<dir>/<name>.json` and intercepts InvokeAsync until `close()`.
 *
 * @example
 * const lambda = await openCassette('checkout/happy-path', { mode: 'replay' });
 * await placeOrder();
 * lambda.expectInvoked('orders-fn');
 * await lambda.close(); // writes the cassette when recording; rejects on unmatched requests
 */
export async function openCassette(name: string, options: OpenCassetteOptions = {}): Promise<LambdaDouble> {
  return openCassetteIn(process.env, name, options);
}

/**
 * @internal {@link openCassette} reading `LAMBDA_CASSETTE_MODE` and `CI` from `env`: the CLI passes
 * an environment without the mode variable when `--mode` was given on the command line.
 */
export async function openCassetteIn(
  env: NodeJS.ProcessEnv,
  name: string,
  options: OpenCassetteOptions,
): Promise<LambdaDouble> {
  // Every option checked before the double claims the caller's context or attaches anything.
  const settled = settleCassetteOptions('openCassette', name, options, env);
  // The mock double claims the caller's context itself.
  if (settled.mode === 'mock') return openMockDouble(options, settled.file);
  // Before any await: requests made from the caller's async context go to this double.
  const claim = claimCallerContext();
  try {
    return await openCassetteDouble(env, options, settled, claim);
  } catch (error) {
    claim.abandon();
    throw error;
  }
}

/** The cassette double of `openCassetteIn`, once its options are settled and the caller's context claimed. */
async function openCassetteDouble(
  env: NodeJS.ProcessEnv,
  options: OpenCassetteOptions,
  { mode, dir, file, match, maxAgeMs, settings }: SettledCassetteOptions,
  claim: ContextClaim,
): Promise<LambdaDouble> {
  const rule = MODE_TABLE[mode];
  const exists = existsSync(file);
  if (inCI(env) && writesCassette(mode, exists) && !ciRecordingAllowed(options.allowRecordingInCI, env)) {
    throw new RecordingInCIError(file, mode);
  }
  if (rule.requiresCassette && !exists) {
    reportCassetteRun(
      {
        cassette: path.resolve(file),
        mode,
        replayed: 0,
        recorded: 0,
        created: false,
        missing: true,
        misses: [],
        unused: [],
        expired: 0,
      },
      env,
    );
    throw new CassetteNotFoundError(file);
  }
  // Loading validates even in record mode: a cassette we cannot read is never overwritten. A replay
  // checks each interaction when it first needs it (most tests need few of a large cassette's).
  const replays = rule.loadsCassette && rule.answers.withCassette === 'replay';
  const lazily = replays ? await loadCassetteForReplay(file) : undefined;
  const loaded = replays ? lazily?.cassette : rule.loadsCassette ? await loadCassette(file) : undefined;
  const behaviour = answeringOf(mode, loaded !== undefined);
  if (mode === 'auto' && loaded === undefined) noticeAutoRecording(file, options.target);
  if (behaviour === 'mock') throw new Error(`lambda-cassette: mode "${mode}" has no cassette responder`);
  const responder = new CassetteResponder({
    behaviour,
    ...(rule.startsAfresh ? { startsAfresh: true } : {}),
    file,
    dir,
    loaded,
    ...(lazily ? { checkInteraction: lazily.checkInteraction } : {}),
    match,
    allowPlaybackRepeats: options.allowPlaybackRepeats ?? false,
    redact: options.redact ?? [],
    maskAccountIds: options.maskAccountIds ?? false,
    ...(options.target !== undefined ? { target: options.target } : {}),
    ignore: options.ignore ?? [],
    ...(maxAgeMs !== undefined ? { expiry: expirySettings(mode, maxAgeMs, options, env) } : {}),
    allowUnusedInteractions: options.allowUnusedInteractions ?? true,
  });
  const network = reachesNetwork(mode, loaded !== undefined);
  return openDouble({
    mode,
    responder,
    settings: {
      ...settings,
      onUnhandledRequest: unhandledPolicy(options.onUnhandledRequest, network),
      ...(options.closeTimeout !== undefined ? { closeTimeout: options.closeTimeout } : {}),
    },
    handlers: options.handlers,
    claim,
    dummyCredentials: !network,
  });
}

/** Whether `onExpired: 'record'` may record here: the mode may reach the network, and CI allows it. */
function expirySettings(
  mode: CassetteMode,
  maxAgeMs: number,
  options: OpenCassetteOptions,
  env: NodeJS.ProcessEnv,
): ExpirySettings {
  const settings: ExpirySettings = { maxAgeMs, onExpired: options.onExpired ?? 'warn', mayRecord: false };
  if (!reachesNetwork(mode, false)) settings.whyNot = `mode "${mode}" never records`;
  else if (inCI(env) && !ciRecordingAllowed(options.allowRecordingInCI, env))
    settings.whyNot = 'CI=true (allow with allowRecordingInCI: true or LAMBDA_CASSETTE_ALLOW_CI_RECORD=1)';
  else settings.mayRecord = true;
  return settings;
}
