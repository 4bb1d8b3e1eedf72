/**
 * Measurements that need a fresh Node process, run by run.mjs as `node --expose-gc child.mjs <probe> ...`;
 * each prints one JSON line.
 *
 *   import <specifier|path>          how long `await import()` of it takes
 *   open <package> <dir> <name>      import the package (and nock, which opening attaches), then open a
 *                                    cassette in replay mode, as the first test of a worker does: the
 *                                    first (cold) load, and memory with the cassette open
 */
import { pathToFileURL } from 'node:url';

const [probe, ...args] = process.argv.slice(2);
const specifier = (s) => (s.startsWith('/') ? pathToFileURL(s).href : s);

if (probe === 'import') {
  const t0 = performance.now();
  if (args[0] !== 'none') await import(specifier(args[0]));
  console.log(JSON.stringify({ importMs: performance.now() - t0 }));
} else if (probe === 'open') {
  const [pkg, dir, name] = args;
  const t0 = performance.now();
  const lc = await import(specifier(pkg));
  await import('nock');
  const t1 = performance.now();
  const double = await lc.openCassette(name, { mode: 'replay', dir });
  const t2 = performance.now();
  globalThis.gc?.();
  const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
  await double.close();
  console.log(JSON.stringify({ importMs: t1 - t0, openMs: t2 - t1, heapMB, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
} else {
  throw new Error(`unknown probe ${probe}`);
}
