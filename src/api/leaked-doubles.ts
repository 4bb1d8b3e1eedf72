/**
 * Doubles left open. An open double answers every Lambda call of the process, so one a test forgot
 * to close answers the next test's calls as if they were its own. Each double notes where it was
 * opened, and in which test; a double still open when another opens in a different test that is
 * not running beside its own (or outside any test), or when the process exits, gets a warning
 * naming that place, and the runner integrations fail the test that left it open (see
 * {@link failLeakedDoubles}).
 */
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LeakedDoubleError } from '../common/seal-errors.js';

/** What this module needs of a double: the object the caller holds. */
interface TrackedDouble {
  readonly closed: boolean;
  close(): Promise<void>;
}

/** What this module needs of the double's engine: its name, and a hook run as it closes. */
interface TrackedEngine {
  readonly settings: { readonly label: string };
  attach(attachment: { detach(): void | Promise<void> }): void;
}

interface Opened {
  double: TrackedDouble;
  label: string;
  openedAt: string;
  test: string | undefined;
  /** When it opened in no one test: the tests running then (node:test runs several at once). */
  during: readonly string[];
  warned: boolean;
}

const opened = new Set<Opened>();
// Doubles the runner integrations open and close themselves around each test.
const managed = new WeakSet<TrackedDouble>();
let testName: () => string | undefined = () => undefined;
let stillRunning: (test: string) => boolean = () => false;
let runningTests: () => readonly string[] = () => [];
let exitHooked = false;

// Frames of lambda-cassette itself say nothing about where the caller opened the double.
// (`src/` from the sources, `dist/` from the bundle, which is flat.)
const HERE = dirname(fileURLToPath(import.meta.url));
const OWN_FILES = basename(HERE) === 'api' ? dirname(HERE) : HERE;

function callerFrames(): string {
  const frames = (new Error().stack ?? '')
    .split('\n')
    .slice(1)
    .filter((line) => !line.includes(OWN_FILES) && !line.includes('node:internal'));
  return frames.slice(0, 4).join('\n') || '    (no caller frames)';
}

/**
 * How the runner integrations tell which test runs where a double opens (the caller's own test,
 * when tests run concurrently), and whether a test may still be running beside the caller's: a
 * double open in such a test is its own, not left behind. By default tests run one at a time. A
 * runner that knows which tests run but not which one a double opens in (node:test) lists them
 * (`tests`): a double opened while several ran is left behind once none of them runs.
 */
export function setTestNameSource(
  source: () => string | undefined,
  running: (test: string) => boolean = () => false,
  tests: () => readonly string[] = () => [],
): void {
  testName = source;
  stillRunning = running;
  runningTests = tests;
}

/** Marks a double the runner integration opened for the current test: it closes it itself. */
export function markManaged(double: TrackedDouble): void {
  managed.add(double);
}

function stillOpen(): Opened[] {
  for (const entry of opened) if (entry.double.closed) opened.delete(entry);
  return [...opened];
}

function warn(entry: Opened, when: string): void {
  if (entry.warned) return;
  entry.warned = true;
  const error = new LeakedDoubleError(entry.label, entry.openedAt, when);
  process.emitWarning(error.message, { code: error.code });
}

/** Called as a double opens: notes where, and warns about doubles an earlier test left open. */
export function noteOpened(double: TrackedDouble, engine: TrackedEngine): void {
  const test = testName();
  for (const entry of stillOpen()) {
    if (managed.has(entry.double)) continue;
    if (entry.test === undefined && entry.during.some((t) => stillRunning(t))) continue;
    if (entry.test === undefined || (entry.test !== test && !stillRunning(entry.test)))
      warn(entry, `while another double opens${test ? ` in test "${test}"` : ''}`);
  }
  const during = test === undefined ? runningTests() : [];
  const entry: Opened = { double, label: engine.settings.label, openedAt: callerFrames(), test, during, warned: false };
  opened.add(entry);
  // Held only while open: a closed double must not stay in memory through this set.
  engine.attach({ detach: () => void opened.delete(entry) });
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', () => {
      for (const entry of stillOpen())
        if (!managed.has(entry.double))
          process.stderr.write(
            `Warning: ${new LeakedDoubleError(entry.label, entry.openedAt, 'as the process exits').message}\n`,
          );
    });
  }
}

// Concurrent tests whose beforeEach assigns each one's double to one shared variable: the afterEach
// closes whichever double the variable holds then, and the others are left open (found trying the
// package as a new user, with test.concurrent and a module-level `let lambda`).
const CONCURRENT_LEAK =
  "This test runs concurrently: if a beforeEach assigns each test's double to one variable the tests share, the afterEach closes another test's double and leaves this one open. Give each test its own: useLambdaCassette() at the top of the file does.";

/**
 * For a runner's afterEach: closes every double `test` (by default the current test) opened and
 * left open (so it cannot answer the next test), then throws {@link LeakedDoubleError} naming where
 * it was opened. A runner whose hooks are told their test names it: under `test.concurrent` the
 * current test, read from a shared state, may be another.
 */
export async function failLeakedDoubles(test: string | undefined = testName(), concurrent = false): Promise<void> {
  const leaked = stillOpen().filter((e) => !managed.has(e.double) && e.test === test && test !== undefined);
  for (const entry of leaked) {
    opened.delete(entry);
    await entry.double.close().catch(() => undefined);
  }
  if (leaked[0])
    throw new LeakedDoubleError(
      leaked[0].label,
      leaked[0].openedAt,
      `at the end of test "${test}"`,
      concurrent ? CONCURRENT_LEAK : undefined,
    );
}
