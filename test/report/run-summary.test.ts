/**
 * The run summary the vitest reporter prints and `prune --from` trusts: per-cassette sums over every
 * double that opened a cassette, read from the sink's JSON lines (a torn last line skipped).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CassetteRun, UnusedEntry } from '../../src/report/cassette-run.js';
import { readCassetteRuns, summarizeRuns } from '../../src/report/run-summary.js';

const unused = (cassette: string, index: number): UnusedEntry => ({
  cassette,
  index,
  function: `fn-${index}`,
  recordedAt: '2026-12-01T00:00:00.000Z',
  fingerprint: `${cassette}#${index}`,
});

function run(cassette: string, over: Partial<CassetteRun> = {}): CassetteRun {
  return {
    cassette,
    mode: 'replay',
    replayed: 0,
    recorded: 0,
    created: false,
    missing: false,
    misses: [],
    unused: [],
    expired: 0,
    ...over,
  };
}

describe('summarizeRuns', () => {
  it('an interaction is unused only when no open of its cassette played it', () => {
    const a = '/c/a.json';
    const summary = summarizeRuns([
      run(a, { replayed: 1, unused: [unused(a, 1), unused(a, 2)] }),
      run(a, { replayed: 2, unused: [unused(a, 0), unused(a, 2)] }),
    ]);
    expect(summary.cassettes).toEqual([
      expect.objectContaining({ cassette: a, opened: 2, replayed: 3, unused: [unused(a, 2)] }),
    ]);
    expect(summary.totals).toMatchObject({ cassettes: 1, replayed: 1, unused: 1 });
  });

  it('counts cassettes by what happened to them, and sums misses and expired interactions, sorted by file', () => {
    const summary = summarizeRuns([
      run('/c/b.json', { mode: 'auto', recorded: 2, created: true }),
      run('/c/a.json', { misses: ['orders-fn {"id":1}'], expired: 2 }),
      run('/c/c.json', { missing: true }),
      run('/c/a.json', { misses: ['orders-fn {"id":2}'], expired: 1 }),
    ]);
    expect(summary.cassettes.map((c) => c.cassette)).toEqual(['/c/a.json', '/c/b.json', '/c/c.json']);
    expect(summary.cassettes[0]).toMatchObject({
      opened: 2,
      misses: ['orders-fn {"id":1}', 'orders-fn {"id":2}'],
      expired: 3,
    });
    expect(summary.totals).toEqual({
      cassettes: 3,
      replayed: 0,
      recorded: 1,
      created: 1,
      missing: 1,
      misses: 2,
      unused: 0,
      expired: 3,
    });
  });
});

describe('readCassetteRuns', () => {
  it('reads every .jsonl file of the folder and skips a torn last line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-runs-'));
    try {
      writeFileSync(
        join(dir, 'w1.jsonl'),
        `${JSON.stringify(run('/c/a.json'))}\n${JSON.stringify(run('/c/b.json')).slice(0, 20)}`,
      );
      writeFileSync(join(dir, 'w2.jsonl'), `${JSON.stringify(run('/c/c.json'))}\n`);
      writeFileSync(join(dir, 'notes.txt'), 'not a report');
      expect(readCassetteRuns(dir).map((r) => r.cassette)).toEqual(['/c/a.json', '/c/c.json']);
      expect(readCassetteRuns(join(dir, 'absent'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
