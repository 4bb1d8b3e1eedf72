#!/usr/bin/env node
/**
 * lambda-cassette's benchmark (`npm run bench`, i.e. `node bench/run.mjs`; `--quick` for a shorter,
 * noisier run). Not part of `npm test`.
 *
 * Times one SDK InvokeAsync call, mocked and replayed, through each door (nock, requestHandler,
 * bindClientMock) next to the bare mechanism under it and the peers users compare us with (a bare
 * nock interceptor, nock.back, a bare custom requestHandler, a bare aws-sdk-client-mock stub, a real
 * HTTP server on 127.0.0.1), all in this one process by alternating blocks. Then cassette load time
 * and replay cost at 10 / 1,000 / 10,000 interactions, import time and memory in fresh processes.
 * Prints markdown tables and writes them to bench/RESULTS.md. See docs/performance.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { alternate, stats } from './blocks.mjs';
import { buildPackage, ROOT } from './build.mjs';
import { writeFixtures } from './fixtures.mjs';
import { variantsFor } from './variants.mjs';

// Blocks collect garbage before they start, which needs --expose-gc: run again with it.
if (typeof globalThis.gc !== 'function') {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const QUICK = process.argv.includes('--quick');
const SIZES = [10, 1000, 10000];
const log = (message) => process.stderr.write(`${message}\n`);
const started = performance.now();
const loadBefore = os.loadavg();

// The AWS SDK warns once per process about Node 20's end of support; it is not what is measured.
process.removeAllListeners('warning');

const pkg = await buildPackage();
const dir = await mkdtemp(path.join(os.tmpdir(), 'lc-bench-'));
const fileSizes = await writeFixtures(dir, SIZES);
log(`bench: package bundled to ${path.relative(ROOT, pkg)}, fixtures in ${dir}`);

const [lc, sdk, nock, { mockClient }, sinon] = await Promise.all([
  import(pathToFileURL(pkg).href),
  import('@aws-sdk/client-lambda'),
  import('nock').then((m) => m.default ?? m),
  import('aws-sdk-client-mock'),
  // aws-sdk-client-mock's own sinon (a dependency of it), for sandboxes the bench can restore.
  import('sinon').then((m) => m.default ?? m),
]);
nock.restore(); // on only around the blocks that use it
const v = variantsFor({ lc, sdk, nock, mockClient, sinon, dir });

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
  log(`bench: ${label}: ${((performance.now() - t0) / 1000).toFixed(0)} s (heap ${(heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(rss / 2 ** 20).toFixed(0)} MB)`);
  return results;
}

// ---- per-call cost through each mechanism ----
// Replays play the first calls of the 1,000-interaction cassette in recorded order, each once.
const inProcess = await group('in-process', [v.bareRequestHandler(50), v.requestHandlerMock(50), v.requestHandlerReplay(1000, 50)], 60, 2000);
const viaNock = await group('nock', [v.bareNock(10), v.nockDoorMock(10), v.nockDoorReplay(1000, 10), v.nockBack(1000, 10)], 30, 150);
const viaStub = await group('aws-sdk-client-mock', [v.bareClientMock(200), v.clientMockMock(200), v.clientMockReplay(1000, 200)], 80, 4000);
const server = await v.loopback(50);
const viaSocket = await group('loopback server', [v.bareRequestHandler(50), server.variant], 20, 500);
await server.close();

// ---- cassette size ----
const bySize = await group(
  'replay by cassette size',
  SIZES.flatMap((n) => [v.requestHandlerReplay(n, 9), v.clientMockReplay(n, 9)]),
  60,
  100,
  'major',
);
// The floor under a load: reading the file and JSON.parse, in this (warm) process, alternating with
// openCassette on the same file.
const floorWarm = Object.fromEntries(SIZES.map((n) => [n, []]));
const openWarm = Object.fromEntries(SIZES.map((n) => [n, []]));
for (let r = 0; r < (QUICK ? 4 : 10); r++) {
  for (const n of SIZES) {
    globalThis.gc({ type: 'major' });
    let t0 = performance.now();
    JSON.parse(await readFile(path.join(dir, `n${n}.json`), 'utf8'));
    floorWarm[n].push(performance.now() - t0);
    globalThis.gc({ type: 'major' });
    t0 = performance.now();
    const double = await lc.openCassette(`n${n}`, { mode: 'replay', dir });
    openWarm[n].push(performance.now() - t0);
    await double.close();
  }
}
const nockBackBySize = await group('nock.back by fixture size', SIZES.map((n) => v.nockBack(n, 9)), 6);

// ---- fresh processes: import time, cold load, memory ----
function child(args) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', '--no-warnings', path.join(ROOT, 'bench', 'child.mjs'), ...args], { cwd: ROOT });
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
for (let r = 0; r < (QUICK ? 2 : 5); r++) {
  for (const n of SIZES) cold[n].push(await child(['open', pkg, dir, `n${n}`]));
  process.stderr.write(`\rbench: cold open in a fresh process ${r + 1}/${QUICK ? 2 : 5}   `);
}
process.stderr.write('\n');
await rm(dir, { recursive: true, force: true });

// ---- report ----
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const ratio = (x) => `${x.toFixed(2)}×`;
const med = (values) => stats(values).median;
const spread = (values) => {
  const s = stats(values);
  return `${ms(s.median)} (${ms(s.q1)}–${ms(s.q3)})`;
};
/** Median over rounds of this round's a / b: drift that hits a whole round cancels out. */
const roundRatio = (a, b, key = 'wall') => med(a[key].map((x, i) => x / b[key][i]));

const results = { ...inProcess, ...viaNock, ...viaStub };
const row = (mechanism, bare, mock, replayed, target) => {
  const b = results[bare];
  const m = mock && results[mock];
  const r = replayed && results[replayed];
  return [
    mechanism,
    spread(b.wall),
    m ? spread(m.wall) : '—',
    m ? ratio(roundRatio(m, b)) : '—',
    r ? spread(r.wall) : '—',
    r ? ratio(roundRatio(r, b)) : '—',
    target,
  ];
};
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const perCall = table(
  ['mechanism', 'bare (ms/call)', 'our door, mocked', '× bare', 'our door, replayed', '× bare', 'target'],
  [
    row('in-process `requestHandler`', 'bare requestHandler', 'lambda.requestHandler (mock)', 'lambda.requestHandler (replay 1000)', '≤ 1.10×'),
    row('nock (any Node HTTP client)', 'bare nock', 'nock door (mock)', 'nock door (replay 1000)', '≤ 1.05×'),
    row('aws-sdk-client-mock stub', 'bare aws-sdk-client-mock', 'lambda.bindClientMock (mock)', 'lambda.bindClientMock (replay 1000)', '≤ 1.5×'),
  ],
);
const peers = table(
  ['peer', 'ms/call', '× its reference', 'reference'],
  [
    ['nock.back lockdown, replaying the same fixture', spread(viaNock['nock.back lockdown (1000)'].wall), ratio(roundRatio(viaNock['nock.back lockdown (1000)'], viaNock['bare nock'])), 'bare nock'],
    ['our nock door replaying the same cassette', spread(viaNock['nock door (replay 1000)'].wall), ratio(roundRatio(viaNock['nock door (replay 1000)'], viaNock['nock.back lockdown (1000)'])), 'nock.back lockdown'],
    ['real HTTP server on 127.0.0.1 (keep-alive)', spread(viaSocket['HTTP server on 127.0.0.1'].wall), ratio(roundRatio(viaSocket['HTTP server on 127.0.0.1'], viaSocket['bare requestHandler'])), 'bare requestHandler'],
  ],
);
const cpuRow = (label, bare, ours) => [label, ms(med(results[bare].cpu)), ms(med(results[ours].cpu)), ratio(roundRatio(results[ours], results[bare], 'cpu'))];
const cpu = table(
  ['mechanism (mocked)', 'bare CPU ms/call', 'our door CPU ms/call', '× bare'],
  [
    cpuRow('in-process `requestHandler`', 'bare requestHandler', 'lambda.requestHandler (mock)'),
    cpuRow('nock', 'bare nock', 'nock door (mock)'),
    cpuRow('aws-sdk-client-mock', 'bare aws-sdk-client-mock', 'lambda.bindClientMock (mock)'),
  ],
);
const at10 = (door) => bySize[`${door} (replay 10)`];
const sizeRows = SIZES.map((n) => {
  const rh = bySize[`lambda.requestHandler (replay ${n})`];
  const cm = bySize[`lambda.bindClientMock (replay ${n})`];
  const nb = nockBackBySize[`nock.back lockdown (${n})`];
  return [
    n.toLocaleString('en-US'),
    `${(fileSizes[n] / 2 ** 20).toFixed(2)} MB`,
    ms(med(floorWarm[n])),
    ms(med(openWarm[n])),
    ms(med(cold[n].map((c) => c.openMs))),
    spread(rh.wall),
    ratio(roundRatio(rh, at10('lambda.requestHandler'))),
    spread(cm.wall),
    ratio(roundRatio(cm, at10('lambda.bindClientMock'))),
    ms(med(nb.setup)),
    spread(nb.wall),
  ];
});
const sizes = table(
  ['interactions', 'file', 'read + JSON.parse alone (ms)', 'openCassette (ms)', 'openCassette, first in a process (ms)', 'replay via requestHandler (ms/call)', '× at 10', 'replay via bindClientMock (ms/call)', '× at 10', 'nock.back load (ms)', 'nock.back replay (ms/call)'],
  sizeRows,
);
const bareProcess = med(processMs['nothing (node startup only)']);
const imports = table(
  ['fresh `node` importing', '`await import()` (ms)', 'whole process (ms)', 'process minus bare node (ms)'],
  IMPORTS.map(([label]) => [
    label,
    label.startsWith('nothing') ? '—' : ms(med(importMs[label])),
    ms(med(processMs[label])),
    label.startsWith('nothing') ? '—' : ms(med(processMs[label]) - bareProcess),
  ]),
);
const memory = table(
  ['fresh process: import, open a cassette (replay)', 'heap used, cassette open (MB)', 'peak RSS (MB)'],
  SIZES.map((n) => [`${n.toLocaleString('en-US')} interactions`, med(cold[n].map((c) => c.heapMB)).toFixed(1), med(cold[n].map((c) => c.maxRssMB)).toFixed(0)]),
);

const check = (label, value, limit) => `- ${value <= limit ? '✅ met' : '❌ missed'}: ${label}: ${ratio(value)} (target ≤ ${limit.toFixed(2)}×)`;
const targets = [
  check('in-process door, mocked, vs bare requestHandler', roundRatio(results['lambda.requestHandler (mock)'], results['bare requestHandler']), 1.1),
  check('in-process door, replayed, vs bare requestHandler', roundRatio(results['lambda.requestHandler (replay 1000)'], results['bare requestHandler']), 1.1),
  check('nock door, mocked, vs bare nock', roundRatio(results['nock door (mock)'], results['bare nock']), 1.05),
  check('nock door, replayed, vs bare nock', roundRatio(results['nock door (replay 1000)'], results['bare nock']), 1.05),
  check('replay at 10,000 vs at 10 (requestHandler)', roundRatio(bySize['lambda.requestHandler (replay 10000)'], at10('lambda.requestHandler')), 1.1),
  check('replay at 10,000 vs at 10 (bindClientMock)', roundRatio(bySize['lambda.bindClientMock (replay 10000)'], at10('lambda.bindClientMock')), 1.1),
  check('bindClientMock, mocked, vs bare aws-sdk-client-mock', roundRatio(results['lambda.bindClientMock (mock)'], results['bare aws-sdk-client-mock']), 1.5),
  check('bindClientMock, replayed, vs bare aws-sdk-client-mock', roundRatio(results['lambda.bindClientMock (replay 1000)'], results['bare aws-sdk-client-mock']), 1.5),
];

const seconds = (performance.now() - started) / 1000;
const loadAfter = os.loadavg();
const report = `# Benchmark results

\`npm run bench\` (\`node bench/run.mjs${QUICK ? ' --quick' : ''}\`), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${seconds.toFixed(0)} s.
Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after.
@aws-sdk/client-lambda ${sdkVersion()}, nock ${version('nock')}, aws-sdk-client-mock ${version('aws-sdk-client-mock')}.

Every figure is one SDK \`InvokeAsyncCommand\` sent through a real \`LambdaClient\`, the median over
alternating blocks (every round runs one block of each variant in turn, so drift hits all of them;
in parentheses the quartiles). A ratio is the median of the per-round ratios to the bare mechanism.
Mocked: \`mockLambda()\`. Replayed: \`openCassette(..., { mode: 'replay' })\` on a cassette of 1,000
interactions, its first calls in recorded order, each answer played once (nock.back: the same
interactions as a lockdown fixture). Setup (opening the double, defining interceptors) is not timed.

## Per-call cost, by door

${perCall}

Peers:

${peers}

CPU time of the same blocks (nock's wall time includes ~2 ms per call of idle timers, see docs/performance.md):

${cpu}

## Cassette size

Replay of the same 10 calls (the first one untimed) from cassettes of 10 to 10,000 interactions (about ${Math.round(fileSizes[10000] / 10000)} bytes
each, as lambda-cassette writes them). "Read + JSON.parse alone" is the floor under any load: reading
the file and \`JSON.parse\`, nothing else, measured alternately with \`openCassette\` on the same file in
this process. "First in a process" is what the first test of a worker pays (a fresh \`node\` that has
imported the package and nock, nothing else yet).

${sizes}

## Import time

${imports}

## Memory

${memory}

Peak RSS of the whole bench process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB.

## Targets

${targets.join('\n')}
`;

function version(name) {
  const out = spawnSync(process.execPath, ['-p', `require('${name}/package.json').version`], { cwd: ROOT, encoding: 'utf8' });
  return out.stdout.trim();
}
function sdkVersion() {
  return version('@aws-sdk/client-lambda');
}

await writeFile(path.join(ROOT, 'bench', 'RESULTS.md'), report);
process.stdout.write(`${report}\n`);
log(`bench: wrote bench/RESULTS.md in ${seconds.toFixed(0)} s`);
