import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package name looked for; a package.json with another name (the user's project) is skipped. */
export const LIBRARY_NAME = 'lambda-cassette';

/** What {@link libraryVersion} reports when lambda-cassette's package.json cannot be found. */
const UNKNOWN_VERSION = 'unknown';

let cached: string | undefined;

/**
 * lambda-cassette's version, read from its package.json (once; later calls use the cached value).
 *
 * Found by walking up from this module's directory to the nearest package.json named
 * "lambda-cassette": that is two levels up from `src/cassette/` under vitest, one level up from a
 * bundled `dist/` (ESM or CJS), and the package root inside node_modules. Not an `import` of
 * package.json, which a bundle would inline as a copy of the whole manifest. Reports "unknown"
 * rather than failing when the code was re-bundled into someone else's application: the version
 * is informational, and recording must not break over it.
 */
export function libraryVersion(): string {
  cached ??= findVersion(moduleDirectory()) ?? UNKNOWN_VERSION;
  return cached;
}

/** Walks up from `start` to the nearest lambda-cassette package.json. */
function findVersion(start: string | undefined): string | undefined {
  for (let dir = start; dir !== undefined;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (manifest.name === LIBRARY_NAME && typeof manifest.version === 'string' && manifest.version !== '') {
        return manifest.version;
      }
    } catch {
      // No (readable, valid) package.json here: keep walking up.
    }
    const parent = path.dirname(dir);
    dir = parent === dir ? undefined : parent;
  }
  return undefined;
}

function moduleDirectory(): string | undefined {
  // A CJS bundle has __dirname (and esbuild turns import.meta into an empty object there); native
  // ESM has import.meta.url and no __dirname. `typeof` never throws on an undeclared name.
  if (typeof __dirname === 'string') return __dirname;
  try {
    return path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined;
  }
}
