/**
 * Measurements that need a fresh Node process, run by run.mjs as `node --expose-gc child.mjs <probe> ...`;
 * each prints one JSON line.
 *
 *   import <specifier|path|polly>    how long `await import()` of it takes (polly: core, node-http adapter, fs persister)
 *   open <package> <dir> <name>      import the package, then open a
 *                                    cassette in replay mode, as the first test of a worker does: the
 *                                    first (cold) load, and memory with the cassette open
 *   nockback <dir> <fixture>         the same for nock.back lockdown with a fixture of the same interactions
 *   polly <recordingsDir> <name>     the same for Polly replay with a recording of the same interactions
 */
import { pathToFileURL } from 'node:url';

const [probe, ...args] = process.argv.slice(2);
const specifier = (s) => (s.startsWith('/') ? pathToFileURL(s).href : s);
const heapMB = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
// The resident set now, with the recording loaded. Not resourceUsage().maxRSS: on Linux a spawned
// child starts with its parent's peak (libuv forks, and the peak survives exec), so in the bench,
// whose own process reaches gigabytes, every child reported the bench's peak instead of its own.
const rssMB = () => process.memoryUsage().rss / 2 ** 20;

if (probe === 'import') {
  const t0 = performance.now();
  if (args[0] === 'polly')
    await Promise.all(['@pollyjs/core', '@pollyjs/adapter-node-http', '@pollyjs/persister-fs'].map((m) => import(m)));
  else if (args[0] !== 'none') await import(specifier(args[0]));
  console.log(JSON.stringify({ importMs: performance.now() - t0 }));
} else if (probe === 'open') {
  const [pkg, dir, name] = args;
  const t0 = performance.now();
  const lc = await import(specifier(pkg));
  const t1 = performance.now();
  const double = await lc.openCassette(name, { mode: 'replay', dir });
  const t2 = performance.now();
  const heap = heapMB();
  await double.close();
  console.log(JSON.stringify({ importMs: t1 - t0, openMs: t2 - t1, heapMB: heap, rssMB: rssMB() }));
} else if (probe === 'nockback') {
  const [dir, fixture] = args;
  const nock = (await import('nock')).default;
  const t1 = performance.now();
  nock.back.fixtures = dir;
  nock.back.setMode('lockdown');
  const { nockDone } = await nock.back(fixture);
  const t2 = performance.now();
  const heap = heapMB();
  nockDone();
  console.log(JSON.stringify({ openMs: t2 - t1, heapMB: heap, rssMB: rssMB() }));
} else if (probe === 'polly') {
  const [recordingsDir, name] = args;
  const { loadPolly, pollyConfig } = await import('./polly.mjs');
  const { Polly } = await loadPolly();
  const t1 = performance.now();
  const polly = new Polly(name, pollyConfig(recordingsDir));
  await polly.persister.findRecording(polly.recordingId);
  const t2 = performance.now();
  const heap = heapMB();
  await polly.stop();
  console.log(JSON.stringify({ openMs: t2 - t1, heapMB: heap, rssMB: rssMB() }));
} else {
  throw new Error(`unknown probe ${probe}`);
}
