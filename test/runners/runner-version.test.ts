/**
 * The runner check the Jest and vitest entries run first: an older runner fails with a
 * RunnerVersionError naming the supported versions; a supported or unknown one passes. The real
 * Jest 28 case runs in test/package/runners.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkRunnerVersion, installedRunnerVersion } from '../../src/runners/runner-version.js';
import { LambdaCassetteError, RunnerVersionError } from '../../src/index.js';

const JEST = {
  runner: 'Jest',
  packages: ['jest', '@jest/globals'],
  minimum: 29,
  install: 'npm install --save-dev jest@30 @jest/globals@30',
};

describe('checkRunnerVersion', () => {
  it('refuses a runner below the minimum, naming the version needed, the one found and how to upgrade', () => {
    let error: unknown;
    try {
      checkRunnerVersion(JEST, '28.1.3');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunnerVersionError);
    expect(error).toBeInstanceOf(LambdaCassetteError);
    expect(error).toMatchObject({ code: 'LC_RUNNER_VERSION', runner: 'Jest', found: '28.1.3', minimum: 29 });
    expect((error as Error).message).toBe(
      "lambda-cassette: Jest 29 or newer is needed; this project has Jest 28.1.3. Upgrade it (npm install --save-dev jest@30 @jest/globals@30), or open doubles yourself with openCassette()/mockLambda() from 'lambda-cassette', which need no test runner.",
    );
    expect(() => checkRunnerVersion({ ...JEST, runner: 'vitest', minimum: 3 }, '2.1.9')).toThrow(
      /^lambda-cassette: vitest 3 or newer is needed; this project has vitest 2\.1\.9\./,
    );
  });

  it('lets supported, pre-release and unknown versions through', () => {
    for (const version of ['29.0.0', '30.5.2', '31.0.0-alpha.1', undefined])
      expect(() => checkRunnerVersion(JEST, version)).not.toThrow();
  });
});

describe('installedRunnerVersion', () => {
  it('reads the first of the packages that is installed where the entry resolves from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-runner-version-'));
    try {
      mkdirSync(join(dir, 'node_modules', '@jest', 'globals'), { recursive: true });
      writeFileSync(
        join(dir, 'node_modules', '@jest', 'globals', 'package.json'),
        JSON.stringify({ name: '@jest/globals', version: '28.1.3' }),
      );
      const from = pathToFileURL(join(dir, 'entry.js')).href;
      expect(installedRunnerVersion(['jest', '@jest/globals'], from)).toBe('28.1.3');
      expect(installedRunnerVersion(['jest'], from)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
