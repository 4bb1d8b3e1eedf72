/** A progress bar on stderr while a command works through many cassettes, only on a terminal. */
import cliProgress from 'cli-progress';
import type { CliIo } from './cli-io.js';

/** Below this many files the work is over before a bar would be worth drawing. */
export const PROGRESS_THRESHOLD = 20;

interface Progress {
  /** One more file done. */
  tick(file: string): void;
  /** Removes the bar; call before printing results. */
  stop(): void;
}

const NONE: Progress = { tick: () => {}, stop: () => {} };

/** A bar for `total` files, or a no-op when stderr is not a terminal or there are few files. */
export function startProgress(
  io: CliIo,
  total: number,
  label: string,
  stream: NodeJS.WritableStream = process.stderr,
): Progress {
  if (!io.stderrIsTTY || total < PROGRESS_THRESHOLD) return NONE;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} {bar} {value}/{total} {file}`,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return {
    tick: (file) => bar.increment(1, { file }),
    stop: () => bar.stop(),
  };
}
