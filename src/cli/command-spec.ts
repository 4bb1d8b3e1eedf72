/** The shape of a row of the command table, and what `runCli` passes every command. */
import type { CliIo } from './cli-io.js';
import type { StopSignal } from './serve.js';

/** What the caller of `runCli` may replace (tests replace the process signals `serve` waits for). */
export interface RunOptions {
  /** How `serve` waits to be stopped. */
  stopSignal?: StopSignal;
}

/** One option of a command. */
interface OptionSpec {
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

/** Defines a row with its `run` typed by the arguments and options it reads. */
export function command<A extends unknown[], O>(
  spec: Omit<CommandSpec, 'run'> & { run(args: A, options: O, io: CliIo, runOptions: RunOptions): Promise<number> },
): CommandSpec {
  return spec as unknown as CommandSpec;
}
