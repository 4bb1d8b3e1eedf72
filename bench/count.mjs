#!/usr/bin/env node
/**
 * Instructions, simulated cache misses and branch mispredictions per SDK call, counted by valgrind's
 * cachegrind: steadier than timings on a shared machine, for telling whether a change to a door's
 * path helps, and what a gap between two timings is made of.
 *
 *   node bench/count.mjs floor|mock|replay|open|stub|stub-keep|bind [bundle]
 *
 * floor: a LambdaClient with a bare custom requestHandler; mock: a zero-config client with
 * `mockLambda()` open; replay: the same replaying the bench's 1,000-interaction cassette; open: that
 * cassette opened and closed with no calls (what replay's figure shares out over its calls). stub,
 * stub-keep and bind: an aws-sdk-client-mock stub of the client, bare (a constant answer), with a
 * fake that parses and keeps each payload, and bound to `mockLambda()` by `bindClientMock` (as
 * bench/variants.mjs has them). Rounds of 1,000 calls, each round opening its double (or resetting
 * its stub); a run of 6 rounds minus a run of 4, over 2,000 calls, so start-up cancels out. Needs
 * valgrind; takes a few minutes (valgrind runs node ~50× slower).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPackage } from './build.mjs';
import { writeFixtures } from './fixtures.mjs';

const [what, given] = process.argv.slice(2);
const STUBS = ['stub', 'stub-keep', 'bind'];
const MODES = ['floor', 'mock', 'replay', 'open', ...STUBS];

if (what === 'round') {
  // Inside valgrind: `node bench/count.mjs round BUNDLE MODE DIR ROUNDS`.
  const [, bundle, mode, dir, rounds] = process.argv.slice(2);
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const { LambdaClient, InvokeAsyncCommand } = require('@aws-sdk/client-lambda');
  const { input } = await import('./fixtures.mjs');
  const lc = await import(pathToFileURL(bundle).href);
  const bare = {
    metadata: { handlerProtocol: 'http/1.1' },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
    handle: async () => ({
      response: { statusCode: 202, headers: { 'x-amzn-requestid': 'r' }, body: Buffer.from('{"Status":202}') },
    }),
  };
  const client = new LambdaClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' },
    ...(mode === 'floor' ? { requestHandler: bare } : {}),
  });
  if (STUBS.includes(mode)) {
    const { mockClient } = require('aws-sdk-client-mock');
    const { randomUUID } = await import('node:crypto');
    const stub = mockClient(client);
    const metadata = { httpStatusCode: 202, requestId: 'r', attempts: 1, totalRetryDelay: 0 };
    for (let r = 0; r < Number(rounds); r++) {
      // reset() makes a new sinon stub, so the calls sinon records do not pile up over the rounds.
      stub.reset();
      let double;
      if (mode === 'stub') stub.on(InvokeAsyncCommand).resolves({ Status: 202, $metadata: metadata });
      else if (mode === 'stub-keep') {
        const kept = [];
        stub.on(InvokeAsyncCommand).callsFake((given) => {
          kept.push(Object.freeze({ functionName: given.FunctionName, payload: JSON.parse(given.InvokeArgs) }));
          return Promise.resolve({ Status: 202, $metadata: { ...metadata, requestId: randomUUID() } });
        });
      } else {
        double = await lc.mockLambda();
        double.bindClientMock(stub);
      }
      for (let i = 0; i < 1000; i++) await client.send(new InvokeAsyncCommand(input(i)));
      await double?.close();
    }
  } else {
    for (let r = 0; r < Number(rounds); r++) {
      const double =
        mode === 'floor'
          ? undefined
          : mode === 'mock'
            ? await lc.mockLambda()
            : await lc.openCassette('n1000', { mode: 'replay', dir });
      if (mode !== 'open') for (let i = 0; i < 1000; i++) await client.send(new InvokeAsyncCommand(input(i)));
      await double?.close();
    }
  }
} else if (MODES.includes(what)) {
  const bundle = given ? path.resolve(given) : await buildPackage();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lc-count-'));
  await writeFixtures(dir, [1000]);
  const totals = {};
  for (const rounds of [4, 6]) {
    const out = path.join(dir, `cachegrind.${rounds}`);
    const run = spawnSync(
      'valgrind',
      [
        '--tool=cachegrind',
        '--cache-sim=yes',
        '--branch-sim=yes',
        `--cachegrind-out-file=${out}`,
        process.execPath,
        '--single-threaded',
        '--predictable',
        '--no-warnings',
        new URL(import.meta.url).pathname,
        'round',
        bundle,
        what,
        dir,
        String(rounds),
      ],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`valgrind failed (is it installed?): ${run.stderr ?? run.error}`);
    const text = await readFile(out, 'utf8');
    const events = text.match(/^events: (.*)$/m)[1].split(' ');
    const summary = text
      .match(/^summary: (.*)$/m)[1]
      .split(' ')
      .map(Number);
    totals[rounds] = Object.fromEntries(events.map((e, i) => [e, summary[i]]));
  }
  await rm(dir, { recursive: true, force: true });
  const per = Object.fromEntries(Object.keys(totals[6]).map((e) => [e, (totals[6][e] - totals[4][e]) / 2000]));
  const sum = (...names) => names.reduce((total, n) => total + (per[n] ?? 0), 0);
  const l1 = sum('I1mr', 'D1mr', 'D1mw');
  const cycles = per.Ir + 10 * l1 + 100 * sum('ILmr', 'DLmr', 'DLmw');
  const n = (value) => Math.round(value).toLocaleString('en');
  console.log(
    `${what}: ${n(per.Ir)} instructions a call, ` +
      `${n(l1)} L1 misses (${n(per.I1mr)} instruction, ${n(sum('D1mr', 'D1mw'))} data), ` +
      `${n(sum('ILmr', 'DLmr', 'DLmw'))} last-level misses, ` +
      `${n(per.Bcm)} conditional and ${n(per.Bim)} indirect branches mispredicted, ` +
      `~${n(cycles)} cycles (Ir + 10 × L1 + 100 × LL misses)`,
  );
} else {
  console.error(`usage: node bench/count.mjs ${MODES.join('|')} [bundle]`);
  process.exitCode = 2;
}
