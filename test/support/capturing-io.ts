import pc from 'picocolors';
import type { CliIo } from '../../src/cli/cli-io.js';

/** A terminal without colours whose output a test reads back. */
export interface CapturingIo extends CliIo {
  /** What the command wrote to stdout. */
  stdout(): string;
  /** stdout and stderr, interleaved as written. */
  output(): string;
}

/** The `CliIo` a command gets in tests: no colours, an empty environment, everything kept. */
export function capturingIo(stderrIsTTY = false): CapturingIo {
  let stdout = '';
  let output = '';
  return {
    out: (text) => {
      stdout += text;
      output += text;
    },
    err: (text) => void (output += text),
    color: pc.createColors(false),
    errColor: pc.createColors(false),
    stderrIsTTY,
    env: {},
    stdout: () => stdout,
    output: () => output,
  };
}
