/**
 * The layout is part of the design (docs/architecture.md): these checks keep it from eroding. They
 * read src/ as text; type-only imports do not count, since they vanish at run time.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

const FILES = sourceFiles(SRC);
const RUNTIME_IMPORT = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

const inSrc = (file: string) => FILES.includes(file);

/** Runtime imports of each file, as absolute .ts paths. */
const GRAPH = new Map(
  FILES.map((file) => {
    const text = readFileSync(file, 'utf8');
    const deps = [...text.matchAll(RUNTIME_IMPORT)].map((m) =>
      path.resolve(path.dirname(file), m[1]!).replace(/\.js$/, '.ts'),
    );
    return [file, deps.filter(inSrc)] as const;
  }),
);

const rel = (file: string) => path.relative(SRC, file);
const layerOf = (file: string) => rel(file).split(path.sep)[0]!;

describe('the source layout', () => {
  it('keeps only entry points at the root of src/', () => {
    const root = readdirSync(SRC).filter((name) => statSync(path.join(SRC, name)).isFile());
    expect(root.length).toBeLessThanOrEqual(4);
    expect(root).toEqual(expect.arrayContaining(['index.ts', 'cli.ts']));
  });

  it('reads the import graph (so the checks below have something to check)', () => {
    const edges = [...GRAPH.values()].reduce((n, deps) => n + deps.length, 0);
    expect(edges).toBeGreaterThan(FILES.length);
    expect(GRAPH.get(path.join(SRC, 'api', 'open-cassette.ts'))!.map(rel)).toContain(
      path.join('engine', 'mode-table.ts'),
    );
  });

  it('has no runtime import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const dep of GRAPH.get(file) ?? []) visit(dep, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of FILES) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps the engine, wire, cassette, matching and recording layers free of doors, factories and runners', () => {
    const inner = new Set(['engine', 'wire', 'cassette', 'matching', 'recording', 'common']);
    const outer = new Set([
      'doors',
      'api',
      'cli',
      'vitest',
      'jest',
      'node-test',
      'matchers',
      'runners',
      'index.ts',
      'cli.ts',
    ]);
    const wrong = FILES.filter((f) => inner.has(layerOf(f))).flatMap((f) =>
      (GRAPH.get(f) ?? []).filter((d) => outer.has(layerOf(d))).map((d) => `${rel(f)} imports ${rel(d)}`),
    );
    expect(wrong).toEqual([]);
  });

  it('lets doors reach the engine only through the door contract', () => {
    const wrong = FILES.filter((f) => layerOf(f) === 'doors').flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [...text.matchAll(/from\s+['"](\.{1,2}\/[^'"]*engine\/[^'"]+)['"]/g)]
        .map((m) => m[1]!)
        .filter((spec) => !/engine\/(door-port|call-log)\.js$/.test(spec))
        .map((spec) => `${rel(f)} imports ${spec}`);
    });
    expect(wrong).toEqual([]);
  });

  it('has no hand-written source file over 300 lines', () => {
    const long = FILES.filter((f) => !f.endsWith('.generated.ts'))
      .map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const)
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
