/**
 * What installing lambda-cassette costs a project that already has its peers (nock, the SDK,
 * vitest): disk (as `du` counts it) and packages added. The README quotes the figure this prints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installedVersion, npmInstall, run } from './run-command.js';

/** The most installing lambda-cassette may add to a project that has its peers (the aim is 5 MB). */
const MAX_ADDED_MB = 8;
const root = resolve(__dirname, '..', '..');

function diskKiB(dir: string): number {
  return Number(run('du', ['-sk', 'node_modules'], dir).split('\t')[0]);
}

function lockedPackages(dir: string): string[] {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  return Object.keys(lock.packages).filter((key) => key.startsWith('node_modules/'));
}

export function describeFootprint(tarball: () => string): void {
  describe('install footprint', () => {
    let dir: string;
    let added: { mb: number; packages: string[] };
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'lc-footprint-'));
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name: 'footprint-project', version: '1.0.0', private: true }),
      );
      npmInstall(
        dir,
        ['nock', '@aws-sdk/client-lambda', 'vitest'].map((name) => `${name}@${installedVersion(name, root)}`),
      );
      const before = { kib: diskKiB(dir), packages: new Set(lockedPackages(dir)) };
      npmInstall(dir, [tarball()]);
      added = {
        mb: (diskKiB(dir) - before.kib) / 1024,
        packages: lockedPackages(dir).filter((p) => !before.packages.has(p)),
      };
    }, 300_000);
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it(`adds at most ${MAX_ADDED_MB} MB to a project that has nock, the SDK and vitest`, () => {
      console.log(
        `lambda-cassette footprint: +${added.mb.toFixed(1)} MB, +${added.packages.length} packages (${added.packages.map((p) => p.slice('node_modules/'.length)).join(', ')})`,
      );
      expect(added.packages).toContain('node_modules/lambda-cassette');
      expect(added.mb).toBeLessThanOrEqual(MAX_ADDED_MB);
      // Tools only one command or the build needs stay out of users' installs.
      for (const heavy of ['json-schema-to-typescript', 'prettier', 'ajv', 'undici'])
        expect(added.packages).not.toContain(`node_modules/${heavy}`);
      expect(
        readdirSync(join(dir, 'node_modules', 'lambda-cassette', 'dist')).filter((f) => f.endsWith('.map')),
      ).toEqual([]);
    });

    it('typegen names its optional peer and the command that installs it', () => {
      writeFileSync(
        join(dir, 'orders-fn.schema.json'),
        JSON.stringify({ type: 'object', properties: { id: { type: 'number' } } }),
      );
      expect(existsSync(join(dir, 'node_modules', 'json-schema-to-typescript'))).toBe(false);
      expect(() =>
        run(
          join(dir, 'node_modules', '.bin', 'lambda-cassette'),
          ['typegen', '--schemas', '.', '--out', 'payloads.d.ts'],
          dir,
        ),
      ).toThrow(
        /lambda-cassette typegen needs json-schema-to-typescript, an optional peer dependency of lambda-cassette that is not installed\. Install it with:\n {2}npm install --save-dev json-schema-to-typescript@\^16\.0\.0\n/,
      );
      expect(existsSync(join(dir, 'payloads.d.ts'))).toBe(false);
    });
  });
}
