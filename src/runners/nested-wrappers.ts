/**
 * How a runner entry nests what several `useLambdaCassette()` handles wrap one test's function with,
 * where the runner has no hook around a test (vitest 3.x and 4.0, Jest): the first registered
 * outermost, the last innermost, as vitest 4.1's `aroundEach` nests its hooks. A suite's own double,
 * opened after a setup file's safety net (or an outer suite's), is then the one the test's calls reach.
 */

/** What one handle wraps a test's function with: runs `run` inside its double. */
export type TestWrapper = (run: () => unknown) => unknown;

/** Runs `run` inside `wrappers`, the first outermost and the last innermost. */
export function runInside(wrappers: readonly TestWrapper[], run: () => unknown): unknown {
  let fn = run;
  for (let i = wrappers.length - 1; i >= 0; i--) {
    const wrap = wrappers[i]!;
    const inner = fn;
    fn = () => wrap(inner);
  }
  return fn();
}
