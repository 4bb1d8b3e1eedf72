/**
 * The layout is part of the design (docs/architecture.md): these checks keep it from eroding. The
 * rules are one table, allowed-imports.ts; the doc shows the same table (architecture-doc.test.ts),
 * and layers-mutation.test.ts shows these checks catch a broken rule.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALLOWED_IMPORTS, ENTRY_POINT_FOLDERS } from './allowed-imports.js';
import { layerViolations, readImportGraph, runtimeCycles, tableProblems } from './import-rules.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GRAPH = readImportGraph(SRC);

describe('the source layout', () => {
  it('keeps only the entry points with a row of their own at the root of src/', () => {
    const root = readdirSync(SRC).filter((name) => statSync(path.join(SRC, name)).isFile());
    const rows = ALLOWED_IMPORTS.flatMap((row) => row.folders).filter((name) => name.endsWith('.ts'));
    expect(root.sort()).toEqual(rows.sort());
  });

  it('builds every package entry point from the root of src/ or a runner folder', () => {
    const config = readFileSync(path.join(ROOT, 'tsup.config.ts'), 'utf8');
    const entries = [...config.matchAll(/'src\/([^']+\.ts)'/g)].map((m) => m[1]!);
    expect(entries.length).toBeGreaterThan(3);
    const elsewhere = entries.filter(
      (entry) => !ENTRY_POINT_FOLDERS.includes(path.posix.dirname(entry).replace(/^\.$/, '')),
    );
    expect(elsewhere).toEqual([]);
  });

  it('reads the import graph (so the checks below have something to check)', () => {
    const runtime = GRAPH.edges.filter((edge) => edge.kind === 'runtime');
    expect(runtime.length).toBeGreaterThan(GRAPH.files.length);
    expect(GRAPH.edges).toContainEqual({ from: 'api/open-cassette.ts', to: 'engine/mode-table.ts', kind: 'runtime' });
    expect(GRAPH.edges.some((edge) => edge.kind === 'type')).toBe(true);
  });

  it('has no runtime import cycle', () => {
    expect(runtimeCycles(GRAPH)).toEqual([]);
  });

  it('states its rules innermost first, so the allowed imports cannot form a cycle', () => {
    expect(tableProblems(ALLOWED_IMPORTS)).toEqual([]);
  });

  it('imports across folders only as the allowed-imports table says', () => {
    expect(layerViolations(GRAPH, ALLOWED_IMPORTS)).toEqual([]);
  });

  it('has no hand-written source file over 300 lines', () => {
    const long = GRAPH.files
      .filter((f) => !f.endsWith('.generated.ts'))
      .map((f) => [f, readFileSync(path.join(SRC, f), 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 300);
    expect(long).toEqual([]);
  });

  it('gives every src/ folder a test/ folder of the same name', () => {
    const TEST = fileURLToPath(new URL('..', import.meta.url));
    const folders = (dir: string): string[] =>
      readdirSync(dir)
        .filter((name) => statSync(path.join(dir, name)).isDirectory())
        .flatMap((name) => [name, ...folders(path.join(dir, name)).map((sub) => path.join(name, sub))]);
    const missing = folders(SRC).filter((folder) => !existsSync(path.join(TEST, folder)));
    expect(missing).toEqual([]);
  });
});
