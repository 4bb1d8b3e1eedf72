/**
 * The run-summary reporter (`lambda-cassette/vitest-reporter`), on a small suite run in its own vitest
 * process (test/vitest/fixtures/run-summary): one cassette replayed, one recorded (new), one missing,
 * one miss, one unused interaction. Workers report through files; the reporter sums them up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Cassette } from '../../src/index.js';
import type { RunSummary } from '../../src/vitest/reporter.js';
import { REPORT_DIR_ENV } from '../../src/report/run-report-sink.js';
import { runCli, useCli } from '../support/cli.js';

const cli = useCli();

const fixture = fileURLToPath(new URL('./fixtures/run-summary/', import.meta.url));
const vitestBin = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');
let dir: string;

const interaction = (id: number): Cassette['interactions'][number] => ({
  request: { functionName: 'orders-fn', region: 'us-east-1', payload: { json: { id } } },
  response: { status: 202, headers: { 'content-type': 'application/json' }, body: { text: '{"Status":202}' } },
  recordedAt: '2026-11-22T00:00:00.000Z',
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lc-reporter-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function runSuite(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string; cassettes: string }> {
  const cassettes = await mkdtemp(join(dir, 'cassettes-'));
  const committed: Cassette = {
    version: 1,
    recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20.20.2' },
    interactions: [interaction(1), interaction(3)],
  };
  await writeFile(join(cassettes, 'replayed.json'), JSON.stringify(committed));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, SUMMARY_CASSETTES: cassettes, NO_COLOR: '1', ...env };
  for (const name of [
    'CI',
    'LAMBDA_CASSETTE_MODE',
    'FORCE_COLOR',
    REPORT_DIR_ENV,
    'VITEST',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
    'NODE_OPTIONS',
  ])
    delete childEnv[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vitestBin, 'run', '--config', join(fixture, 'vitest.config.ts')], {
      cwd: fixture,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: stdout.replaceAll(cassettes, '<cassettes>').replaceAll(dir, '<dir>'),
        stderr,
        cassettes,
      }),
    );
  });
}

describe('at the end of a run', () => {
  let run: Awaited<ReturnType<typeof runSuite>>;
  let outputFile: string;
  beforeAll(async () => {
    outputFile = join(dir, 'summary.json');
    run = await runSuite({ SUMMARY_OUTPUT_FILE: outputFile });
  }, 120_000);

  it('the suite itself fails (the missing cassette and the miss), and the summary is printed after it', () => {
    expect(run.code).toBe(1);
    const start = run.stdout.indexOf('lambda-cassette: ');
    expect(start, run.stdout + run.stderr).toBeGreaterThan(-1);
    const summary = run.stdout.slice(start).split('\n').slice(0, 6);
    expect(summary).toEqual([
      'lambda-cassette: 3 cassettes: 1 replayed, 1 recorded (1 new), 1 missing, 1 miss, 1 unused interaction, 0 expired',
      '  missing  <cassettes>/never-recorded.json: no such cassette (replay mode)',
      '  new      <cassettes>/recorded.json',
      '  missed   <cassettes>/replayed.json: 1 request found no recorded answer',
      '  unused   <cassettes>/replayed.json: #2 orders-fn',
      '  unused interactions can be pruned after a run in which every test ran and passed',
    ]);
  });

  it('writes the same summary as JSON to outputFile, with how the run went', async () => {
    const summary = JSON.parse(await readFile(outputFile, 'utf8')) as RunSummary;
    expect(summary.run).toEqual({ reason: 'failed', tests: 4, failed: 2, skipped: 0 });
    expect(summary.totals).toEqual({
      cassettes: 3,
      replayed: 1,
      recorded: 1,
      created: 1,
      missing: 1,
      misses: 1,
      unused: 1,
      expired: 0,
    });
    // These cassettes lie outside the vitest root, so they keep absolute names; inside it they are relative (test/report/prune-reports).
    expect(summary.cassettes.every((c) => isAbsolute(c.cassette))).toBe(true);
    expect(join(outputFile, '..', (summary as { root?: string }).root!)).toBe(
      fileURLToPath(new URL('./fixtures/run-summary', import.meta.url)),
    );
    const replayed = summary.cassettes.find((c) => c.cassette.endsWith('replayed.json'))!;
    expect(replayed).toMatchObject({ opened: 2, replayed: 1, recorded: 0, created: false, missing: false, expired: 0 });
    expect(replayed.misses).toEqual([
      expect.stringMatching(
        /^lambda-cassette: no recorded answer in .*replayed\.json for InvokeAsync orders-fn \(us-east-1\) \{"id":99\}$/,
      ),
    ]);
    expect(replayed.unused).toEqual([
      {
        cassette: replayed.cassette,
        index: 1,
        function: 'orders-fn',
        recordedAt: '2026-11-22T00:00:00.000Z',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    ]);
  });

  it('prune reads that file: it refuses a failed run, and with --force drops exactly the unused interaction', async () => {
    const refused = await runCli(cli.path, ['prune', run.cassettes, '--from', outputFile]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('that run did not pass in full (failed, 2 failed, 0 skipped of 4)');
    const forced = await runCli(cli.path, ['prune', run.cassettes, '--from', outputFile, '--force']);
    expect(forced.code).toBe(0);
    const cassette = JSON.parse(await readFile(join(run.cassettes, 'replayed.json'), 'utf8')) as Cassette;
    expect(cassette.interactions).toEqual([interaction(1)]);
    expect(forced.stdout).toContain('recorded.json: unchanged');
  });
});

it('json: true prints the summary as JSON instead of text', async () => {
  const run = await runSuite({ SUMMARY_JSON: '1' });
  const start = run.stdout.indexOf('{\n  "run"');
  expect(start, run.stdout).toBeGreaterThan(-1);
  const end = run.stdout.indexOf('\n}\n', start);
  const summary = JSON.parse(run.stdout.slice(start, end + 2)) as RunSummary;
  expect(summary.totals).toMatchObject({ cassettes: 3, replayed: 1, recorded: 1, missing: 1, misses: 1, unused: 1 });
  expect(run.stdout).not.toContain('lambda-cassette: 3 cassettes');
}, 120_000);
