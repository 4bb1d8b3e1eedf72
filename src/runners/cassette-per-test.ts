/**
 * `useLambdaCassette` without a runner: a double opened before each test and closed after it, named
 * after the test. The vitest and Jest entries hand it their hooks and their way of telling which
 * test is running.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { CassetteNameCollisionError, MisuseError } from '../common/seal-errors.js';
import { openCassette, type OpenCassetteOptions } from '../api/open-cassette.js';
import { checkRunnerOptions } from '../api/double-options.js';
import { safeSegment } from '../cassette/cassette-file.js';
import type { LambdaDouble } from '../api/lambda-double.js';
import { markManaged } from '../api/leaked-doubles.js';
import { doubleHandle } from './double-handle.js';

/** Which test a cassette is for, as handed to a custom `name` function. */
export interface TestIdentity {
  /** Absolute path of the test file. */
  file: string;
  /** Suite names then the test name, outermost first (the same under vitest, Jest and node:test). */
  names: readonly string[];
}

/** Options of `useLambdaCassette`: those of `openCassette`, plus how to name each test's cassette. */
export interface UseLambdaCassetteOptions extends OpenCassetteOptions {
  /** Cassette name for a test; default: the test file's path (from the working directory, without `.test.ts` unless another test file there has the same stem) then one folder per suite and the test name, each made filesystem-safe. */
  name?: (test: TestIdentity) => string;
}

const TEST_FILE_SUFFIX = /\.(test|spec)\.[cm]?[jt]sx?$|\.[cm]?[jt]sx?$/;
const TEST_SUFFIX = /\.(test|spec)\.[cm]?[jt]sx?$/;
const folderEntries = new Map<string, readonly string[]>();

/**
 * A test file's name without `.test.ts`/`.spec.js`/... , unless another test file in its folder
 * would give the same (`x.test.ts` beside `x.spec.ts` or `x.test.mjs`): then the whole file name,
 * so each has its own cassettes. A plain `x.ts` beside `x.test.ts` is the module under test, not a
 * namesake of it (the usual layout keeps `x`); a plain file run as a test itself (node:test in a
 * `test/` folder) takes its whole name when `x.test.ts` is beside it, so the two still differ.
 */
function fileStem(path: string): string {
  const base = basename(path);
  const stem = base.replace(TEST_FILE_SUFFIX, '');
  const folder = dirname(resolve(path));
  let entries = folderEntries.get(folder);
  if (!entries) {
    try {
      entries = readdirSync(folder);
    } catch {
      entries = [];
    }
    folderEntries.set(folder, entries);
  }
  const namesake = TEST_SUFFIX.test(base) ? TEST_SUFFIX : TEST_FILE_SUFFIX;
  return entries.some((f) => f !== base && namesake.test(f) && f.replace(TEST_FILE_SUFFIX, '') === stem) ? base : stem;
}

/** The default cassette name of a test: stable across runs and safe on every filesystem. */
export function defaultCassetteName(test: TestIdentity): string {
  let file = relative(process.cwd(), test.file);
  if (file.startsWith('..')) file = file.split(sep).at(-1) ?? file;
  const fileParts = [...file.split(/[\\/]/).slice(0, -1), fileStem(test.file)].map(safeSegment);
  return [...fileParts, ...test.names.map(safeSegment)].join('/');
}

// Which test took each cassette in this process: two tests whose names differ only in what
// safeSegment drops (`charges card`, `charges: card`) would otherwise record into one file.
const takenBy = new Map<string, string>();

/**
 * Records that `test` opens `cassette`; throws when another test of this process already did. A
 * double set to `mock` in code (no environment can change that) has no file, so two tests whose
 * names collide share nothing: they are not refused (a safety net in a setup file, docs/recipes.md,
 * opens one for every test of the suite).
 */
export function claimCassetteName(
  cassette: string,
  { dir, mode }: Pick<OpenCassetteOptions, 'dir' | 'mode'>,
  test: TestIdentity,
): void {
  if (mode === 'mock') return;
  const key = `${resolve(dir ?? '')}\u0000${cassette}`;
  const who = [test.file, ...test.names].join(' > ');
  const earlier = takenBy.get(key);
  if (earlier !== undefined && earlier !== who) throw new CassetteNameCollisionError(cassette, [earlier, who]);
  takenBy.set(key, who);
}

/** What a runner lends `cassettePerTest`. */
interface RunnerHooks {
  /**
   * Registers `fn` to run before each test. A runner that hands its hooks the test (node:test's
   * `TestContext`) passes it as `owner`, so the double is closed by its own test's `afterEach` only.
   */
  beforeEach(fn: (owner?: object) => Promise<void>): void;
  afterEach(fn: (owner?: object) => Promise<boolean>): void;
  /** The running test; throws when none is. */
  currentTest(owner?: object): TestIdentity;
  /** Why the double open for `holder` (if any) is not the caller's, when the runner can tell. */
  refusal?(holder: TestIdentity | undefined): Error | undefined;
  /**
   * Makes the test itself run inside `double`'s async context, for a runner that calls a test
   * outside its hooks' (Jest): a double opened in a hook while another is open binds the hook's
   * context only. Returns what undoes it once the test is over.
   */
  runTestWith?(double: LambdaDouble): (() => void) | undefined;
}

/** One test's double: reserved before it opens, so a test that starts meanwhile sees it taken. */
interface TestSlot {
  test: TestIdentity;
  owner?: object;
  double?: LambdaDouble;
  /** Undoes `runTestWith`. */
  undo?: (() => void) | undefined;
}

const testName = (test: TestIdentity) => test.names.join(' > ');

// The slots of every handle whose runner names their test (`owner`), until their double is closed.
// Such a runner (node:test) runs a test outside its hooks' async context, so a double opened in a
// hook follows no one test: doubles of two tests open at once, through two handles too, would each
// answer the other's calls.
const ownedSlots = new Set<TestSlot>();

/** The error for a test that starts while another still holds the handle's double. */
function overlapping(running: TestIdentity, starting: TestIdentity): MisuseError {
  return new MisuseError(
    `useLambdaCassette(): test "${testName(starting)}" started while "${testName(running)}" was still running, and this runner gives its hooks no way to tell their calls apart; run these tests one at a time (no \`concurrency\` option), or open a double in each concurrent test (\`const lambda = await mockLambda()\` or \`await openCassette(name)\`, and \`await lambda.close()\` in a \`finally\`)`,
  );
}

/** Registers the hooks and returns a handle that always points at the current test's double. */
export function cassettePerTest(
  hooks: RunnerHooks,
  options: UseLambdaCassetteOptions | (() => UseLambdaCassetteOptions),
): LambdaDouble {
  let current: TestSlot | undefined;
  checkRunnerOptions(options);
  hooks.beforeEach(async (owner) => {
    // A function is read per test, so options can name things that exist only once hooks ran
    // (say, the URL of an emulator started in beforeAll).
    const { name = defaultCassetteName, ...open } = typeof options === 'function' ? options() : options;
    const test = hooks.currentTest(owner);
    // One variable holds the double: a second test starting before the first ended would take it
    // over, leave the first's double unclosed (its recording unwritten) and read the wrong calls.
    const other = current ?? (owner ? [...ownedSlots].find((slot) => slot.owner !== owner) : undefined);
    if (other) throw overlapping(other.test, test);
    const cassette = name(test);
    claimCassetteName(cassette, open, test);
    const slot: TestSlot = owner ? { test, owner } : { test };
    current = slot;
    if (owner) ownedSlots.add(slot);
    try {
      slot.double = await openCassette(cassette, open);
    } catch (error) {
      if (current === slot) current = undefined;
      ownedSlots.delete(slot);
      throw error;
    }
    markManaged(slot.double);
    slot.undo = hooks.runTestWith?.(slot.double);
  });
  hooks.afterEach(async (owner) => {
    // A test refused for overlapping another has no double here: the other's stays open.
    if (!current || (owner && current.owner !== owner)) return false;
    const closing = current;
    current = undefined;
    try {
      closing.undo?.();
      await closing.double?.close();
    } finally {
      ownedSlots.delete(closing);
    }
    return true;
  });
  return doubleHandle(() => {
    const refusal = hooks.refusal?.(current?.test);
    if (refusal) throw refusal;
    return current?.double;
  });
}
