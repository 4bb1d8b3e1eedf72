/**
 * `lambda-cassette verify --dry-run`, run as a process against moto: each recorded request goes out
 * as `Invoke` with `InvocationType: DryRun` (AWS answers 204 while the function exists, 404 once it
 * is deleted, as AWS documents; moto 5.x answers 204 whatever the function), nothing runs, and a
 * deleted function is drift.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startUpstream } from '../support/upstream-server.js';
import { startMoto, type MotoServer } from '../support/moto.js';
import { runCli, useCli } from '../support/cli.js';
import { cassette, fileText, interaction } from '../cli/fixtures.js';

const cli = useCli();
let moto: MotoServer;
let dir: string;
beforeAll(async () => {
  moto = await startMoto();
  await moto.createFunction('orders-fn');
  await moto.createFunction('mailer');
  dir = await mkdtemp(join(tmpdir(), 'lc-verify-dry-'));
}, 60_000);
afterAll(async () => {
  await moto?.stop();
  await rm(dir, { recursive: true, force: true });
});

it('sends Invoke DryRun for every recorded request, runs nothing, and reports a deleted function as drift', async () => {
  const file = join(dir, 'orders.json');
  await writeFile(
    file,
    fileText(
      cassette([
        interaction('orders-fn', { json: { id: 7 } }),
        interaction('mailer', { json: { to: 'ada@example.com' } }, { status: 202 }, { operation: 'Invoke' }),
      ]),
    ),
  );
  await moto.startRecording();
  const clean = await runCli(cli.path, ['verify', file, '--target', moto.url, '--dry-run']);
  const sent = await moto.recordedRequests();
  await moto.stopRecording();
  expect(sent.map((r) => [r.method, r.path.split('?')[0], r.headers['x-amz-invocation-type']])).toEqual([
    ['POST', '/2015-03-31/functions/orders-fn/invocations', 'DryRun'],
    ['POST', '/2015-03-31/functions/mailer/invocations', 'DryRun'],
  ]);
  expect(clean.stdout).toContain(
    `2 interaction(s) in 1 cassette(s) against ${moto.url} (DryRun: nothing ran): 2 same, 0 drifted`,
  );
  expect(clean.code).toBe(0);

  // moto (5.x here) answers DryRun 204 even for a function it never had, so the drift side is shown
  // against an endpoint that answers as AWS documents: 404 ResourceNotFoundException for a deleted function.
  const aws = await startUpstream((req) =>
    req.url.includes('/mailer/')
      ? {
          status: 404,
          headers: { 'x-amzn-errortype': 'ResourceNotFoundException', 'content-type': 'application/json' },
          body: '{"Type":"User","message":"Function not found: mailer"}',
        }
      : { status: 204, body: '' },
  );
  try {
    const drift = await runCli(cli.path, ['verify', file, '--target', aws.url, '--dry-run', '--json']);
    expect(drift.code).toBe(1);
    expect(aws.received.map((r) => r.headers['x-amz-invocation-type'])).toEqual(['DryRun', 'DryRun']);
    const report = JSON.parse(drift.stdout) as {
      dryRun: boolean;
      interactions: Array<{ function: string; outcome: string; changes: string[] }>;
    };
    expect(report.dryRun).toBe(true);
    expect(report.interactions.map((i) => [i.function, i.outcome, i.changes])).toEqual([
      ['orders-fn', 'same', []],
      ['mailer', 'drifted', ['callable (recorded 202) → 404 ResourceNotFoundException']],
    ]);
  } finally {
    await aws.close();
  }
}, 60_000);
