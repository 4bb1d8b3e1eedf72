/** Where the command writes, and whether it may use colours and progress bars there. */
import pc from 'picocolors';

/** picocolors' colour functions (identity functions when colour is off). */
export type Colors = ReturnType<typeof pc.createColors>;

/** The command's view of its terminal; tests and commands never touch `process.stdout` directly. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Colours for stdout: on for a terminal, off when piped or with `NO_COLOR`, forced with `FORCE_COLOR`. */
  color: Colors;
  /** Colours for stderr, decided the same way for that stream. */
  errColor: Colors;
  /** Whether stderr is a terminal (progress bars go there, only then). */
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** Whether to colour a stream: https://no-color.org, then FORCE_COLOR, then whether it is a terminal. */
function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

/** The real process's terminal. */
export function processIo(): CliIo {
  const { env } = process;
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: pc.createColors(colorEnabled(process.stdout, env)),
    errColor: pc.createColors(colorEnabled(process.stderr, env)),
    stderrIsTTY: process.stderr.isTTY === true,
    env,
  };
}
