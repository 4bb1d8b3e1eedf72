#!/usr/bin/env node
/**
 * Two quick probes for work on one figure at a time, much shorter than `npm run bench`:
 *
 *   node --expose-gc bench/probe.mjs load [bundle]          openCassette of 10,000 interactions vs read + JSON.parse
 *   node bench/probe.mjs client-mock [bundle]               bindClientMock vs a bare aws-sdk-client-mock stub and a fake keeping payloads (CPU time)
 *   node bench/probe.mjs import                             what importing dist/index.js (npm run build), nock and Node's own modules the doors use add to a bare node
 *   node --expose-gc bench/probe.mjs sdk-v2 [bundle]        aws-sdk v2 itself: its own cost (an in-process answer in place of its HTTP client), through the double, against a loopback server
 *
 * `bundle` is a bundled lambda-cassette (default: src/ bundled now, as the bench does), so the same
 * probe can time an older commit's bundle against the current one. Ratios are medians of per-round
 * ratios over alternating rounds.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough } from 'node:stream';
import { alternate, stats } from './blocks.mjs';
import { HOST, loadClients, loadSdkV2, loopbackServer } from './non-sdk.mjs';
import { importBundle, ROOT } from './build.mjs';
import { input, writeFixtures } from './fixtures.mjs';

const [what, bundle] = process.argv.slice(2);
const lc = what === 'import' ? undefined : await importBundle(bundle);
const med = (values) => stats(values).median;
process.removeAllListeners('warning');

if (what === 'load') {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lc-probe-'));
  await mkdir(dir, { recursive: true });
  await writeFixtures(dir, [10000]);
  const file = path.join(dir, 'n10000.json');
  const floor = [];
  const ours = [];
  const timeFloor = async () => {
    globalThis.gc({ type: 'major' });
    const t0 = performance.now();
    JSON.parse((await readFile(file)).toString('utf8'));
    floor.push(performance.now() - t0);
  };
  const timeOpen = async () => {
    globalThis.gc({ type: 'major' });
    const t0 = performance.now();
    const double = await lc.openCassette('n10000', { mode: 'replay', dir });
    ours.push(performance.now() - t0);
    await double.close();
  };
  // Each goes first in every other round: whatever one leaves behind slows the other equally often.
  for (let r = 0; r < 22; r++) {
    if (r % 2 === 0) {
      await timeFloor();
      await timeOpen();
    } else {
      await timeOpen();
      await timeFloor();
    }
  }
  await rm(dir, { recursive: true, force: true });
  console.log(
    `read + JSON.parse ${med(floor).toFixed(1)} ms, openCassette ${med(ours).toFixed(1)} ms, ${med(ours.map((x, i) => x / floor[i])).toFixed(2)}x`,
  );
} else if (what === 'client-mock') {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const { LambdaClient, InvokeAsyncCommand } = require('@aws-sdk/client-lambda');
  const { mockClient } = require('aws-sdk-client-mock');
  const sinon = require('sinon');
  const RES = { Status: 202, $metadata: { httpStatusCode: 202, requestId: 'r', attempts: 1, totalRetryDelay: 0 } };
  // As the bench's stub variants: one stub per variant, reset before each block, its sandbox renewed every 20 blocks.
  const variant = (bind) => {
    const client = new LambdaClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDPROBE', secretAccessKey: 'probe' },
    });
    let sandbox;
    let stub;
    let blocks = 0;
    return async () => {
      if (blocks++ % 20 === 0) {
        sandbox?.restore();
        sandbox = sinon.createSandbox();
        stub = mockClient(client, { sandbox });
      }
      stub.reset();
      const close = await bind(stub, InvokeAsyncCommand);
      await client.send(new InvokeAsyncCommand(input(0)));
      const c0 = process.cpuUsage();
      for (let i = 1; i <= 200; i++) await client.send(new InvokeAsyncCommand(input(i)));
      const c = process.cpuUsage(c0);
      await close();
      return (c.user + c.system) / 200;
    };
  };
  const bare = variant((stub) => (stub.on(InvokeAsyncCommand).resolves(RES), () => {}));
  // The least a stub does that lets a test assert on payloads: parse each, keep it, a fresh request id.
  const payloads = variant((stub) => {
    const kept = [];
    stub.on(InvokeAsyncCommand).callsFake((given) => {
      kept.push(JSON.parse(given.InvokeArgs));
      return Promise.resolve({ Status: 202, $metadata: { ...RES.$metadata, requestId: randomUUID() } });
    });
    return () => {};
  });
  const bound = variant(async (stub) => {
    const double = await lc.mockLambda();
    double.bindClientMock(stub);
    return () => double.close();
  });
  for (let w = 0; w < 3; w++) await Promise.all([await bare(), await payloads(), await bound()]);
  const b = [];
  const p = [];
  const o = [];
  for (let r = 0; r < 30; r++) {
    b.push(await bare());
    p.push(await payloads());
    o.push(await bound());
  }
  const ratio = (xs, ys) => med(xs.map((x, i) => x / ys[i])).toFixed(2);
  console.log(
    `bare stub ${med(b).toFixed(1)} µs, a fake keeping payloads ${med(p).toFixed(1)} µs (${ratio(p, b)}x), bindClientMock ${med(o).toFixed(1)} µs CPU a call, ${ratio(o, b)}x the bare stub, ${ratio(o, p)}x the fake`,
  );
} else if (what === 'import') {
  // Fresh processes in turn, so drift hits each alike: a bare node, then one importing each target.
  const builtins = ['node:http', 'node:https', 'node:http2', 'node:crypto', 'node:zlib', 'node:worker_threads'];
  const targets = {
    'bare node': [],
    'lambda-cassette (dist/index.js)': [pathToFileURL(path.join(ROOT, 'dist', 'index.js')).href],
    nock: ['nock'],
    [builtins.join(', ')]: builtins,
  };
  const wall = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
  for (let r = 0; r < 15; r++) {
    for (const [label, imports] of Object.entries(targets)) {
      const t0 = performance.now();
      const run = spawnSync(
        process.execPath,
        [
          '--no-warnings',
          '--input-type=module',
          '-e',
          imports.map((m) => `await import(${JSON.stringify(m)});`).join(''),
        ],
        { cwd: ROOT },
      );
      if (run.status !== 0) throw new Error(`importing ${label} failed (npm run build first?): ${run.stderr}`);
      wall[label].push(performance.now() - t0);
    }
  }
  const bare = med(wall['bare node']);
  for (const [label, times] of Object.entries(wall))
    console.log(
      `${label}: ${med(times).toFixed(1)} ms a process, ${(med(times) - bare).toFixed(1)} ms over a bare node`,
    );
} else if (what === 'sdk-v2') {
  // The bench's own aws-sdk v2 client (its copy installed once, one client per base URL).
  const send = (await loadClients())['aws-sdk v2'];
  if (!send) throw new Error('aws-sdk v2 could not be installed');
  const AWS = loadSdkV2(() => {});
  const server = await loopbackServer();
  // aws-sdk v2's own cost: its HTTP client's one method answered in process, as the bare handler is
  // the SDK v3 floor (v2 has no pluggable handler). Everything before and after it runs for real.
  const client = AWS.NodeHttpClient.prototype;
  const handleRequest = client.handleRequest;
  function answerInProcess(httpRequest, _options, callback) {
    if (!httpRequest.endpoint.hostname || !httpRequest.body) throw new Error('probe: no request');
    const req = new PassThrough();
    httpRequest.stream = req;
    req.didCallback = false;
    const res = new PassThrough();
    res.statusCode = 202;
    res.statusMessage = 'Accepted';
    res.headers = { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() };
    process.nextTick(() => {
      callback(res);
      res.emit('headers', 202, res.headers, 'Accepted');
      res.end('{"Status":202}');
    });
    return req;
  }
  const variant = (name, base, open) => ({
    name,
    calls: 20,
    async setup() {
      const close = await open();
      return { send: (i) => send(base, i), teardown: close };
    },
  });
  const variants = [
    variant('aws-sdk v2 alone', HOST, () => {
      client.handleRequest = answerInProcess;
      return () => void (client.handleRequest = handleRequest);
    }),
    variant('through the double (mock)', HOST, async () => {
      const double = await lc.mockLambda();
      return () => double.close();
    }),
    variant('against a loopback server', server.base, () => () => {}),
  ];
  const res = await alternate(variants, { rounds: 30, warmupCalls: 200 });
  await server.close();
  const wall = (name) => res[name].wall;
  const ratio = (a, b) => med(wall(a).map((x, i) => x / wall(b)[i])).toFixed(2);
  for (const { name } of variants)
    console.log(
      `${name}: ${(med(wall(name)) * 1000).toFixed(0)} µs a call, ${ratio(name, 'aws-sdk v2 alone')}x aws-sdk v2 alone, ${ratio(name, 'against a loopback server')}x the loopback server`,
    );
} else {
  console.error('usage: node --expose-gc bench/probe.mjs load|client-mock|import|sdk-v2 [bundle]');
  process.exitCode = 2;
}
