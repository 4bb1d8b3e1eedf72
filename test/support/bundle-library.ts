import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles the library's sources into one ESM file that plain `node` can import, for tests that need
 * real separate processes (Node 20 cannot run the TypeScript sources). Packages stay external and
 * resolve from the repository's node_modules, which is why the bundle lives under it. `entry` is
 * another entry point's source (e.g. `src/node-test/index.ts`) for tests of that entry.
 */
export async function bundleLibrary(name: string, entry = 'src/index.ts'): Promise<string> {
  const dir = join(root, 'node_modules', '.cache', 'lambda-cassette-tests');
  await mkdir(dir, { recursive: true });
  const outfile = join(dir, `${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'silent',
  });
  return outfile;
}
