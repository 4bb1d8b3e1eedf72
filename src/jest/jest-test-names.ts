/**
 * What jest-circus says of its tests: the running Jest test's name path (suites, then the test), as
 * vitest gives it, so both runners name a test's cassette the same way, and whether a test is over.
 * Jest's own `currentTestName` joins the names with spaces, which loses where one ends; jest-circus
 * keeps its tests, and the running one, with their parent blocks, in a global state object under a
 * symbol described `JEST_STATE_SYMBOL` (Jest 29 and 30).
 */

/** The parts of jest-circus's test and describe-block entries read here. */
export interface CircusBlock {
  name: string;
  parent?: CircusBlock;
  type?: string;
  children?: readonly CircusBlock[];
  /** A test's: `null` until it is over (`done`), or skipped. */
  status?: string | null;
  /** A test's own function, which jest-circus calls after the test's `beforeEach` hooks. */
  fn?: (...args: unknown[]) => unknown;
}

export interface CircusState {
  currentlyRunningTest?: CircusBlock | null;
  rootDescribeBlock?: CircusBlock;
}

/** jest-circus's state object, when this Jest keeps one where 29 and 30 do. */
export function circusState(global: object): CircusState | undefined {
  const symbol = Object.getOwnPropertySymbols(global).find((s) => s.description === 'JEST_STATE_SYMBOL');
  return symbol ? (global as Record<symbol, CircusState | undefined>)[symbol] : undefined;
}

/**
 * The running test's names, outermost suite first; `[currentTestName]` when jest-circus's state is
 * not readable or names another test than Jest's own (say, under `test.concurrent`).
 */
export function jestTestNames(currentTestName: string, global: object = globalThis): string[] {
  const names: string[] = [];
  // Every block has a parent but the root one, which names no suite.
  for (let block = circusState(global)?.currentlyRunningTest ?? undefined; block?.parent; block = block.parent)
    names.unshift(block.name);
  return names.length > 0 && names.join(' ') === currentTestName ? names : [currentTestName];
}

/**
 * Whether a test of that name (as `currentTestName` gives it) has not run to its end yet: running,
 * or still to run. `false` when jest-circus's state is not readable.
 */
export function jestTestUnfinished(testName: string, global: object = globalThis): boolean {
  const unfinished = (block: CircusBlock, path: string): boolean =>
    (block.children ?? []).some((child) => {
      const name = path ? `${path} ${child.name}` : child.name;
      return child.type === 'test' ? child.status === null && name === testName : unfinished(child, name);
    });
  const root = circusState(global)?.rootDescribeBlock;
  return root ? unfinished(root, '') : false;
}
