import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newCassette, validateCassette } from '../../src/cassette/index.js';
import { bundleStore, runNode } from './support/bundle-store.js';
import { useTempDir } from './support/temp-dir.js';

const dir = useTempDir();

/** A script printing what a bundle's newCassette() says about its version. */
const probe = (bundle: string, format: 'esm' | 'cjs'): string =>
  format === 'esm'
    ? `import { newCassette } from ${JSON.stringify(bundle)};\nconsole.log(newCassette().recordedWith.libraryVersion);\n`
    : `const { newCassette } = require(${JSON.stringify(bundle)});\nconsole.log(newCassette().recordedWith.libraryVersion);\n`;

describe('newCassette', () => {
  it('is a valid, empty, current-format cassette stamped with this package and Node', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const cassette = newCassette();
    expect(cassette).toEqual({
      version: 1,
      recordedWith: { library: 'lambda-cassette', libraryVersion: pkg.version, node: process.version },
      interactions: [],
    });
    expect(() => validateCassette(cassette, 'new.json', 'write')).not.toThrow();
  });

  describe('finds its package.json from a bundled dist/ as well', () => {
    // <tmp>/app/package.json (the user's project, another name)
    // <tmp>/app/node_modules/lambda-cassette/package.json (version 9.8.7) + dist/index.{js,cjs}
    let pkgDir: string;
    beforeAll(async () => {
      const app = path.join(dir.path, 'app');
      pkgDir = path.join(app, 'node_modules', 'lambda-cassette');
      await mkdir(path.join(pkgDir, 'dist'), { recursive: true });
      await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'users-app', version: '1.0.0' }));
      await writeFile(path.join(pkgDir, 'package.json'), JSON.stringify({ name: 'lambda-cassette', version: '9.8.7' }));
      await Promise.all([
        bundleStore(path.join(pkgDir, 'dist', 'index.js'), 'esm'),
        bundleStore(path.join(pkgDir, 'dist', 'index.cjs'), 'cjs'),
      ]);
      await mkdir(path.join(dir.path, 'orphan'));
      await copyFile(path.join(pkgDir, 'dist', 'index.js'), path.join(dir.path, 'orphan', 'index.mjs'));
      // An ESM .js needs "type": "module" in the nearest package.json.
      await writeFile(
        path.join(pkgDir, 'package.json'),
        JSON.stringify({ name: 'lambda-cassette', version: '9.8.7', type: 'module' }),
      );
    });

    it.each(['esm', 'cjs'] as const)('%s bundle', async (format) => {
      const bundle = path.join(pkgDir, 'dist', format === 'esm' ? 'index.js' : 'index.cjs');
      const script = path.join(dir.path, `probe-${format}.${format === 'esm' ? 'mjs' : 'cjs'}`);
      await writeFile(script, probe(bundle, format));
      expect((await runNode(script, [])).trim()).toBe('9.8.7');
    });

    it('says "unknown" rather than failing when no lambda-cassette package.json is above it', async () => {
      const script = path.join(dir.path, 'probe-orphan.mjs');
      await writeFile(script, probe(path.join(dir.path, 'orphan', 'index.mjs'), 'esm'));
      expect((await runNode(script, [])).trim()).toBe('unknown');
    });
  });
});
