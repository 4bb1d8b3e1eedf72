#!/usr/bin/env node
/**
 * `bindClientMock` against aws-sdk-client-mock alone, much shorter than `npm run bench`: the bench's
 * own stub variants (a bare stub, a `callsFake` keeping each parsed payload, `bindClientMock` on
 * `mockLambda()`) in alternating blocks of 200 calls (blocks.mjs), with nothing else in the process.
 *
 *   node --expose-gc bench/client-mock-probe.mjs [rounds] [bundle]
 *
 * Prints each variant's median wall and CPU time a call and its ratios to the bare stub (medians of
 * per-round ratios). With `RR=1` it times RequestResponse instead (`InvokeCommand`, the bound
 * double answering with `respond`). One run moves by about ±0.03; compare builds by the mean of
 * several runs taken in turn. `bundle` is a bundled lambda-cassette (default: src/ bundled now).
 */
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { alternate, stats } from './blocks.mjs';
import { importBundle, ROOT } from './build.mjs';
import { variantsFor } from './variants.mjs';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const [roundsArg, bundle] = process.argv.slice(2);
const requestResponse = process.env['RR'] === '1';
process.removeAllListeners('warning');
const dir = await mkdtemp(path.join(os.tmpdir(), 'lc-probe-'));
const lc = await importBundle(bundle);
const require = createRequire(path.join(ROOT, 'package.json'));
const sdk = require('@aws-sdk/client-lambda');
const { mockClient } = require('aws-sdk-client-mock');
const sinon = require('sinon');
const v = variantsFor({ lc, sdk, mockClient, sinon, dir });
const variants = requestResponse
  ? [v.rrBareClientMock(200), v.rrClientMockMock(200)]
  : [v.bareClientMock(200), v.payloadClientMock(200), v.clientMockMock(200)];
const results = await alternate(variants, { rounds: Number(roundsArg ?? 150), warmupCalls: 300 });
const bare = results[variants[0].name];
for (const [name, r] of Object.entries(results)) {
  const ratio = (field) => stats(r[field].map((x, i) => x / bare[field][i])).median.toFixed(2);
  console.log(
    `${name.padEnd(46)} wall ${(stats(r.wall).median * 1000).toFixed(1)} µs (${ratio('wall')}x)   CPU ${(stats(r.cpu).median * 1000).toFixed(1)} µs (${ratio('cpu')}x)`,
  );
}
await rm(dir, { recursive: true, force: true });
