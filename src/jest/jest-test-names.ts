/**
 * The running Jest test's name path (suites, then the test), as vitest gives it, so both runners
 * name a test's cassette the same way. Jest's own `currentTestName` joins the names with spaces,
 * which loses where one ends; jest-circus keeps the running test, with its parent blocks, in a
 * global state object under a symbol described `JEST_STATE_SYMBOL` (Jest 29 and 30).
 */

/** The parts of jest-circus's test and describe-block entries read here. */
interface CircusBlock {
  name: string;
  parent?: CircusBlock;
}

function circusState(global: object): { currentlyRunningTest?: CircusBlock | null } | undefined {
  const symbol = Object.getOwnPropertySymbols(global).find((s) => s.description === 'JEST_STATE_SYMBOL');
  return symbol
    ? (global as Record<symbol, { currentlyRunningTest?: CircusBlock | null } | undefined>)[symbol]
    : undefined;
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
