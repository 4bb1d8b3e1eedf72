/**
 * `lambda-cassette verify` and `verifyCassette()` against moto: a cassette recorded from moto verifies
 * clean; once a function is deleted, the check names it and the change. The tests fail, never skip,
 * when moto cannot start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { DeleteFunctionCommand, InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { openCassette, verifyCassette, type VerifyReport } from '../../src/index.js';
import { startMoto, type MotoServer } from '../support/moto.js';
import { runCli, useCli } from '../support/cli.js';

const cli = useCli();
let moto: MotoServer;
let dir: string;
let cassette: string;

async function validateReport(report: unknown): Promise<void> {
  const schema = JSON.parse(
    await readFile(new URL('../../schema/verify-report.schema.json', import.meta.url), 'utf8'),
  ) as object;
  const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
  expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
}

beforeAll(async () => {
  moto = await startMoto();
  await moto.createFunction('orders-fn');
  await moto.createFunction('billing-fn');
  dir = await mkdtemp(join(tmpdir(), 'lc-verify-'));
  const lambda = await openCassette('checkout', { dir, endpoint: moto.url, mode: 'record', allowRecordingInCI: true });
  const client = moto.lambdaClient();
  await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }));
  await client.send(new InvokeAsyncCommand({ FunctionName: 'billing-fn', InvokeArgs: '{"order":7,"cents":1250}' }));
  await client.send(new InvokeAsyncCommand({ FunctionName: 'missing-fn', InvokeArgs: '{}' })).catch(() => undefined);
  await lambda.close();
  cassette = join(dir, 'checkout.json');
}, 60_000);
afterAll(async () => {
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a cassette recorded from moto, checked against the same moto', () => {
  it('verifyCassette() finds every interaction the same, the recorded error included', async () => {
    const report = await verifyCassette(cassette, { target: moto.url });
    expect(report.interactions.map((i) => [i.function, i.outcome, i.live?.status, i.live?.errorType])).toEqual([
      ['orders-fn', 'same', 202, undefined],
      ['billing-fn', 'same', 202, undefined],
      ['missing-fn', 'same', 404, 'ResourceNotFoundException'],
    ]);
    expect(report.summary).toEqual({ interactions: 3, same: 3, drifted: 0, failed: 0 });
    await validateReport(report);
  });

  it('the CLI prints one line per interaction and a summary, and exits 0', async () => {
    const run = await runCli(cli.path, ['verify', dir, '--target', moto.url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^same +.*checkout\.json #1 orders-fn \(202\)$/);
    expect(lines[2]).toMatch(/^same +.*checkout\.json #3 missing-fn \(404 ResourceNotFoundException\)$/);
    expect(lines[3]).toBe(`3 interaction(s) in 1 cassette(s) against ${moto.url}: 3 same, 0 drifted`);
  });
});

describe('after DeleteFunction in moto', () => {
  beforeAll(async () => {
    await moto.lambdaClient().send(new DeleteFunctionCommand({ FunctionName: 'billing-fn' }));
  });

  it('the CLI exits 1 and names the function and the change', async () => {
    const run = await runCli(cli.path, ['verify', cassette, '--target', moto.url]);
    expect(run.code).toBe(1);
    const drifted = run.stdout.split('\n').filter((l) => l.startsWith('drifted'));
    expect(drifted).toEqual([
      `drifted ${cassette} #2 billing-fn: status 202 → 404; error type none → ResourceNotFoundException; body differs too`,
    ]);
    expect(run.stdout).toContain('3 interaction(s) in 1 cassette(s)');
    expect(run.stdout).toContain('2 same, 1 drifted');
  });

  it('--json prints the report, valid against schema/verify-report.schema.json', async () => {
    const run = await runCli(cli.path, ['verify', cassette, '--target', moto.url, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as VerifyReport;
    await validateReport(report);
    expect(report.summary).toEqual({ interactions: 3, same: 2, drifted: 1, failed: 0 });
    expect(report.interactions[1]).toEqual({
      cassette,
      index: 1,
      function: 'billing-fn',
      outcome: 'drifted',
      recorded: { status: 202 },
      live: { status: 404, errorType: 'ResourceNotFoundException' },
      changes: ['status 202 → 404', 'error type none → ResourceNotFoundException', 'body differs too'],
    });
  });
});

describe('usage errors exit 2', () => {
  it.each([
    ['no --target', ['verify', 'x.json'], /--target/],
    ['a target that is not a URL', ['verify', 'x.json', '--target', 'localhost:5000'], /not an absolute http\(s\) URL/],
    [
      'a path that does not exist',
      ['verify', 'nowhere.json', '--target', 'http://127.0.0.1:9'],
      /nowhere\.json: no such file/,
    ],
    ['no path at all', ['verify', '--target', 'http://127.0.0.1:9'], /missing required argument/],
  ])('%s', async (_label, args, message) => {
    const run = await runCli(cli.path, args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

it('an endpoint that does not answer makes the interaction "failed", and the exit code 1', async () => {
  const report = await verifyCassette(cassette, { target: 'http://127.0.0.1:9' });
  expect(report.summary.failed).toBe(3);
  expect(report.interactions[0]!.error).toMatch(/could not reach/);
  await validateReport(report);
});
