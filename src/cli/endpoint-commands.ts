/**
 * The commands that talk to an endpoint: `serve` answers SDK clients on a loopback port, `verify`
 * re-sends recorded requests to a live one.
 */
import { command } from './command-spec.js';
import { SERVE_MODES, UNHANDLED_POLICIES } from './defaults.js';
import { collect, list, port } from './option-parsers.js';
import type { ServeOptions } from './serve.js';

export const SERVE_COMMAND = command<[string | undefined], ServeOptions>({
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
      description: 'what happens to Lambda requests the double does not serve (default: error, bypass when recording)',
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
});

export const VERIFY_COMMAND = command<
  [string[]],
  { target?: string; sign?: boolean; region?: string; json?: boolean; dryRun?: boolean }
>({
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
});
