/**
 * `lambda-cassette serve [cassette]`: the loopback server in the foreground, for clients that are
 * not Node (AWS CLI, boto3, the Java SDK). Prints the URL on stdout (first line, alone, for scripts),
 * logs each call on stderr, and on SIGINT/SIGTERM closes the double: the cassette is written when
 * recording, and unmatched requests make the exit code 1.
 */
import { existsSync } from 'node:fs';
import { openCassetteIn } from '../api/open-cassette.js';
import { mockLambda } from '../api/mock-lambda.js';
import { CassetteNotFoundError } from '../common/cassette-errors.js';
import { UsageError } from '../common/cli-errors.js';
import { locateCassette } from './cassette-paths.js';
import { MODE_ENV, reachesNetwork, resolveMode, writesCassette, type CassetteMode } from '../engine/mode-table.js';
import { engineOf, type LambdaDouble } from '../api/lambda-double.js';
import type { LambdaCall } from '../engine/call-log.js';
import { CALLS_PATH } from '../doors/loopback/loopback-server-door.js';
import { REFUSAL_TYPES } from '../doors/loopback/cassette-refusal.js';
import type { CliIo } from './cli-io.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';
import { functionLabel } from '../wire/lambda-address.js';
import { useHintStyle } from '../matching/hint-style.js';
import { isHttpUrl, notHttpUrl } from '../common/http-url.js';
import { checkJsonPathFlag } from './json-path-flag.js';

export interface ServeOptions {
  /** Set only when given on the command line: it then wins over LAMBDA_CASSETTE_MODE. */
  mode?: CassetteMode;
  port: number;
  target?: string;
  dir?: string;
  region?: string;
  functions?: string[];
  /** Sign forwarded requests again for the target with the default AWS credential chain. */
  sign?: boolean;
  /** JSONPaths left out of matching (the `ignore` option). */
  ignore?: string[];
  allowPlaybackRepeats?: boolean;
  onUnhandledRequest?: 'error' | 'warn' | 'bypass';
}

/** Resolves when the process is asked to stop; a second signal exits at once. */
export type StopSignal = () => Promise<NodeJS.Signals>;

function processStopSignal(io: CliIo): StopSignal {
  return () =>
    new Promise((resolve) => {
      let asked = false;
      const onSignal = (signal: NodeJS.Signals) => {
        if (asked) {
          io.err(`lambda-cassette: ${signal} again, stopping without finishing (nothing written)\n`);
          process.exit(EXIT_FINDINGS);
        }
        asked = true;
        resolve(signal);
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    });
}

function describeCall(call: LambdaCall, io: CliIo): string {
  const c = io.errColor;
  const fn = `${call.operation === 'Invoke' ? 'Invoke ' : ''}${functionLabel(call)}`;
  const outcome =
    call.status === 0
      ? c.red(call.errorType ?? 'no answer')
      : call.errorType
        ? c.yellow(`${call.status} ${call.errorType}`)
        : c.green(String(call.status));
  const attempt = call.attempt > 1 ? ` (attempt ${call.attempt})` : '';
  return `  ${fn} (${call.region})${attempt} -> ${outcome} [${call.source}]\n`;
}

export async function serveCommand(
  cassette: string | undefined,
  options: ServeOptions,
  io: CliIo,
  stopSignal: StopSignal = processStopSignal(io),
): Promise<number> {
  // Hints in miss messages name the flags of this command, not options of openCassette.
  useHintStyle('serve');
  // The flag beats the environment variable; openCassette must not let the variable override it.
  const mode = options.mode ?? resolveMode(undefined, 'auto', io.env);
  // The flag or the variable, whichever decided, is passed on as the mode itself.
  const env = { ...io.env, [MODE_ENV]: undefined };
  if (options.target !== undefined && !isHttpUrl(options.target))
    throw new UsageError(notHttpUrl('--target', options.target));
  // Named as the flag: openCassette would name its option "ignore" and exit as a finding, not a usage error.
  if (options.ignore) checkJsonPathFlag('--ignore', options.ignore);

  if (options.sign && options.target === undefined) {
    throw new UsageError(
      '--sign signs the requests forwarded to --target: pass --target URL (e.g. https://lambda.us-east-1.amazonaws.com)',
    );
  }

  let lambda: LambdaDouble;
  let file: string | undefined;
  let existed = false;
  if (mode === 'mock') {
    lambda = await mockLambda({
      ...(options.functions ? { functions: options.functions } : {}),
      ...(options.region ? { region: options.region } : {}),
      ...(options.onUnhandledRequest ? { onUnhandledRequest: options.onUnhandledRequest } : {}),
    });
  } else {
    if (cassette === undefined)
      throw new UsageError(`mode "${mode}" needs a <cassette> (a name inside --dir, or a path to a .json file)`);
    const where = locateCassette(cassette, options.dir);
    file = where.file;
    existed = existsSync(file);
    if (reachesNetwork(mode, existed) && options.target === undefined) {
      const why =
        mode === 'auto'
          ? `${file} does not exist, so mode "auto" would record it`
          : `mode "${mode}" forwards requests to a real endpoint`;
      throw new UsageError(`${why}: pass --target URL (where to record from, e.g. a moto or LocalStack endpoint)`);
    }
    try {
      lambda = await openCassetteIn(env, where.name, {
        dir: where.dir,
        mode,
        ...(options.target !== undefined ? { target: options.target } : {}),
        ...(options.region ? { region: options.region } : {}),
        ...(options.functions ? { functions: options.functions } : {}),
        ...(options.ignore ? { ignore: options.ignore } : {}),
        ...(options.allowPlaybackRepeats ? { allowPlaybackRepeats: true } : {}),
        ...(options.onUnhandledRequest ? { onUnhandledRequest: options.onUnhandledRequest } : {}),
      });
    } catch (e) {
      if (e instanceof CassetteNotFoundError) throw new UsageError(e.message);
      throw e;
    }
  }

  const c = io.errColor;
  let server;
  try {
    server = await lambda.listen({
      port: options.port,
      ...(options.sign ? { sign: true } : {}),
      onFailure: (error, req) =>
        io.err(
          `${c.red(REFUSAL_TYPES[error.name] ? `answered 400 ${REFUSAL_TYPES[error.name]!}` : 'no answer')} ${req.method} ${req.path}: ${error.message}\n`,
        ),
      onWarning: (message) => io.err(`${c.yellow('warning')} ${message}\n`),
    });
  } catch (e) {
    await lambda.close().catch(() => {});
    throw e;
  }
  io.out(`${server.url}\n`);
  io.err(
    `lambda-cassette: serving ${file ?? 'mock answers'} (mode ${mode}) at ${c.bold(server.url)}\n` +
      (options.sign && options.target !== undefined
        ? `  forwarding to ${options.target}, signed again with your AWS credentials\n`
        : '') +
      `  call log: GET ${server.url}${CALLS_PATH}\n` +
      `  try: aws lambda invoke-async --endpoint-url ${server.url} --function-name my-fn --invoke-args event.json\n` +
      '  Ctrl+C (SIGINT) or SIGTERM stops it' +
      (file !== undefined && writesCassette(mode, existed) ? ' and writes the cassette\n' : '\n'),
  );

  // Each call as it is answered, in log order.
  let printed = 0;
  const printNew = () => {
    for (const call of lambda.calls.slice(printed)) io.err(describeCall(call, io));
    printed = lambda.calls.length;
  };
  const ticker = setInterval(printNew, 100);

  const signal = await stopSignal();
  clearInterval(ticker);
  printNew();
  io.err(`lambda-cassette: ${signal}, stopping after ${lambda.calls.length} call(s)\n`);
  try {
    await lambda.close();
  } catch (e) {
    // The close() messages name options of code; here the same settings are flags.
    const message = (e as Error).message.replace(
      "onUnhandledRequest: 'bypass' (or 'warn')",
      '--on-unhandled-request bypass (or warn)',
    );
    io.err(`${c.red('error')} ${message}\n`);
    return EXIT_FINDINGS;
  }
  if (file !== undefined && engineOf(lambda).wroteCassette) io.err(`lambda-cassette: wrote ${file}\n`);
  return EXIT_OK;
}
