import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('../../../src/cassette/index.ts', import.meta.url));

/**
 * Bundles the cassette store (dependencies included) into one file that plain `node` can run:
 * tests need real separate processes, and Node 20 cannot run the TypeScript sources directly.
 */
export async function bundleStore(outfile: string, format: 'esm' | 'cjs' = 'esm'): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format,
    logLevel: 'silent',
    // Bundled CommonJS dependencies (proper-lockfile, ajv) call require(); ESM output has none.
    banner:
      format === 'esm'
        ? {
            js: "import { createRequire as __lcRequire } from 'node:module'; const require = __lcRequire(import.meta.url);",
          }
        : {},
  });
  return outfile;
}

/** Runs `node <script> ...args` to completion; rejects with its stderr when it fails. */
export function runNode(script: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${script} exited with ${code}:\n${stderr}`)),
    );
  });
}
