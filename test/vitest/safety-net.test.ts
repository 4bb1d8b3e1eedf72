/**
 * docs/recipes.md's safety net: `useLambdaCassette({ mode: 'mock' })` in a setup file gives every
 * test a double. A real vitest run in a subprocess (fixtures/safety-net.fixture.ts): a suite's own
 * double still gets its own calls, a test that opens none has its calls caught, no host name is
 * looked up during a test (a call from afterAll, outside every test, is: the control), and no leak
 * warning is given.
 */
import { describe, expect, it } from 'vitest';
import { runFixture } from './run-fixture.js';

interface Seen {
  own?: string[];
  net: string[];
  lookups: string[];
  /** How many times the setup module ran in the file: once, however many times it is imported. */
  evaluations: number;
  /** Whether the setup module ran as the setup file, before the test file's own imports. */
  asSetupFile: boolean;
}

describe('a safety-net double in the setup file', () => {
  it("leaves a suite's own double its calls, catches the calls of a test with none, and lets nothing out", async () => {
    const run = await runFixture<Seen>('safety-net', { LC_FIXTURE_SETUP: 'test/vitest/fixtures/safety-net.setup.ts' });
    expect(run.code, run.output).toBe(0);
    expect(run.tests['a suite that opens none called with -NaN']?.status).toBe('passed');
    expect(run.results['own']).toEqual({ own: ['own-fn'], net: [], lookups: [], evaluations: 1, asSetupFile: true });
    // Concurrent tests too: each one's own double has its two calls, the net none of them.
    for (const name of ['alpha', 'beta', 'gamma'])
      expect(run.results[name]).toMatchObject({ own: [`${name}-fn`, `${name}-fn`], net: [], lookups: [] });
    expect(run.results['stray']).toEqual({ net: ['stray-fn'], lookups: [], evaluations: 1, asSetupFile: true });
    // Outside every test (afterAll) no double is open: the one call there is looked up, as any
    // request that leaves is, which is what makes the zero counts above mean something.
    expect(run.results['after']?.lookups).toEqual(['lambda.us-east-1.amazonaws.com']);
    expect(run.output).not.toContain('LC_LEAKED_DOUBLE');
  }, 60_000);
});
