#!/usr/bin/env node
/**
 * lambda-cassette's benchmark (`npm run bench`, i.e. `node bench/run.mjs`; `--quick` or
 * `BENCH_QUICK=1` for a shorter, noisier run). Not part of `npm test`.
 *
 * Times one SDK InvokeAsync call, mocked and replayed, through each door (the zero-config SDK
 * path, requestHandler, the http door for a client sending over HTTP, bindClientMock) next to the
 * bare mechanism under it and the peers users compare us with (a bare custom requestHandler, a bare
 * nock interceptor, nock.back lockdown, Polly.js replay, aws-sdk-client-mock, a real HTTP server on
 * 127.0.0.1), all in this one process by alternating blocks; one SDK RequestResponse Invoke through
 * the zero-config path and bindClientMock against its floor and aws-sdk-client-mock; the same
 * InvokeAsync calls from fetch, http and aws-sdk v2(-shaped) requests (non-sdk.mjs). Then replay
 * cost at 10 / 1,000 / 10,000 interactions, load time against nock.back's and Polly's, import time
 * and memory in fresh processes. Prints markdown tables and writes them to bench/RESULTS.md
 * (report.mjs). See docs/performance.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { alternate } from './blocks.mjs';
import { buildPackage, ROOT } from './build.mjs';
import { writeFixtures, writeRequestResponseFixture } from './fixtures.mjs';
import { loadPolly, pollyConfig, writePollyFixtures } from './polly.mjs';
import { variantsFor } from './variants.mjs';
import { loadClients, loopbackServer, nonSdkVariants } from './non-sdk.mjs';
import { report } from './report.mjs';

// Blocks collect garbage before they start, which needs --expose-gc: run again with it.
if (typeof globalThis.gc !== 'function') {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}

const QUICK = process.argv.includes('--quick') || process.env['BENCH_QUICK'] === '1';
const SIZES = [10, 1000, 10000];
const log = (message) => process.stderr.write(`${message}\n`);
const started = performance.now();
const loadBefore = os.loadavg();

// The AWS SDK warns once per process about Node 20's end of support; it is not what is measured.
process.removeAllListeners('warning');

const pkg = await buildPackage();
const dir = await mkdtemp(path.join(os.tmpdir(), 'lc-bench-'));
const fileSizes = await writeFixtures(dir, SIZES);
await writeRequestResponseFixture(dir, 1000);

const [lc, sdk, nock, { mockClient }, sinon] = await Promise.all([
  import(pathToFileURL(pkg).href),
  import('@aws-sdk/client-lambda'),
  import('nock').then((m) => m.default ?? m),
  import('aws-sdk-client-mock'),
  // aws-sdk-client-mock's own sinon (a dependency of it), for sandboxes the bench can restore.
  import('sinon').then((m) => m.default ?? m),
]);
nock.restore(); // on only around the blocks that use it
// Polly brings its own nock 13, which patches http when it connects: loaded once nock 14 is off.
const { Polly, recordingId } = await loadPolly();
const pollyDir = await writePollyFixtures(dir, SIZES, recordingId);
await writePollyFixtures(dir, [1000], recordingId, { sdkV2: true });
log(`bench: package bundled to ${path.relative(ROOT, pkg)}, fixtures in ${dir}`);
const v = variantsFor({ lc, sdk, nock, mockClient, sinon, Polly, pollyDir, dir });

const rounds = (n) => Math.max(4, QUICK ? Math.ceil(n / 3) : n);
const progress = (label, total) => (round) => {
  if (round >= 0) process.stderr.write(`\rbench: ${label} ${round + 1}/${total}   `);
  if (round + 1 === total) process.stderr.write('\n');
};
async function group(label, variants, n, warmupCalls = 0, collect = 'minor') {
  const total = rounds(n);
  const t0 = performance.now();
  process.stderr.write(`bench: ${label}: warming up\r`);
  const results = await alternate(variants, {
    rounds: total,
    warmupCalls: QUICK ? Math.ceil(warmupCalls / 3) : warmupCalls,
    collect,
    onRound: progress(label, total),
  });
  globalThis.gc({ type: 'major' });
  const { heapUsed, rss } = process.memoryUsage();
  log(
    `bench: ${label}: ${((performance.now() - t0) / 1000).toFixed(0)} s (heap ${(heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(rss / 2 ** 20).toFixed(0)} MB)`,
  );
  return results;
}

// ---- per-call cost ----
// The in-process doors against their floor, in blocks of their own (many rounds: the targets are tight).
const inProcess = await group(
  'in-process doors',
  [
    v.bareRequestHandler(50),
    v.zeroConfigMock(50),
    v.zeroConfigReplay(1000, 50),
    v.requestHandlerMock(50),
    v.requestHandlerReplay(1000, 50),
  ],
  60,
  2000,
);
// RequestResponse (InvokeCommand) through the zero-config path and bindClientMock, against the same
// floor answering 200 with the result and a bare aws-sdk-client-mock stub resolving it.
const requestResponse = await group(
  'RequestResponse',
  [
    v.rrBareRequestHandler(50),
    v.rrZeroConfigMock(50),
    v.rrZeroConfigReplay(1000, 50),
    v.rrBareClientMock(200),
    v.rrClientMockMock(200),
  ],
  40,
  1000,
);
// The peer table: every door and every peer, mocked and replayed, in one group of alternating blocks.
// Replays play the first calls of the 1,000-interaction recordings in recorded order, each once.
const server = await v.loopback(20);
const peers = await group(
  'peers',
  [
    v.bareRequestHandler(50),
    v.zeroConfigMock(50),
    v.zeroConfigReplay(1000, 50),
    v.requestHandlerMock(50),
    v.requestHandlerReplay(1000, 50),
    server.variant,
    v.httpDoorMock(20),
    v.httpDoorReplay(1000, 20),
    v.bareNock(10),
    v.nockBack(1000, 10),
    v.pollyReplay(1000, 10),
    v.bareClientMock(200),
    v.payloadClientMock(200),
    v.clientMockMock(200),
    v.clientMockReplay(1000, 200),
  ],
  24,
  300,
);
await server.close();

// Clients other than SDK v3 (fetch, http, aws-sdk v2's requests) through the double and the peers.
const nonSdkServer = await loopbackServer();
const msw = { ...(await import('msw')), ...(await import('msw/node')) };
const clients = await loadClients();
const nonSdk = await group(
  'clients other than SDK v3',
  nonSdkVariants({ lc, nock, msw, Polly, pollyDir, dir, server: nonSdkServer.base, calls: 20, clients }),
  12,
  100,
);
await nonSdkServer.close();

// ---- cassette size: replay per call, and load ----
const bySize = await group(
  'replay by cassette size',
  SIZES.flatMap((n) => [v.zeroConfigReplay(n, 9), v.requestHandlerReplay(n, 9), v.clientMockReplay(n, 9)]),
  60,
  100,
  'major',
);
const peersBySize = await group(
  'nock.back and Polly by recording size',
  SIZES.flatMap((n) => [v.nockBack(n, 9), v.pollyReplay(n, 9)]),
  6,
  0,
  'major',
);
// Load time: reading the file and JSON.parse alone (the floor), openCassette, nock.back's and
// Polly's load of the same interactions, alternating, in this (warm) process.
const load = Object.fromEntries(
  ['floor', 'ours', 'nockBack', 'polly'].map((k) => [k, Object.fromEntries(SIZES.map((n) => [n, []]))]),
);
async function timed(into, fn) {
  globalThis.gc({ type: 'major' });
  const t0 = performance.now();
  const undo = await fn();
  into.push(performance.now() - t0);
  await undo?.();
}
for (let r = 0; r < (QUICK ? 4 : 10); r++) {
  for (const n of SIZES) {
    // The fastest read there is: the whole buffer decoded at once (readFile's own 'utf8' decodes chunk by chunk).
    await timed(
      load.floor[n],
      async () => void JSON.parse((await readFile(path.join(dir, `n${n}.json`))).toString('utf8')),
    );
    await timed(load.ours[n], async () => {
      const double = await lc.openCassette(`n${n}`, { mode: 'replay', dir });
      return () => double.close();
    });
    nock.activate();
    await timed(load.nockBack[n], async () => {
      nock.back.fixtures = dir;
      nock.back.setMode('lockdown');
      const { nockDone } = await nock.back(`nockback-n${n}.json`);
      return nockDone;
    });
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
    await timed(load.polly[n], async () => {
      const polly = new Polly(`polly-n${n}`, pollyConfig(pollyDir));
      await polly.persister.findRecording(polly.recordingId);
      return () => polly.stop();
    });
  }
  process.stderr.write(`\rbench: load time ${r + 1}/${QUICK ? 4 : 10}   `);
}
process.stderr.write('\n');

// ---- fresh processes: import time, cold load, memory ----
function child(args) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ['--expose-gc', '--no-warnings', path.join(ROOT, 'bench', 'child.mjs'), ...args],
      { cwd: ROOT },
    );
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) =>
      code === 0
        ? resolve({ ...JSON.parse(out.trim().split('\n').at(-1)), processMs: performance.now() - t0 })
        : reject(new Error(`child ${args.join(' ')}: ${err}`)),
    );
  });
}
const IMPORTS = [
  ['nothing (node startup only)', 'none'],
  ['lambda-cassette', pkg],
  ['nock', 'nock'],
  ['@aws-sdk/client-lambda', '@aws-sdk/client-lambda'],
  ['aws-sdk-client-mock', 'aws-sdk-client-mock'],
  ['@pollyjs/core + node-http adapter + fs persister', 'polly'],
];
const importMs = Object.fromEntries(IMPORTS.map(([label]) => [label, []]));
const processMs = Object.fromEntries(IMPORTS.map(([label]) => [label, []]));
const spawns = QUICK ? 3 : 7;
for (let r = 0; r < spawns; r++) {
  for (const [label, target] of IMPORTS) {
    const probe = await child(['import', target]);
    importMs[label].push(probe.importMs);
    processMs[label].push(probe.processMs);
  }
  process.stderr.write(`\rbench: import time ${r + 1}/${spawns}   `);
}
process.stderr.write('\n');
const cold = Object.fromEntries(SIZES.map((n) => [n, []]));
const peerMemory = { nockBack: [], polly: [] };
for (let r = 0; r < (QUICK ? 2 : 5); r++) {
  for (const n of SIZES) cold[n].push(await child(['open', pkg, dir, `n${n}`]));
  peerMemory.nockBack.push(await child(['nockback', dir, 'nockback-n10000.json']));
  peerMemory.polly.push(await child(['polly', pollyDir, 'polly-n10000']));
  process.stderr.write(`\rbench: cold open and memory in fresh processes ${r + 1}/${QUICK ? 2 : 5}   `);
}
process.stderr.write('\n');
await rm(dir, { recursive: true, force: true });

// ---- report ----
function version(name) {
  const out = spawnSync(process.execPath, ['-p', `require('${name}/package.json').version`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out.stdout.trim();
}
const text = report({
  quick: QUICK,
  seconds: (performance.now() - started) / 1000,
  loadBefore,
  loadAfter: os.loadavg(),
  versions: Object.fromEntries(
    ['@aws-sdk/client-lambda', 'nock', 'aws-sdk-client-mock', '@pollyjs/core', 'msw'].map((n) => [n, version(n)]),
  ),
  sizes: SIZES,
  fileSizes,
  inProcess,
  requestResponse,
  peers,
  nonSdk,
  bySize,
  peersBySize,
  load,
  importMs,
  processMs,
  cold,
  peerMemory,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
});
await writeFile(path.join(ROOT, 'bench', 'RESULTS.md'), text);
process.stdout.write(`${text}\n`);
log(`bench: wrote bench/RESULTS.md in ${((performance.now() - started) / 1000).toFixed(0)} s`);
