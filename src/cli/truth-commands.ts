/**
 * Help and wiring of the commands that keep cassettes true: `verify` (drift against a live endpoint)
 * and `prune` (drop interactions a full run never played). Their work lives in verify.ts and prune.ts,
 * loaded only when the command runs.
 */
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { EXIT_CODES_HELP } from './exit-codes.js';

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n${EXIT_CODES_HELP}`;

/** Adds `verify` and `prune` to `program`; `done` receives each command's exit code. */
export function addTruthCommands(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('verify')
    .summary('re-send recorded requests to a live endpoint and report what drifted')
    .description(
      'Re-sends every recorded InvokeAsync request of the cassettes to --target and compares each answer with ' +
        'the recording: status, error type, and body (JSON structurally; request ids and dates ignored). Prints ' +
        'one line per interaction (same / drifted, with what changed) and a summary. Exit 0 when nothing ' +
        'drifted, 1 when anything drifted or got no answer.\n\n' +
        'InvokeAsync runs the function: point --target at staging, never at production. --sign signs each ' +
        'request with SigV4 and the default AWS credential chain (env, profile, SSO, role), as real AWS needs; ' +
        'moto and LocalStack need no signature.',
    )
    .argument('<paths...>', 'cassette files or folders')
    .option('--target <url>', 'endpoint to re-send to, e.g. https://lambda.us-east-1.amazonaws.com or http://127.0.0.1:5000')
    .option('--sign', 'sign requests with the default AWS credential chain (needs @smithy/signature-v4 and @aws-sdk/credential-provider-node)')
    .option('--region <region>', 'region to sign for (default: each interaction\'s recorded region)')
    .option('--json', 'print the report as JSON (schema/verify-report.schema.json)')
    .addHelpText(
      'after',
      examples([
        'lambda-cassette verify cassettes --target http://127.0.0.1:5000',
        'lambda-cassette verify cassettes/checkout --target https://lambda.eu-west-1.amazonaws.com --sign',
        'lambda-cassette verify cassettes --target "$STAGING_LAMBDA_URL" --sign --json > drift.json',
      ]),
    )
    .action(async (paths: string[], options: { target?: string; sign?: boolean; region?: string; json?: boolean }) => {
      done(await (await import('./verify.js')).verifyCommand(paths, options, io));
    });

  program
    .command('prune')
    .summary('drop the interactions a test run never played (from the vitest reporter\'s report)')
    .description(
      'Removes from the cassettes exactly the interactions the run summary lists as unused (matched by ' +
        'fingerprint). Write the summary with the vitest reporter: reporters: [\'default\', ' +
        '[\'lambda-cassette/vitest-reporter\', { outputFile: \'lambda-cassette-report.json\' }]]. Only a run that ' +
        'passed in full is trusted (tests that did not run make their interactions look unused) unless --force. ' +
        'Cassettes the run never opened are left alone. With --check nothing is written, and the exit code is 1 ' +
        'if anything would be removed.',
    )
    .argument('<paths...>', 'cassette files or folders')
    .option('--from <report>', 'the run summary JSON written by the vitest reporter (outputFile)')
    .option('--check', 'only report; exit 1 when something would be removed')
    .option('--force', 'use a report of a run that failed or skipped tests')
    .addHelpText('after', examples(['lambda-cassette prune cassettes --from lambda-cassette-report.json', 'lambda-cassette prune cassettes --from lambda-cassette-report.json --check']))
    .action(async (paths: string[], options: { from?: string; check?: boolean; force?: boolean }) => {
      done(await (await import('./prune.js')).pruneCommand(paths, options, io));
    });
}
