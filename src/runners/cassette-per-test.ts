/**
 * `useLambdaCassette` without a runner: a double opened before each test and closed after it, named
 * after the test. The vitest and Jest entries hand it their hooks and their way of telling which
 * test is running.
 */
import { relative, sep } from 'node:path';
import { OPEN_CASSETTE_OPTIONS, openCassette, type OpenCassetteOptions } from '../api/open-cassette.js';
import { checkKnownOptions } from '../engine/option-check.js';
import { safeSegment } from '../cassette/cassette-file.js';
import type { LambdaDouble } from '../api/lambda-double.js';

/** Which test a cassette is for, as handed to a custom `name` function. */
export interface TestIdentity {
  /** Absolute path of the test file. */
  file: string;
  /** Suite names then the test name, outermost first (the same under vitest, Jest and node:test). */
  names: readonly string[];
}

/** Options of `useLambdaCassette`: those of `openCassette`, plus how to name each test's cassette. */
export interface UseLambdaCassetteOptions extends OpenCassetteOptions {
  /** Cassette name for a test; default: the test file's path (from the working directory, without `.test.ts`) then one folder per suite and the test name, each made filesystem-safe. */
  name?: (test: TestIdentity) => string;
}

/** The default cassette name of a test: stable across runs and safe on every filesystem. */
export function defaultCassetteName(test: TestIdentity): string {
  let file = relative(process.cwd(), test.file);
  if (file.startsWith('..')) file = file.split(sep).at(-1) ?? file;
  const fileParts = file.replace(/\.(test|spec)\.[cm]?[jt]sx?$|\.[cm]?[jt]sx?$/, '').split(/[\\/]/).map(safeSegment);
  return [...fileParts, ...test.names.map(safeSegment)].join('/');
}

/** What a runner lends `cassettePerTest`. */
export interface RunnerHooks {
  beforeEach(fn: () => Promise<void>): void;
  afterEach(fn: () => Promise<void>): void;
  /** The running test; throws when none is. */
  currentTest(): TestIdentity;
}

/** Registers the hooks and returns a handle that always points at the current test's double. */
export function cassettePerTest(hooks: RunnerHooks, options: UseLambdaCassetteOptions | (() => UseLambdaCassetteOptions)): LambdaDouble {
  let current: LambdaDouble | undefined;
  if (typeof options !== 'function') checkKnownOptions('useLambdaCassette', options, [...OPEN_CASSETTE_OPTIONS, 'name']);
  hooks.beforeEach(async () => {
    // A function is read per test, so options can name things that exist only once hooks ran
    // (say, the URL of an emulator started in beforeAll).
    const { name = defaultCassetteName, ...open } = typeof options === 'function' ? options() : options;
    current = await openCassette(name(hooks.currentTest()), open);
  });
  hooks.afterEach(async () => {
    const closing = current;
    current = undefined;
    await closing?.close();
  });
  return new Proxy({} as LambdaDouble, {
    get(_target, prop) {
      if (!current) {
        throw new Error('useLambdaCassette(): no double is open here; use the handle inside a test (it, beforeEach or afterEach hooks registered after it)');
      }
      const value: unknown = Reflect.get(current, prop, current);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });
}
