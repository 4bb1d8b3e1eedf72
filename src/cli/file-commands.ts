/**
 * The commands that work on local files only, never the network: read, check, scrub, migrate and
 * prune cassettes, and generate payload types from schemas or recordings.
 */
import { command } from './command-spec.js';
import { DEFAULT_CASSETTES_DIR, DEFAULT_OUT, DEFAULT_SCHEMAS_DIR } from './defaults.js';
import { collect, width } from './option-parsers.js';

export const INSPECT_COMMAND = command<[string], { json?: boolean; width?: number; dir?: string }>({
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
});

export const VALIDATE_COMMAND = command<[string[]], { json?: boolean; conformance?: boolean }>({
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
});

export const REDACT_COMMAND = command<[string[]], { path?: string[]; maskAccountIds?: boolean }>({
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
});

export const MIGRATE_COMMAND = command<[string[]], { check?: boolean }>({
  name: 'migrate',
  summary: 'upgrade cassettes to the current format version',
  description:
    'Rewrites cassettes written in an older format version in the current one (atomically), through the ' +
    'same migration chain that loading applies in memory. Files already current are left untouched. ' +
    'Reports each file. With --check nothing is written, and the exit code is 1 if anything would change.\n\n' +
    'Format 1 is the only cassette format so far, so today there is nothing to migrate: migrate reports ' +
    'each cassette as up to date (exit 0), or names a file it cannot read (a newer format: upgrade ' +
    'lambda-cassette; a version that does not exist, or a broken file: fix it or record it again; exit 1).',
  args: [['<paths...>', 'cassette files or folders']],
  options: [{ flags: '--check', description: 'only report; exit 1 when a cassette needs migrating' }],
  examples: ['lambda-cassette migrate cassettes', 'lambda-cassette migrate --check cassettes'],
  run: async ([paths], options, io) => (await import('./migrate.js')).migrateCommand(paths, options, io),
});

export const TYPEGEN_COMMAND = command<
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
});

export const PRUNE_COMMAND = command<[string[]], { from?: string[]; check?: boolean; force?: boolean }>({
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
});
