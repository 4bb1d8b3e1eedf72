/**
 * `npm run gen` runs on a fresh clone: every package a generator loads must be declared in
 * package.json, not merely present because something else happened to install it.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
const DECLARED = new Set(
  ['dependencies', 'devDependencies'].flatMap((field) => Object.keys((PACKAGE[field] as object | undefined) ?? {})),
);
const SPECIFIER =
  /(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+|\brequire(?:\.resolve)?\(\s*)['"]([^'".\s()][^'"\s()]*)['"]/gm;

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe('the generators behind `npm run gen`', () => {
  const generators = readdirSync(path.join(ROOT, 'scripts')).filter((name) => /^gen-.*\.mjs$/.test(name));

  it.each(generators)('%s loads only declared packages', (name) => {
    const text = readFileSync(path.join(ROOT, 'scripts', name), 'utf8');
    const used = [...text.matchAll(SPECIFIER)]
      .map((m) => m[1]!)
      .filter((spec) => !spec.startsWith('node:') && !builtinModules.includes(spec))
      .map(packageOf);
    expect(used.length, `${name} should load some package`).toBeGreaterThan(0);
    expect(used.filter((pkg) => !DECLARED.has(pkg))).toEqual([]);
  });
});
