/**
 * Every `lambda-cassette` command as a row: its help texts, arguments, options and the module that
 * runs it. program.ts turns the rows into commander commands; a new command is a new row here and a
 * module of its own. Each module (and the packages it needs: json-schema-to-typescript, cli-table3,
 * the engine) loads only when its command runs: `--help` and `validate` in a pre-commit hook stay quick.
 */
import { InvalidArgumentError } from 'commander';
import type { CliIo } from './cli-io.js';
import type { StopSignal } from './serve.js';
import {
  DEFAULT_CASSETTES_DIR,
  DEFAULT_OUT,
  DEFAULT_SCHEMAS_DIR,
  SERVE_MODES,
  UNHANDLED_POLICIES,
} from './defaults.js';
import type { ServeOptions } from './serve.js';

/** What the caller of `runCli` may replace (tests replace the process signals `serve` waits for). */
export interface RunOptions {
  /** How `serve` waits to be stopped. */
  stopSignal?: StopSignal;
}

/** One option of a command. */
export interface OptionSpec {
  /** Commander flags, e.g. `--port <n>`. */
  flags: string;
  description: string;
  /** Parses (and checks) the value; given the previous value for repeatable options. */
  parse?: (value: string, previous: never) => unknown;
  defaultValue?: unknown;
  /** The only values allowed. */
  choices?: readonly string[];
}

/** One command. */
export interface CommandSpec {
  name: string;
  summary: string;
  description: string;
  /** Commander argument syntax (`<file>`, `[name]`, `<paths...>`) and its help. */
  args: readonly (readonly [syntax: string, description: string])[];
  options: readonly OptionSpec[];
  examples: readonly string[];
  /** Runs the command with commander's parsed arguments and options; resolves with the exit code. */
  run(args: never[], options: never, io: CliIo, runOptions: RunOptions): Promise<number>;
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65_535)
    throw new InvalidArgumentError('must be an integer from 0 to 65535 (0: any free port)');
  return n;
}

function width(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 10) throw new InvalidArgumentError('must be an integer of at least 10');
  return n;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function list(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

/** Defines a row with its `run` typed by the arguments and options it reads. */
function command<A extends unknown[], O>(
  spec: Omit<CommandSpec, 'run'> & { run(args: A, options: O, io: CliIo, runOptions: RunOptions): Promise<number> },
): CommandSpec {
  return spec as unknown as CommandSpec;
}

export const COMMANDS: readonly CommandSpec[] = [
  command<[string | undefined], ServeOptions>({
    name: 'serve',
    summary: 'serve a cassette (or mock answers) on http://127.0.0.1:PORT for the AWS CLI, boto3, any SDK',
    description:
      'Runs a loopback InvokeAsync server in the foreground, backed by a cassette (or mock answers). ' +
      'Prints its URL on the first line of stdout; logs each call on stderr. GET <url>/_lambda-cassette/calls ' +
      'returns the call log as JSON. SIGINT/SIGTERM stop it: the cassette is written when recording, and ' +
      'requests that found no recorded answer make the exit code 1.\n\n' +
      '<cassette> is a name inside --dir (default "cassettes"), or a path to a .json file. Recording needs ' +
      '--target: requests arrive signed for 127.0.0.1, which endpoints that do not check signatures (moto, ' +
      'LocalStack) accept; for real AWS add --sign, which signs each forwarded request again for the target ' +
      'with the default AWS credential chain (env, profile, SSO, role). --mode beats LAMBDA_CASSETTE_MODE; ' +
      'without either, "auto". A request the cassette has no answer for gets HTTP 400 (error type ' +
      'CassetteMissException) whose message says what missed and how to record it: clients fail at once instead of retrying.',
    args: [['[cassette]', 'cassette name or .json path (not needed with --mode mock)']],
    options: [
      {
        flags: '--mode <mode>',
        description: 'how the cassette is used (default: $LAMBDA_CASSETTE_MODE, else auto)',
        choices: SERVE_MODES,
      },
      { flags: '--port <n>', description: 'port on 127.0.0.1; 0 picks any free port', parse: port, defaultValue: 0 },
      {
        flags: '--target <url>',
        description: 'where recording forwards requests (e.g. http://127.0.0.1:5000 for moto)',
      },
      { flags: '--dir <dir>', description: 'folder of cassettes (default "cassettes")' },
      {
        flags: '--region <region>',
        description: 'region assumed when a request does not name one (default us-east-1)',
      },
      {
        flags: '--functions <names>',
        description: 'mock mode: the functions that exist, comma-separated (default: all)',
        parse: list,
      },
      {
        flags: '--ignore <jsonpath>',
        description: "payload path left out of matching, e.g. '$.id' (repeatable), as the ignore option",
        parse: collect,
      },
      {
        flags: '--allow-playback-repeats',
        description: 'replay the last recorded answer again once every answer for a request was played',
      },
      {
        flags: '--on-unhandled-request <policy>',
        description:
          'what happens to Lambda requests the double does not serve (default: error, bypass when recording)',
        choices: UNHANDLED_POLICIES,
      },
      {
        flags: '--sign',
        description: 'sign forwarded requests again for --target with your AWS credentials (recording real AWS)',
      },
    ],
    examples: [
      'lambda-cassette serve checkout/happy-path --mode replay --port 4010',
      "lambda-cassette serve checkout/happy-path --mode replay --ignore '$.requestId' --allow-playback-repeats",
      'lambda-cassette serve checkout/happy-path --mode new-episodes --target http://127.0.0.1:5000',
      'lambda-cassette serve checkout/happy-path --mode record --target http://127.0.0.1:5000',
      'lambda-cassette serve staging/orders --mode record --target https://lambda.us-east-1.amazonaws.com --sign',
      'lambda-cassette serve --mode mock --functions orders-fn,mailer',
      'aws lambda invoke-async --endpoint-url http://127.0.0.1:4010 --function-name orders-fn --invoke-args event.json',
    ],
    run: async ([cassette], options, io, runOptions) =>
      (await import('./serve.js')).serveCommand(cassette, options, io, runOptions.stopSignal),
  }),
  command<[string], { json?: boolean; width?: number; dir?: string }>({
    name: 'inspect',
    summary: 'list the interactions of a cassette',
    description:
      "Prints a table of a cassette's interactions: #, function, qualifier, payload summary, status, error type. " +
      'The cassette is validated as it is loaded. <cassette> is a .json file, or a cassette name inside --dir ' +
      '(default "cassettes") as serve and openCassette take it; a folder is refused (validate takes folders).',
    args: [['<cassette>', 'a cassette .json file, or a cassette name inside --dir']],
    options: [
      { flags: '--json', description: 'print the rows as JSON' },
      { flags: '--width <n>', description: 'widest payload summary, in characters', parse: width },
      { flags: '--dir <dir>', description: 'folder of cassettes a name is looked up in (default "cassettes")' },
    ],
    examples: [
      'lambda-cassette inspect checkout/happy-path',
      'lambda-cassette inspect cassettes/checkout/happy-path.json --json',
      'lambda-cassette inspect happy-path --dir test/cassettes',
    ],
    run: async ([file], options, io) => (await import('./inspect.js')).inspectCommand(file, options, io),
  }),
  command<[string[]], { json?: boolean; conformance?: boolean }>({
    name: 'validate',
    summary: 'check cassettes against the schema and scan them for secrets (pre-commit hook)',
    description:
      'Checks that every cassette loads (JSON, schema, format version) and holds no credential: AWS access ' +
      'key ids (AKIA.../ASIA...), SigV4 signatures, session tokens, authorization / x-amz-security-token ' +
      'values, and 40-character secret access keys next to a key name. Folders are walked for *.json. ' +
      'Each finding names the file and the JSON Pointer of the value; secrets are never printed.',
    args: [['<paths...>', 'cassette files or folders']],
    options: [
      { flags: '--json', description: 'print findings as JSON' },
      {
        flags: '--conformance',
        description:
          'also flag recorded answers that do not look like AWS (HTML bodies, emulator server headers, a function error on an async invoke, no request id)',
      },
    ],
    examples: [
      'lambda-cassette validate cassettes',
      'lambda-cassette validate cassettes --conformance',
      'git diff --cached --name-only -z -- "cassettes/*.json" | xargs -0 -r lambda-cassette validate',
    ],
    run: async ([paths], options, io) => (await import('./validate.js')).validateCommand(paths, options, io),
  }),
  command<[string[]], { path?: string[]; maskAccountIds?: boolean }>({
    name: 'redact',
    summary: 'scrub payload fields (and account ids) from cassettes in place',
    description:
      'Replaces every payload value matched by a JSONPath with "[REDACTED]" and, with --mask-account-ids, ' +
      'every 12-digit account id in function references, response headers and bodies with 000000000000. ' +
      'Files are rewritten atomically, only when something changes. The filters are recorded in the ' +
      'cassette, as the recorder does, so replay redacts incoming payloads the same way and they still match.',
    args: [['<paths...>', 'cassette files or folders']],
    options: [
      {
        flags: '--path <json-path>',
        description: 'payload field to redact, e.g. "$.card.number" or "$..password" (repeatable)',
        parse: collect,
      },
      {
        flags: '--mask-account-ids',
        description: 'mask 12-digit account ids (never in payloads, which must keep matching)',
      },
    ],
    examples: [
      'lambda-cassette redact cassettes --path "$.card.number" --path "$..password"',
      'lambda-cassette redact cassettes/checkout.json --mask-account-ids',
    ],
    run: async ([paths], options, io) => (await import('./redact.js')).redactCommand(paths, options, io),
  }),
  command<[string[]], { check?: boolean }>({
    name: 'migrate',
    summary: 'upgrade cassettes to the current format version',
    description:
      'Rewrites cassettes written in an older format version in the current one (atomically), through the ' +
      'same migration chain that loading applies in memory. Files already current are left untouched. ' +
      'Reports each file. With --check nothing is written, and the exit code is 1 if anything would change.',
    args: [['<paths...>', 'cassette files or folders']],
    options: [{ flags: '--check', description: 'only report; exit 1 when a cassette needs migrating' }],
    examples: ['lambda-cassette migrate cassettes', 'lambda-cassette migrate --check cassettes'],
    run: async ([paths], options, io) => (await import('./migrate.js')).migrateCommand(paths, options, io),
  }),
  command<
    [],
    { schemas?: string; out?: string; infer?: boolean; cassettes?: string; saveSchemas?: boolean; check?: boolean }
  >({
    name: 'typegen',
    summary: 'generate per-function payload types for the assertion helpers and vitest matchers',
    description:
      'Generates TypeScript types from JSON Schemas of function payloads (one <function-name>.schema.json per ' +
      'function in --schemas) with json-schema-to-typescript, and registers them with lambda-cassette so that ' +
      'expectInvoked, wasInvoked, toHaveInvokedWith and toHaveInvokedNthWith type-check the payload ' +
      'of each registered function. Include the output file in your tsconfig.\n\n' +
      '--infer derives a schema for each function from the JSON payloads recorded in --cassettes (types seen, ' +
      'keys required when every sample has them, array items unioned); hand-written schemas win.',
    args: [],
    options: [
      {
        flags: '--schemas <dir>',
        description: 'folder of <function-name>.schema.json files',
        defaultValue: DEFAULT_SCHEMAS_DIR,
      },
      { flags: '--out <file>', description: 'file to write ("-" for stdout)', defaultValue: DEFAULT_OUT },
      { flags: '--infer', description: 'infer schemas from recorded payloads' },
      {
        flags: '--cassettes <dir>',
        description: `with --infer: folder of cassettes (default "${DEFAULT_CASSETTES_DIR}")`,
      },
      {
        flags: '--save-schemas',
        description: 'with --infer: also write the inferred schemas into --schemas (never over existing files)',
      },
      { flags: '--check', description: 'do not write; exit 1 when the output file is missing or stale' },
    ],
    examples: [
      'lambda-cassette typegen --schemas payload-schemas --out test/lambda-payloads.d.ts',
      'lambda-cassette typegen --infer --cassettes cassettes --out test/lambda-payloads.d.ts',
      'lambda-cassette typegen --check --out test/lambda-payloads.d.ts',
    ],
    run: async (_args, options, io) => (await import('./typegen.js')).typegenCommand(options, io),
  }),
  command<[string[]], { target?: string; sign?: boolean; region?: string; json?: boolean; dryRun?: boolean }>({
    name: 'verify',
    summary: 're-send recorded requests to a live endpoint and report what drifted',
    description:
      'Re-sends every recorded InvokeAsync request of the cassettes to --target and compares each answer with ' +
      'the recording: status, error type, and body (JSON structurally; request ids and dates ignored). Prints ' +
      'one line per interaction (same / drifted, with what changed) and a summary. Exit 0 when nothing ' +
      'drifted, 1 when anything drifted or got no answer.\n\n' +
      'Without --dry-run this RUNS the function (InvokeAsync and Invoke Event invoke it for real): point --target ' +
      'at staging, never at production. --dry-run re-sends each request as Invoke with InvocationType DryRun ' +
      'instead: nothing runs, so it is safe anywhere; it catches deleted or renamed functions, aliases and ' +
      'versions and lost permissions, not changed answers. --sign signs each ' +
      'request with SigV4 and the default AWS credential chain (env, profile, SSO, role), as real AWS needs; ' +
      'moto and LocalStack need no signature.',
    args: [['<paths...>', 'cassette files or folders']],
    options: [
      {
        flags: '--target <url>',
        description: 'endpoint to re-send to, e.g. https://lambda.us-east-1.amazonaws.com or http://127.0.0.1:5000',
      },
      {
        flags: '--sign',
        description:
          'sign requests with the default AWS credential chain (needs @smithy/signature-v4 and @aws-sdk/credential-provider-node)',
      },
      { flags: '--region <region>', description: "region to sign for (default: each interaction's recorded region)" },
      { flags: '--json', description: 'print the report as JSON (schema/verify-report.schema.json)' },
      {
        flags: '--dry-run',
        description:
          'send Invoke DryRun instead: the function never runs; checks it, its alias and your permission still exist',
      },
    ],
    examples: [
      'lambda-cassette verify cassettes --target https://lambda.us-east-1.amazonaws.com --sign --dry-run',
      'lambda-cassette verify cassettes --target http://127.0.0.1:5000',
      'lambda-cassette verify cassettes/checkout --target https://lambda.eu-west-1.amazonaws.com --sign',
      'lambda-cassette verify cassettes --target "$STAGING_LAMBDA_URL" --sign --json > drift.json',
    ],
    run: async ([paths], options, io) => (await import('./verify.js')).verifyCommand(paths, options, io),
  }),
  command<[string[]], { from?: string[]; check?: boolean; force?: boolean }>({
    name: 'prune',
    summary: "drop the interactions a test run never played (from the vitest reporter's report)",
    description:
      'Removes from the cassettes exactly the interactions the run summary lists as unused (matched by ' +
      "fingerprint). Write the summary with the vitest reporter: reporters: ['default', " +
      "['lambda-cassette/vitest-reporter', { outputFile: 'lambda-cassette-report.json' }]]. Only a run that " +
      'passed in full is trusted (tests that did not run make their interactions look unused) unless --force. ' +
      'Repeat --from for each CI shard: an interaction is unused when no shard that opened its cassette played it. ' +
      'Cassettes the run never opened are never changed; after a run that passed in full they are listed as ' +
      'opened by no test. With --check nothing is written, and the exit code is 1 if anything would be removed ' +
      'or a cassette file was opened by no test of a complete run.',
    args: [['<paths...>', 'cassette files or folders']],
    options: [
      {
        flags: '--from <report>',
        description: 'the run summary JSON written by the reporter (outputFile); repeat it for each CI shard',
        parse: collect,
      },
      {
        flags: '--check',
        description: 'only report; exit 1 when something would be removed or no test opened a cassette file',
      },
      { flags: '--force', description: 'use a report of a run that failed or skipped tests' },
    ],
    examples: [
      'lambda-cassette prune cassettes --from lambda-cassette-report.json',
      'lambda-cassette prune cassettes --from lambda-cassette-report.json --check',
      'lambda-cassette prune cassettes --from shard-1/report.json --from shard-2/report.json --check',
    ],
    run: async ([paths], options, io) => (await import('./prune.js')).pruneCommand(paths, options, io),
  }),
];
