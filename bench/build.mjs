/**
 * The package as the bench imports it: src/ bundled by esbuild (what tsup runs underneath, with the
 * same target and the same externals), so the bench measures the current source without a full
 * `npm run build` (no type declarations, no CJS copy).
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(ROOT, '.tmp', 'bench');

/** Bundles src/index.ts to .tmp/bench/lambda-cassette.mjs and returns its path. */
export async function buildPackage() {
  await mkdir(OUT_DIR, { recursive: true });
  const outfile = path.join(OUT_DIR, 'lambda-cassette.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies and peers load from node_modules, as they do for users of the package.
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * The package a probe times: `bundle` (a bundled lambda-cassette, such as an older commit's, to
 * compare on the same machine state), else src/ bundled now.
 */
export async function importBundle(bundle) {
  return import(pathToFileURL(bundle ? path.resolve(bundle) : await buildPackage()).href);
}
