/**
 * The `lambda-cassette` command line: commander wiring, help texts and exit codes. Each command's
 * work lives in its own module next to this one.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { libraryVersion } from '../cassette/library-version.js';
import type { CassetteMode } from '../engine/mode-table.js';
import type { CliIo } from './cli-io.js';
import { EXIT_CODES_HELP, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes.js';
import type { StopSignal } from './serve.js';
import { DEFAULT_CASSETTES_DIR, DEFAULT_OUT, DEFAULT_SCHEMAS_DIR, SERVE_MODES } from './defaults.js';

// Each command's module (and the packages it needs: json-schema-to-typescript, cli-table3, the
// engine) loads only when that command runs: `--help` and `validate` in a pre-commit hook stay quick.

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65_535) throw new InvalidArgumentError('must be an integer from 0 to 65535 (0: any free port)');
  return n;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function list(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n${EXIT_CODES_HELP}`;

export interface RunOptions {
  /** How `serve` waits to be stopped (tests replace the process signals). */
  stopSignal?: StopSignal;
}

/** Runs the command line `argv` (without `node` and the script) and resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, runOptions: RunOptions = {}): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('lambda-cassette')
    .description('Record, replay and mock AWS Lambda InvokeAsync: serve cassettes to any client, and check, scrub, migrate and type them.')
    .version(libraryVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help (every command has its own: lambda-cassette <command> --help)')
    .exitOverride()
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(io.errColor.red(text)),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);

  program
    .command('serve')
    .summary('serve a cassette (or mock answers) on http://127.0.0.1:PORT for the AWS CLI, boto3, any SDK')
    .description(
      'Runs a loopback InvokeAsync server in the foreground, backed by a cassette (or mock answers). ' +
        'Prints its URL on the first line of stdout; logs each call on stderr. GET <url>/_lambda-cassette/calls ' +
        'returns the call log as JSON. SIGINT/SIGTERM stop it: the cassette is written when recording, and ' +
        'requests that found no recorded answer make the exit code 1.\n\n' +
        '<cassette> is a name inside --dir (default "cassettes"), or a path to a .json file. Recording needs ' +
        '--target: requests arrive signed for 127.0.0.1, so only endpoints that do not check signatures ' +
        '(moto, LocalStack) can answer them. --mode beats LAMBDA_CASSETTE_MODE; without either, "auto".',
    )
    .argument('[cassette]', 'cassette name or .json path (not needed with --mode mock)')
    .addOption(new Option('--mode <mode>', 'how the cassette is used (default: $LAMBDA_CASSETTE_MODE, else auto)').choices(SERVE_MODES))
    .option('--port <n>', 'port on 127.0.0.1; 0 picks any free port', port, 0)
    .option('--target <url>', 'where recording forwards requests (e.g. http://127.0.0.1:5000 for moto)')
    .option('--dir <dir>', 'folder of cassettes (default "cassettes")')
    .option('--region <region>', 'region assumed when a request does not name one (default us-east-1)')
    .option('--functions <names>', 'mock mode: the functions that exist, comma-separated (default: all)', list)
    .addHelpText(
      'after',
      examples([
        'lambda-cassette serve checkout/happy-path --mode replay --port 4010',
        'lambda-cassette serve checkout/happy-path --mode record --target http://127.0.0.1:5000',
        'lambda-cassette serve --mode mock --functions orders-fn,mailer',
        'aws lambda invoke-async --endpoint-url http://127.0.0.1:4010 --function-name orders-fn --invoke-args event.json',
      ]),
    )
    .action(async (cassette: string | undefined, options: { mode?: CassetteMode; port: number; target?: string; dir?: string; region?: string; functions?: string[] }) => {
      exitCode = await (await import('./serve.js')).serveCommand(cassette, options, io, runOptions.stopSignal);
    });

  program
    .command('inspect')
    .summary('list the interactions of a cassette')
    .description('Prints a table of a cassette\'s interactions: #, function, qualifier, payload summary, status, error type. The cassette is validated as it is loaded.')
    .argument('<cassette-file>', 'the cassette .json file')
    .option('--json', 'print the rows as JSON')
    .option('--width <n>', 'widest payload summary, in characters', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 10) throw new InvalidArgumentError('must be an integer of at least 10');
      return n;
    })
    .addHelpText('after', examples(['lambda-cassette inspect cassettes/checkout/happy-path.json', 'lambda-cassette inspect cassettes/checkout/happy-path.json --json']))
    .action(async (file: string, options: { json?: boolean; width?: number }) => {
      exitCode = await (await import('./inspect.js')).inspectCommand(file, options, io);
    });

  program
    .command('validate')
    .summary('check cassettes against the schema and scan them for secrets (pre-commit hook)')
    .description(
      'Checks that every cassette loads (JSON, schema, format version) and holds no credential: AWS access ' +
        'key ids (AKIA.../ASIA...), SigV4 signatures, session tokens, authorization / x-amz-security-token ' +
        'values, and 40-character secret access keys next to a key name. Folders are walked for *.json. ' +
        'Each finding names the file and the JSON Pointer of the value; secrets are never printed.',
    )
    .argument('<paths...>', 'cassette files or folders')
    .option('--json', 'print findings as JSON')
    .addHelpText(
      'after',
      examples([
        'lambda-cassette validate cassettes',
        'git diff --cached --name-only -z -- "cassettes/*.json" | xargs -0 -r lambda-cassette validate',
      ]),
    )
    .action(async (paths: string[], options: { json?: boolean }) => {
      exitCode = await (await import('./validate.js')).validateCommand(paths, options, io);
    });

  program
    .command('redact')
    .summary('scrub payload fields (and account ids) from cassettes in place')
    .description(
      'Replaces every payload value matched by a JSONPath with "[REDACTED]" and, with --mask-account-ids, ' +
        'every 12-digit account id in function references, response headers and bodies with 000000000000. ' +
        'Files are rewritten atomically, only when something changes. The filters are recorded in the ' +
        'cassette, as the recorder does, so replay redacts incoming payloads the same way and they still match.',
    )
    .argument('<paths...>', 'cassette files or folders')
    .option('--path <json-path>', 'payload field to redact, e.g. "$.card.number" or "$..password" (repeatable)', collect)
    .option('--mask-account-ids', 'mask 12-digit account ids (never in payloads, which must keep matching)')
    .addHelpText('after', examples(['lambda-cassette redact cassettes --path "$.card.number" --path "$..password"', 'lambda-cassette redact cassettes/checkout.json --mask-account-ids']))
    .action(async (paths: string[], options: { path?: string[]; maskAccountIds?: boolean }) => {
      exitCode = await (await import('./redact.js')).redactCommand(paths, options, io);
    });

  program
    .command('migrate')
    .summary('upgrade cassettes to the current format version')
    .description(
      'Rewrites cassettes written in an older format version in the current one (atomically), through the ' +
        'same migration chain that loading applies in memory. Files already current are left untouched. ' +
        'Reports each file. With --check nothing is written, and the exit code is 1 if anything would change.',
    )
    .argument('<paths...>', 'cassette files or folders')
    .option('--check', 'only report; exit 1 when a cassette needs migrating')
    .addHelpText('after', examples(['lambda-cassette migrate cassettes', 'lambda-cassette migrate --check cassettes']))
    .action(async (paths: string[], options: { check?: boolean }) => {
      exitCode = await (await import('./migrate.js')).migrateCommand(paths, options, io);
    });

  program
    .command('typegen')
    .summary('generate per-function payload types for the assertion helpers and vitest matchers')
    .description(
      'Generates TypeScript types from JSON Schemas of function payloads (one <function-name>.schema.json per ' +
        'function in --schemas) with json-schema-to-typescript, and registers them with lambda-cassette so that ' +
        'expectInvoked, wasInvoked, toHaveInvokedAsyncWith and toHaveInvokedAsyncNthWith type-check the payload ' +
        'of each registered function. Include the output file in your tsconfig.\n\n' +
        '--infer derives a schema for each function from the JSON payloads recorded in --cassettes (types seen, ' +
        'keys required when every sample has them, array items unioned); hand-written schemas win.',
    )
    .option('--schemas <dir>', 'folder of <function-name>.schema.json files', DEFAULT_SCHEMAS_DIR)
    .option('--out <file>', 'file to write ("-" for stdout)', DEFAULT_OUT)
    .option('--infer', 'infer schemas from recorded payloads')
    .option('--cassettes <dir>', `with --infer: folder of cassettes (default "${DEFAULT_CASSETTES_DIR}")`)
    .option('--save-schemas', 'with --infer: also write the inferred schemas into --schemas (never over existing files)')
    .option('--check', 'do not write; exit 1 when the output file is missing or stale')
    .addHelpText(
      'after',
      examples([
        'lambda-cassette typegen --schemas payload-schemas --out test/lambda-payloads.d.ts',
        'lambda-cassette typegen --infer --cassettes cassettes --out test/lambda-payloads.d.ts',
        'lambda-cassette typegen --check --out test/lambda-payloads.d.ts',
      ]),
    )
    .action(async (options: { schemas?: string; out?: string; infer?: boolean; cassettes?: string; saveSchemas?: boolean; check?: boolean }) => {
      exitCode = await (await import('./typegen.js')).typegenCommand(options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    const c = io.errColor;
    if (e instanceof UsageError) {
      io.err(`${c.red('error:')} ${e.message}\n(add --help for usage)\n`);
      return EXIT_USAGE;
    }
    // Our own errors (CassetteError and the others with a stable LC_ code) explain themselves.
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('LC_')) {
      io.err(`${c.red('error:')} ${(e as Error).message}\n`);
      return EXIT_FINDINGS;
    }
    io.err(`${c.red('error:')} ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FINDINGS;
  }
}
