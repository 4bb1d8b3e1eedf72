/**
 * Collects what a handler prints through `console` while it runs, for `LogType: Tail`. Each
 * invocation runs in its own async context, so concurrent handlers never see each other's lines;
 * output outside any invocation goes to the console untouched. The console methods are wrapped only
 * while at least one invocation runs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';

/** The runtime's level for each method, as it writes it in a log line. */
const LEVELS: Record<ConsoleMethod, string> = {
  log: 'INFO',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  debug: 'DEBUG',
  trace: 'TRACE',
};

interface Capture {
  requestId: string;
  lines: string[];
}

const storage = new AsyncLocalStorage<Capture>();
let active = 0;
let originals: Partial<Record<ConsoleMethod, (...args: unknown[]) => void>> = {};

function wrap(): void {
  for (const method of Object.keys(LEVELS) as ConsoleMethod[]) {
    const original = console[method] as (...args: unknown[]) => void;
    originals[method] = original;
    console[method] = function captured(this: unknown, ...args: unknown[]) {
      const capture = storage.getStore();
      // new Date(): the runtime stamps each line; a faked clock gives the faked time, as tests expect.
      if (capture)
        capture.lines.push(
          `${new Date().toISOString()}\t${capture.requestId}\t${LEVELS[method]}\t${format(...args)}\n`,
        );
      original.apply(this, args);
    };
  }
}

function unwrap(): void {
  for (const method of Object.keys(originals) as ConsoleMethod[]) console[method] = originals[method]!;
  originals = {};
}

/** Runs `work` collecting its console output; resolves with its outcome and the lines it printed. */
export async function captureConsole<T>(
  requestId: string,
  work: () => Promise<T>,
): Promise<{ outcome: PromiseSettledResult<T>; log: string }> {
  if (active++ === 0) wrap();
  const capture: Capture = { requestId, lines: [] };
  try {
    const outcome = await storage.run(capture, () =>
      work().then(
        (value): PromiseSettledResult<T> => ({ status: 'fulfilled', value }),
        (reason: unknown): PromiseSettledResult<T> => ({ status: 'rejected', reason }),
      ),
    );
    return { outcome, log: capture.lines.join('') };
  } finally {
    if (--active === 0) {
      unwrap();
      // On Node 20 an enabled storage keeps async hooks on for the whole process: off until the next run.
      storage.disable();
    }
  }
}
