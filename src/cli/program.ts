/**
 * The `lambda-cassette` command line: builds commander commands from the command table, and maps
 * what they end with to exit codes.
 */
import { Command, CommanderError, Option } from 'commander';
import { libraryVersion } from '../cassette/library-version.js';
import type { CliIo } from './cli-io.js';
import { EXIT_CODES_HELP, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { COMMANDS } from './command-table.js';
import type { CommandSpec, RunOptions } from './command-spec.js';
import { UsageError } from '../common/cli-errors.js';

const examples = (lines: readonly string[]) =>
  `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n${EXIT_CODES_HELP}`;

function addCommand(
  program: Command,
  spec: CommandSpec,
  io: CliIo,
  runOptions: RunOptions,
  done: (code: number) => void,
): void {
  const cmd = program.command(spec.name).summary(spec.summary).description(spec.description);
  for (const [syntax, description] of spec.args) cmd.argument(syntax, description);
  for (const o of spec.options) {
    const option = new Option(o.flags, o.description);
    if (o.choices) option.choices(o.choices);
    if (o.parse) option.argParser(o.parse as (value: string, previous: unknown) => unknown);
    if (o.defaultValue !== undefined) option.default(o.defaultValue);
    cmd.addOption(option);
  }
  cmd.addHelpText('after', examples(spec.examples));
  cmd.action(async (...received: unknown[]) => {
    // commander passes each declared argument, then the options, then the command itself.
    const args = received.slice(0, spec.args.length);
    const options = received[spec.args.length];
    done(await spec.run(args as never[], options as never, io, runOptions));
  });
}

/** What an error that escaped a command means for the exit code, printed as the user needs it. */
function report(e: unknown, io: CliIo): number {
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

/** Runs the command line `argv` (without `node` and the script) and resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, runOptions: RunOptions = {}): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('lambda-cassette')
    .description(
      'Record, replay and mock AWS Lambda InvokeAsync and Invoke (Event): serve cassettes to any client, and check, scrub, migrate and type them.',
    )
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
  for (const spec of COMMANDS) addCommand(program, spec, io, runOptions, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    return report(e, io);
  }
}
