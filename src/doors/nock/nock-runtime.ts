/**
 * Whether the installed nock can run on this Node: nock 15 is built on @mswjs/interceptors 0.44,
 * which calls `Promise.withResolvers` (Node 22). On Node 20 every intercepted request then fails
 * with "Promise.withResolvers is not a function", which callers that catch errors see only as
 * "no calls were made". Checked once, when the nock door first loads nock.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

function major(version: string): number {
  return Number(/^v?(\d+)/.exec(version)?.[1] ?? Number.NaN);
}

/** What is wrong with running nock `nockVersion` on Node `nodeVersion`, or `undefined` when nothing is. */
export function nockRuntimeProblem(nockVersion: string, nodeVersion: string): string | undefined {
  if (major(nockVersion) >= 15 && major(nodeVersion) < 22) {
    return (
      `lambda-cassette: nock ${nockVersion} is installed, but nock 15 needs Node 22 or later and this is Node ${nodeVersion}. ` +
      'On Node 20, install nock 14: npm install --save-dev nock@14 (or upgrade Node to 22+).'
    );
  }
  return undefined;
}

/** The version of the nock that `import('nock')` from this package resolves to, when it can be read. */
export function installedNockVersion(): string | undefined {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve('nock');
  } catch {
    return undefined;
  }
  // nock 15 may not export its package.json: walk up from its entry point instead.
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'nock') return pkg.version;
  }
  return undefined;
}
