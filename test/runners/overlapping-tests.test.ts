/**
 * `cassettePerTest` with a runner that hands its hooks the test (node:test), under any interleaving
 * of tests' hooks (fast-check): a test that starts while another holds the double is refused, a
 * refused test's afterEach closes nothing, every double opened is closed once by its own test, and
 * the handle always shows the holder's double.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';

/** Doubles as openCassette gives them here: each counts its closes. */
interface FakeDouble {
  name: string;
  closes: number;
  readonly closed: boolean;
  close(): Promise<void>;
}
const opened = vi.hoisted(() => [] as FakeDouble[]);
vi.mock('../../src/api/open-cassette.js', () => ({
  openCassette: async (name: string) => {
    const double: FakeDouble = {
      name,
      closes: 0,
      get closed() {
        return this.closes > 0;
      },
      async close() {
        this.closes++;
      },
    };
    opened.push(double);
    return double;
  },
}));

const { cassettePerTest } = await import('../../src/runners/cassette-per-test.js');
type TestIdentity = import('../../src/runners/cassette-per-test.js').TestIdentity;

/** A step of the run: test `test` runs its beforeEach, or its afterEach. */
type Step = { test: number; hook: 'before' | 'after' };

/** Each test runs its beforeEach then its afterEach; the tests' steps interleave in any order. */
const interleavings = fc.integer({ min: 1, max: 5 }).chain((tests) =>
  fc
    .shuffledSubarray(
      Array.from({ length: tests * 2 }, (_, i) => i),
      { minLength: tests * 2, maxLength: tests * 2 },
    )
    .map((order) => {
      // Position k of test t's pair goes to its beforeEach, the later one to its afterEach.
      const seen = new Set<number>();
      return order.map((slot): Step => {
        const test = Math.floor(slot / 2);
        const hook = seen.has(test) ? 'after' : 'before';
        seen.add(test);
        return { test, hook };
      });
    }),
);

describe('cassettePerTest when tests overlap', () => {
  it("never hands a test another test's double, and closes each double once, in its own test", async () => {
    await fc.assert(
      fc.asyncProperty(interleavings, async (steps) => {
        const before: ((owner?: object) => Promise<void>)[] = [];
        const after: ((owner?: object) => Promise<boolean>)[] = [];
        const owners = Array.from({ length: 5 }, () => ({}));
        const identity = (owner: object | undefined): TestIdentity => ({
          file: '/x/a.test.ts',
          names: ['suite', `test ${owners.indexOf(owner!)}`],
        });
        const lambda = cassettePerTest(
          {
            beforeEach: (fn) => before.push(fn),
            afterEach: (fn) => after.push(fn as (owner?: object) => Promise<boolean>),
            currentTest: identity,
          },
          { mode: 'mock', name: (test) => test.names.join('/') },
        );
        opened.length = 0;
        let holder: number | undefined;
        for (const { test, hook } of steps) {
          const owner = owners[test];
          if (hook === 'before') {
            const outcome = await before[0]!(owner).then(
              () => true,
              (error: Error) => error,
            );
            if (holder === undefined) {
              expect(outcome).toBe(true);
              holder = test;
            } else {
              expect(outcome).toBeInstanceOf(Error);
              expect((outcome as Error).message).toContain(
                `test "suite > test ${test}" started while "suite > test ${holder}" was still running`,
              );
            }
          } else {
            expect(await after[0]!(owner)).toBe(holder === test);
            if (holder === test) holder = undefined;
          }
          // The handle shows the holder's double, open, and no double when no test holds one.
          if (holder === undefined)
            expect(() => (lambda as unknown as FakeDouble).name).toThrow(/no double is open here/);
          else {
            expect((lambda as unknown as FakeDouble).name).toBe(`suite/test ${holder}`);
            expect(lambda.closed).toBe(false);
          }
        }
        // One double per test that was not refused, each closed once, by its own test's afterEach.
        expect(opened.every((d) => d.closes === 1)).toBe(true);
        expect(new Set(opened.map((d) => d.name)).size).toBe(opened.length);
        expect(holder).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
