/**
 * Unused interactions, on cassettes recorded from moto: `lambda.unusedInteractions` after close,
 * `allowUnusedInteractions: false`, record mode keeping what it did not see, and `prune` removing
 * exactly what a run reported unused.
 */
import { describe, expect, it, vi } from 'vitest';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openCassette, UnusedInteractionsError } from '../../src/index.js';
import { REPORT_DIR_ENV } from '../../src/report/run-report-sink.js';
import { readCassetteRuns, summarizeRuns } from '../../src/report/run-summary.js';
import { useMotoWorkspace, invokeVia, readCassette, recordFromMoto } from '../support/moto-cassette.js';
import { runCli, useCli } from '../support/cli.js';

const cli = useCli();

let master: string;
const calls = [
  ['orders-fn', { id: 1 }],
  ['billing-fn', { order: 1 }],
  ['mailer', { to: 'ada@example.com' }],
] as const;

const w = useMotoWorkspace('unused', ['orders-fn', 'billing-fn', 'mailer'], async ({ moto, dir }) => {
  master = await recordFromMoto(moto, dir, 'master', calls);
});

async function copyOf(name: string): Promise<string> {
  await copyFile(master, join(w.dir, `${name}.json`));
  return join(w.dir, `${name}.json`);
}

describe('after close()', () => {
  it('lists the recorded interactions this run never played (lenient by default)', async () => {
    await copyOf('lenient');
    const lambda = await openCassette('lenient', { dir: w.dir, endpoint: w.moto.url, mode: 'replay' });
    await invokeVia(w.moto, 'billing-fn', { order: 1 });
    await lambda.close();
    expect(lambda.unusedInteractions.map((u) => [u.index, u.function])).toEqual([
      [0, 'orders-fn'],
      [2, 'mailer'],
    ]);
    expect(lambda.unusedInteractions[1]!.interaction.request.payload).toEqual({ json: { to: 'ada@example.com' } });
    expect(lambda.unusedInteractions[1]!.cassette).toBe(join(w.dir, 'lenient.json'));
  });

  it('allowUnusedInteractions: false rejects, naming the functions never played', async () => {
    await copyOf('strict');
    const lambda = await openCassette('strict', {
      dir: w.dir,
      endpoint: w.moto.url,
      mode: 'replay',
      allowUnusedInteractions: false,
    });
    await invokeVia(w.moto, 'orders-fn', { id: 1 });
    const err = await lambda.close().then(
      () => undefined,
      (e: unknown) => e as UnusedInteractionsError,
    );
    expect(err).toBeInstanceOf(UnusedInteractionsError);
    expect(err!.code).toBe('LC_UNUSED_INTERACTIONS');
    expect(err!.interactions).toEqual([
      expect.stringMatching(/^#2 billing-fn \(recorded 20\d\d-/),
      expect.stringMatching(/^#3 mailer \(recorded /),
    ]);
    expect(err!.message).toContain('were never played (allowUnusedInteractions: false)');
  });

  it('allowUnusedInteractions: false closes quietly when every interaction was played', async () => {
    await copyOf('all-played');
    const lambda = await openCassette('all-played', {
      dir: w.dir,
      endpoint: w.moto.url,
      mode: 'replay',
      allowUnusedInteractions: false,
    });
    for (const [fn, payload] of calls) await invokeVia(w.moto, fn, payload);
    await lambda.close();
    expect(lambda.unusedInteractions).toEqual([]);
  });

  it('record mode keeps answers for requests it did not see, and lists them as unused', async () => {
    const file = await copyOf('rerecord');
    const lambda = await openCassette('rerecord', {
      dir: w.dir,
      endpoint: w.moto.url,
      mode: 'record',
      allowRecordingInCI: true,
    });
    await invokeVia(w.moto, 'mailer', { to: 'ada@example.com' });
    await lambda.close();
    expect(lambda.recorded).toBe(true);
    expect(lambda.unusedInteractions.map((u) => u.function)).toEqual(['orders-fn', 'billing-fn']);
    expect(readCassette(file).interactions.map((i) => i.request.functionName)).toEqual([
      'orders-fn',
      'billing-fn',
      'mailer',
    ]);
  });
});

describe('lambda-cassette prune --from <report>', () => {
  /** Runs `body` with the run report sink pointed at a fresh folder; returns the summary as the reporter writes it. */
  async function reportOf(
    body: () => Promise<void>,
    run = { reason: 'passed', tests: 2, failed: 0, skipped: 0 },
  ): Promise<string> {
    const reportDir = await mkdtemp(join(w.dir, 'report-'));
    vi.stubEnv(REPORT_DIR_ENV, reportDir);
    await body();
    vi.stubEnv(REPORT_DIR_ENV, '');
    const file = join(reportDir, 'summary.json');
    await writeFile(file, JSON.stringify({ run, ...summarizeRuns(readCassetteRuns(reportDir)) }));
    return file;
  }

  it('removes exactly the interactions no open of the cassette played, and leaves cassettes the run did not open', async () => {
    const pruned = await copyOf('to-prune');
    const untouched = await copyOf('not-opened');
    const report = await reportOf(async () => {
      // Two tests share the cassette: one plays orders-fn, the other mailer; billing-fn is played by neither.
      for (const [fn, payload] of [calls[0], calls[2]]) {
        const lambda = await openCassette('to-prune', { dir: w.dir, endpoint: w.moto.url, mode: 'replay' });
        await invokeVia(w.moto, fn, payload);
        await lambda.close();
      }
    });
    const before = readCassette(pruned);

    const check = await runCli(cli.path, ['prune', pruned, untouched, '--from', report, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('would remove 1 unused interaction(s): #2 billing-fn');
    expect(readCassette(pruned)).toEqual(before);

    const run = await runCli(cli.path, ['prune', w.dir, '--from', report]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${pruned}: removed 1 unused interaction(s): #2 billing-fn`);
    // The run passed in full: a cassette file no test opened is one no test needs.
    expect(run.stdout).toContain(`${untouched}: no test of the run opened it: delete the file if no test needs it`);
    expect(readCassette(pruned).interactions).toEqual([before.interactions[0], before.interactions[2]]);
    expect(readCassette(untouched)).toEqual(readCassette(master));

    const again = await runCli(cli.path, ['prune', pruned, '--from', report]);
    expect(again.stdout).toContain('unchanged (the run played every interaction)');
  });

  it('refuses the report of a run that did not pass in full (exit 2) unless --force', async () => {
    const pruned = await copyOf('partial');
    const report = await reportOf(
      async () => {
        const lambda = await openCassette('partial', { dir: w.dir, endpoint: w.moto.url, mode: 'replay' });
        await invokeVia(w.moto, 'orders-fn', { id: 1 });
        await lambda.close();
      },
      { reason: 'passed', tests: 3, failed: 0, skipped: 1 },
    );
    const refused = await runCli(cli.path, ['prune', pruned, '--from', report]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('that run did not pass in full (passed, 0 failed, 1 skipped of 3)');
    expect(readCassette(pruned).interactions).toHaveLength(3);
    const forced = await runCli(cli.path, ['prune', pruned, '--from', report, '--force']);
    expect(forced.code).toBe(0);
    expect(readCassette(pruned).interactions.map((i) => i.request.functionName)).toEqual(['orders-fn']);
  });

  it('usage errors exit 2: no --from, a file that is not a report', async () => {
    expect((await runCli(cli.path, ['prune', master])).code).toBe(2);
    const bogus = join(w.dir, 'bogus.txt');
    await writeFile(bogus, '{"hello":1}');
    const run = await runCli(cli.path, ['prune', master, '--from', bogus]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a lambda-cassette run summary');
  });
});
