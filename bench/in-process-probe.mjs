#!/usr/bin/env node
/**
 * The in-process doors against their floor, much shorter than `npm run bench` (whose first group this
 * is): the zero-config SDK path and `requestHandler`, mocked and replayed, next to the SDK with a
 * bare handler, in alternating blocks (blocks.mjs).
 *
 *   node --expose-gc bench/in-process-probe.mjs [rounds] [bundle]
 *
 * Prints each variant's median wall and CPU time a call and its ratios to the floor (medians of
 * per-round ratios). With `SIZES=1` it times replays of 10, 1,000 and 10,000 interactions instead
 * (9 calls a block, a full collection before each), to see that replay stays flat. CPU ratios hold up better than wall ratios on a machine that is busy elsewhere.
 * `bundle` is a bundled lambda-cassette (default: src/ bundled now).
 */
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { alternate, stats } from './blocks.mjs';
import { importBundle, ROOT } from './build.mjs';
import { writeFixtures } from './fixtures.mjs';
import { variantsFor } from './variants.mjs';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const [roundsArg, bundle] = process.argv.slice(2);
const sizes = process.env['SIZES'] === '1';
process.removeAllListeners('warning');
const dir = await mkdtemp(path.join(os.tmpdir(), 'lc-probe-'));
await writeFixtures(dir, sizes ? [10, 1000, 10000] : [1000]);
const lc = await importBundle(bundle);
const sdk = createRequire(path.join(ROOT, 'package.json'))('@aws-sdk/client-lambda');
const v = variantsFor({ lc, sdk, dir });
// By size, as the bench's own group: 9 calls a block, so that 10 interactions are enough.
const variants = sizes
  ? [
      v.bareRequestHandler(9),
      ...[10, 1000, 10000].flatMap((n) => [v.zeroConfigReplay(n, 9), v.requestHandlerReplay(n, 9)]),
    ]
  : [
      v.bareRequestHandler(50),
      v.zeroConfigMock(50),
      v.zeroConfigReplay(1000, 50),
      v.requestHandlerMock(50),
      v.requestHandlerReplay(1000, 50),
    ];
const results = await alternate(variants, {
  rounds: Number(roundsArg ?? 30),
  warmupCalls: 700,
  collect: sizes ? 'major' : 'minor',
});
await rm(dir, { recursive: true, force: true });
const floor = results['bare requestHandler'];
const med = (values) => stats(values).median;
const ratio = (r, key) => med(r[key].map((x, i) => x / floor[key][i])).toFixed(3);
for (const [name, r] of Object.entries(results)) {
  const us = (key) => `${(med(r[key]) * 1000).toFixed(0)} µs`.padStart(8);
  console.log(`${name.padEnd(36)} wall ${us('wall')} ${ratio(r, 'wall')}x   cpu ${us('cpu')} ${ratio(r, 'cpu')}x`);
}
