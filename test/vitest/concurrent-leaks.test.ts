/**
 * The check for doubles left open, under `test.concurrent`, with lambda-cassette/vitest imported:
 * concurrent tests that each open and close a double by hand pass, each with its own calls and no
 * warning, while one that leaves its double open fails naming itself and where it opened the
 * double; tests run one at a time after them are checked as ever, with Node's async hooks off. A
 * real vitest run in a subprocess (test/vitest/fixtures/concurrent-leaks.fixture.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFixture } from './run-fixture.js';

const FIXTURE = new URL('./fixtures/concurrent-leaks.fixture.ts', import.meta.url);
// The line of the concurrent test's leaked double.
const LEAK_LINE = readFileSync(FIXTURE, 'utf8').split('\n').indexOf('    await mockLambda(); // left open') + 1;

describe('doubles opened by hand in test.concurrent tests', () => {
  it('are put down to the test that opened them, in its afterEach and in the warnings', async () => {
    const run = await runFixture<unknown>('concurrent-leaks');
    expect(Object.keys(run.tests).sort(), run.output).toEqual([
      'concurrent a',
      'concurrent b',
      'concurrent c',
      'concurrent leaky',
      'one at a time leaks',
      'one at a time next',
    ]);
    for (const name of ['a', 'b', 'c']) {
      expect(run.tests[`concurrent ${name}`], run.output).toEqual({ status: 'passed', failure: undefined });
      expect(run.results[name]).toEqual([`${name}-fn`]);
    }
    expect(run.results['warnings']).toEqual([]);
    // Its own double, opened in its own line, not a neighbour's.
    expect(run.tests['concurrent leaky']).toMatchObject({ status: 'failed' });
    expect(LEAK_LINE).toBeGreaterThan(0);
    expect(run.tests['concurrent leaky']!.failure).toMatch(
      new RegExp(
        `^LeakedDoubleError: lambda-cassette: mockLambda is still open at the end of test "concurrent > leaky"; it was opened at:\n +at .*concurrent-leaks\\.fixture\\.ts:${LEAK_LINE}:\\d+\n`,
      ),
    );
    // A concurrent test's leak may be a shared variable's doing (one beforeEach per test assigning
    // it): its failure says so; a test run alone has no neighbour to blame.
    expect(run.tests['concurrent leaky']!.failure).toMatch(/This test runs concurrently: .* useLambdaCassette\(\)/);
    expect(run.tests['one at a time leaks']).toMatchObject({ status: 'failed' });
    expect(run.tests['one at a time leaks']!.failure).toMatch(
      /^LeakedDoubleError: lambda-cassette: mockLambda is still open at the end of test "one at a time > leaks"/,
    );
    expect(run.tests['one at a time leaks']!.failure).not.toMatch(/runs concurrently/);
    expect(run.tests['one at a time next']).toEqual({ status: 'passed', failure: undefined });
    expect(run.results['next']).toEqual({ calls: ['next-fn'], hooks: false });
  }, 60_000);
});
