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
import { failLeakedDoubles, setTestNameSource } from '../api/leaked-doubles.js';
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

// The tests running now, for the leak check: node:test runs a suite's tests at once under its
// `concurrency` option, and tells a hook its test but not the test its async context belongs to.
const runningTests = new Map<TestContextLike, string>();
const testKey = (t: TestContextLike) => t.fullName ?? t.name;
// Only under `node --test` (a file's own process, or all files in one): a hook registered anywhere
// else starts node:test's harness, which prints an empty test summary when a plain script exits.
if (process.env['NODE_TEST_CONTEXT'] || process.execArgv.includes('--test')) {
  beforeEach((t: TestContextLike) => {
    runningTests.set(t, testKey(t));
  });
  afterEach(async (t: TestContextLike) => {
    const test = runningTests.get(t);
    runningTests.delete(t);
    // A double opened by hand while this test ran alone, and left open: fail the test, as under vitest and Jest.
    await failLeakedDoubles(test);
  });
}
setTestNameSource(
  () => (runningTests.size === 1 ? runningTests.values().next().value : undefined),
  (test) => [...runningTests.values()].includes(test),
  () => [...runningTests.values()],
);

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
  return cassettePerTest(
    {
      // The test context is the owner: a test starting while another's double is open is refused.
      beforeEach: (open) => beforeEach((t: TestContextLike) => open(t)),
      afterEach: (close) => afterEach((t: TestContextLike) => close(t)),
      currentTest: (t) => identityOf(t as TestContextLike | undefined),
    },
    options,
  );
}
