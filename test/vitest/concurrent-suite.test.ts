/**
 * `useLambdaCassette()` under `test.concurrent` gives each test its own double, its
 * own call log and its own cassette file. A real vitest run in a subprocess, in mock mode and
 * recording from moto.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCassette } from '../../src/cassette/index.js';
import { startMoto, type MotoServer } from '../support/moto.js';
import { runFixture as runVitest, type FixtureRun } from './run-fixture.js';

const NAMES = ['alpha', 'beta', 'gamma'] as const;

type Run<R = { functionName: string; payload: unknown }[]> = FixtureRun<R>;

function runFixture<R = { functionName: string; payload: unknown }[]>(
  mode: 'mock' | 'record',
  endpoint?: string,
  fixture = 'concurrent-suite',
): Promise<Run<R>> {
  return runVitest<R>(fixture, { LC_FIXTURE_MODE: mode, ...(endpoint ? { LC_FIXTURE_ENDPOINT: endpoint } : {}) });
}

function expectEachTestSawOnlyItsOwnCalls(run: Run): void {
  expect(run.code, run.output).toBe(0);
  expect(Object.keys(run.results).sort()).toEqual([...NAMES]);
  for (const name of NAMES) {
    expect(run.results[name]).toEqual([
      { functionName: `${name}-fn`, payload: { test: name, i: 0 } },
      { functionName: `${name}-fn`, payload: { test: name, i: 1 } },
    ]);
  }
}

function cassetteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('test.concurrent with useLambdaCassette()', () => {
  it('mock mode: each test has its own double and call log', async () => {
    const run = await runFixture('mock');
    expectEachTestSawOnlyItsOwnCalls(run);
    expect(cassetteFiles(run.dir)).toEqual([]);
  }, 60_000);

  it("tests run one at a time each get their own double, and Node's async hooks stay off", async () => {
    const run = await runFixture<{ hooks: boolean; calls: string[] }>('mock', undefined, 'sequential-suite');
    expect(run.code, run.output).toBe(0);
    expect(run.results).toEqual({
      first: { hooks: false, calls: ['first-fn'] },
      second: { hooks: false, calls: ['second-fn'] },
      third: { hooks: false, calls: ['third-fn'] },
    });
  }, 60_000);

  describe('recording from moto', () => {
    let moto: MotoServer;
    beforeAll(async () => {
      moto = await startMoto();
      for (const name of NAMES) await moto.createFunction(`${name}-fn`);
    }, 60_000);
    afterAll(() => moto?.stop());

    it('each test writes its own cassette holding only its own interactions', async () => {
      const run = await runFixture('record', moto.url);
      expectEachTestSawOnlyItsOwnCalls(run);
      const files = cassetteFiles(run.dir);
      expect(files).toEqual(
        NAMES.map((n) => join('test', 'vitest', 'fixtures', 'concurrent-suite.fixture', 'concurrent', `${n}.json`)),
      );
      for (const [i, name] of NAMES.entries()) {
        const cassette = await loadCassette(join(run.dir, files[i]!));
        expect(
          cassette!.interactions.map((x) => [x.request.functionName, x.request.payload, x.response.status]),
        ).toEqual([
          [`${name}-fn`, { json: { test: name, i: 0 } }, 202],
          [`${name}-fn`, { json: { test: name, i: 1 } }, 202],
        ]);
      }
    }, 90_000);
  });
});
