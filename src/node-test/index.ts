/**
 * `node:test` integration: `useLambdaCassette()` opens a double around every test through
 * `node:test`'s `beforeEach`/`afterEach`, the cassette named after the test file and the test's name
 * path, as under vitest and Jest. `node:test` has no `expect`: assert with the double's own helpers
 * (`lambda.expectInvoked(...)`, `expectInvokedTimes`, `expectNotInvoked`, ...), which throw an
 * `AssertionError` that `node --test` prints with its diff.
 * @packageDocumentation
 */
import { afterEach, beforeEach } from 'node:test';
import type { LambdaDouble } from '../api/lambda-double.js';
import { MisuseError } from '../common/seal-errors.js';
import { cassettePerTest, type TestIdentity, type UseLambdaCassetteOptions } from '../runners/cassette-per-test.js';

export { defaultCassetteName, type TestIdentity, type UseLambdaCassetteOptions } from '../runners/cassette-per-test.js';

/** The parts of `node:test`'s `TestContext` read here (`fullName` since Node 20.16, `filePath` since 22.6). */
interface TestContextLike {
  name: string;
  fullName?: string;
  filePath?: string;
}

/** The test's suites then its name, from `fullName` (names joined with ` > `). */
export function nodeTestNames(t: TestContextLike): string[] {
  const full = t.fullName;
  if (!full || full === t.name) return [t.name];
  // The test's own name may hold ` > ` itself: cut it off whole, split only the suites.
  const suites = full.endsWith(` > ${t.name}`) ? full.slice(0, -` > ${t.name}`.length) : undefined;
  return suites === undefined ? full.split(' > ') : [...suites.split(' > '), t.name];
}

function identityOf(t: TestContextLike | undefined): TestIdentity {
  // `node --test` runs each file in a process of its own, started with the file as its script.
  const file = t?.filePath ?? process.argv[1];
  if (!t || !file) throw new MisuseError('useLambdaCassette(): could not tell which test is running');
  return { file, names: nodeTestNames(t) };
}

/**
 * Opens a cassette before each test of the enclosing `describe` (or of the file, when called at its
 * top) and closes it after; the test fails when the double reports unmatched requests or cannot
 * write its recording. Returns a handle that always points at the current test's double.
 *
 * @example
 * import { describe, it } from 'node:test';
 * import { useLambdaCassette } from 'lambda-cassette/node-test';
 * describe('checkout', () => {
 *   const lambda = useLambdaCassette({ mode: 'mock', functions: ['orders-fn'] });
 *   it('sends the order', async () => {
 *     await placeOrder();
 *     lambda.expectInvoked('orders-fn', { id: 7 });
 *   });
 * });
 */
export function useLambdaCassette(
  options: UseLambdaCassetteOptions | (() => UseLambdaCassetteOptions) = {},
): LambdaDouble {
  let running: TestContextLike | undefined;
  return cassettePerTest(
    {
      beforeEach: (open) =>
        beforeEach(async (t: TestContextLike) => {
          running = t;
          await open();
        }),
      afterEach: (close) =>
        afterEach(async () => {
          try {
            await close();
          } finally {
            running = undefined;
          }
        }),
      currentTest: () => identityOf(running),
    },
    options,
  );
}
