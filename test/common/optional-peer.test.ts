import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importOptionalPeer } from '../../src/common/optional-peer.js';
import { LambdaCassetteError } from '../../src/common/errors.js';
import { MissingPeerDependencyError } from '../../src/common/peer-dependency-errors.js';
import { JSON_SCHEMA_TO_TYPESCRIPT_RANGE } from '../../src/cli/payload-types-source.js';

const missing = 'lambda-cassette-no-such-peer';

describe('importOptionalPeer', () => {
  it('returns the module when it is installed', async () => {
    const mod = await importOptionalPeer(
      'json-schema-to-typescript',
      '^16.0.0',
      'typegen',
      () => import('json-schema-to-typescript'),
    );
    expect(typeof mod.compile).toBe('function');
  });

  it('names the feature, the package and the install command when the package is missing', async () => {
    const error = await importOptionalPeer(
      missing,
      '^1.0.0 || ^2.0.0',
      'lambda-cassette typegen',
      () => import(missing),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPeerDependencyError);
    expect(error).toBeInstanceOf(LambdaCassetteError);
    expect(error).toMatchObject({
      code: 'LC_MISSING_PEER_DEPENDENCY',
      packageName: missing,
      installCommand: `npm install --save-dev ${missing}@"^1.0.0 || ^2.0.0"`,
      message: `lambda-cassette typegen needs ${missing}, an optional peer dependency of lambda-cassette that is not installed. Install it with:\n  npm install --save-dev ${missing}@"^1.0.0 || ^2.0.0"`,
    });
  });

  it('lets any other failure through unchanged', async () => {
    const boom = Object.assign(new Error("Cannot find module './inner.js'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(importOptionalPeer(missing, '^1.0.0', 'x', () => Promise.reject(boom))).rejects.toBe(boom);
  });

  it("asks typegen's users for the range package.json declares", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
      dependencies: Record<string, string>;
    };
    expect(pkg.peerDependencies['json-schema-to-typescript']).toBe(JSON_SCHEMA_TO_TYPESCRIPT_RANGE);
    expect(pkg.peerDependenciesMeta['json-schema-to-typescript']).toEqual({ optional: true });
    expect(Object.keys(pkg.dependencies)).not.toContain('json-schema-to-typescript');
  });
});
