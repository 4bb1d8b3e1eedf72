/**
 * `lambda-cassette prune` run as a process over reports as reporters write them: names relative to
 * the project root, several shard reports merged, cassette files no test opened, and a report from
 * another checkout (absolute paths) refused instead of passing --check with nothing checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cassette } from '../../src/index.js';
import { fingerprintOf } from '../../src/report/cassette-run.js';
import { portableSummary } from '../../src/report/portable-summary.js';
import { summarizeRuns } from '../../src/report/run-summary.js';
import type { CassetteRun } from '../../src/report/cassette-run.js';
import { runCli, useCli } from '../support/cli.js';
import { cassette, fileText, interaction } from '../cli/fixtures.js';

const cli = useCli();
let root: string;
const orders: Cassette = cassette([
  interaction('orders-fn', { json: { id: 1 } }),
  interaction('mailer', { json: { to: 'a' } }),
  interaction('billing-fn', { json: { n: 1 } }),
]);
const passed = { reason: 'passed', tests: 2, failed: 0, skipped: 0 };

/** What one shard's double reported for `cassettes/orders.json`, having played the interactions at `played`. */
function shardRun(played: number[]): CassetteRun {
  const file = join(root, 'cassettes', 'orders.json');
  const unused = orders.interactions.flatMap((i, index) =>
    played.includes(index)
      ? []
      : [
          {
            cassette: file,
            index,
            function: i.request.functionName,
            recordedAt: i.recordedAt,
            fingerprint: fingerprintOf(i),
          },
        ],
  );
  return {
    cassette: file,
    mode: 'replay',
    replayed: played.length,
    recorded: 0,
    created: false,
    missing: false,
    misses: [],
    unused,
    expired: 0,
  };
}

/** Writes a report as the reporter does (outputFile `name` under the root). */
function writeReport(name: string, runs: CassetteRun[], run: object = passed): string {
  const file = join(root, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, fileText(portableSummary({ run: run as never, ...summarizeRuns(runs) }, root, file)));
  return name;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lc-prune-'));
  mkdirSync(join(root, 'cassettes'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('prune over reports', () => {
  it('reports name cassettes relative to the root, resolved against the report file wherever it sits', () => {
    const name = writeReport('reports/shard-1.json', [shardRun([0])]);
    const report = JSON.parse(readFileSync(join(root, name), 'utf8')) as {
      root: string;
      cassettes: Array<{ cassette: string; unused: Array<{ cassette: string }> }>;
    };
    expect(report.root).toBe('..');
    expect(report.cassettes[0]!.cassette).toBe('cassettes/orders.json');
    expect(report.cassettes[0]!.unused[0]!.cassette).toBe('cassettes/orders.json');
  });

  it('merges shard reports: only what no shard played is removed', async () => {
    writeFileSync(join(root, 'cassettes', 'orders.json'), fileText(orders));
    const one = writeReport('reports/shard-1.json', [shardRun([0])]);
    const two = writeReport('reports/shard-2.json', [shardRun([1])]);
    const check = await runCli(cli.path, ['prune', 'cassettes', '--from', one, '--from', two, '--check'], {
      cwd: root,
    });
    expect([check.code, check.stdout]).toEqual([
      1,
      'cassettes/orders.json: would remove 1 unused interaction(s): #3 billing-fn\n',
    ]);
    const single = await runCli(cli.path, ['prune', 'cassettes', '--from', one, '--check'], { cwd: root });
    expect(single.stdout).toContain('would remove 2 unused interaction(s): #2 mailer, #3 billing-fn');
  });

  it('--check fails on a cassette file no test of a complete run opened; an incomplete run (--force) only leaves it alone', async () => {
    writeFileSync(join(root, 'cassettes', 'orders.json'), fileText(orders));
    writeFileSync(join(root, 'cassettes', 'forgotten.json'), fileText(orders));
    const report = writeReport('report.json', [shardRun([0, 1, 2])]);
    const check = await runCli(cli.path, ['prune', 'cassettes', '--from', report, '--check'], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      'cassettes/forgotten.json: no test of the run opened it: delete the file if no test needs it',
    );
    expect(check.stdout).toContain('cassettes/orders.json: unchanged');
    const partial = writeReport('partial.json', [shardRun([0, 1, 2])], {
      reason: 'failed',
      tests: 2,
      failed: 1,
      skipped: 0,
    });
    const forced = await runCli(cli.path, ['prune', 'cassettes', '--from', partial, '--check', '--force'], {
      cwd: root,
    });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('cassettes/forgotten.json: left alone (the run did not open it)');
    rmSync(join(root, 'cassettes', 'forgotten.json'));
  });

  it('refuses a report whose cassettes are none of the files given (written in another checkout), instead of passing', async () => {
    writeFileSync(join(root, 'cassettes', 'orders.json'), fileText(orders));
    const ci = { ...shardRun([0]), cassette: '/home/runner/work/app/app/cassettes/orders.json' };
    writeFileSync(join(root, 'ci-report.json'), fileText({ run: passed, ...summarizeRuns([ci]) }));
    const check = await runCli(cli.path, ['prune', 'cassettes', '--from', 'ci-report.json', '--check'], { cwd: root });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(
      'the report names 1 cassette(s), none of them among cassettes: the first is /home/runner/work/app/app/cassettes/orders.json',
    );
  });
});
