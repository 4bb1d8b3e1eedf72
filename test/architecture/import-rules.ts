/**
 * Reads the import graph of a source tree and checks it against an allowed-imports table. Takes the
 * folder as an argument so the mutation test can run the very same checks on a damaged copy.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImportRow } from './allowed-imports.js';

/** `runtime` imports load the module; `type` ones vanish at run time; `dynamic` ones load it later. */
export type ImportKind = 'runtime' | 'type' | 'dynamic';

/** One relative import between two files of the tree, as paths relative to it with `/` separators. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: ImportKind;
}

export interface ImportGraph {
  readonly files: readonly string[];
  readonly edges: readonly ImportEdge[];
}

const STATIC_IMPORT = /^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Every relative import between the .ts files under `root` (imports of anything else are left out). */
export function readImportGraph(root: string): ImportGraph {
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const absolute = sourceFiles(root);
  const files = absolute.map(rel);
  const known = new Set(files);
  const edges = absolute.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const target = (spec: string) => rel(path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'));
    const found: ImportEdge[] = [
      ...[...text.matchAll(STATIC_IMPORT)].map((m) => ({
        from: rel(file),
        to: target(m[2]!),
        kind: m[1] ? ('type' as const) : ('runtime' as const),
      })),
      ...[...text.matchAll(DYNAMIC_IMPORT)].map((m) => ({
        from: rel(file),
        to: target(m[1]!),
        kind: 'dynamic' as const,
      })),
    ];
    return found.filter((edge) => known.has(edge.to));
  });
  return { files, edges };
}

/** The part of the tree a file belongs to: a file at the root, a door's folder, or a top folder. */
export function unitOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 1) return parts[0]!;
  if (parts[0] === 'doors' && parts.length > 2) return `doors/${parts[1]}`;
  return parts[0]!;
}

/** The index of the row that governs `unit`, or -1. A row of its own wins over `doors/*`. */
export function rowOf(unit: string, table: readonly ImportRow[]): number {
  const own = table.findIndex((row) => row.folders.includes(unit));
  if (own !== -1 || !unit.startsWith('doors/')) return own;
  return table.findIndex((row) => row.folders.includes('doors/*'));
}

const covers = (entry: string, file: string) => file === entry || file.startsWith(`${entry}/`);

/** Every import the table does not allow, and every file in a part of the tree it has no row for. */
export function layerViolations(graph: ImportGraph, table: readonly ImportRow[]): string[] {
  const unlisted = [...new Set(graph.files.map(unitOf))]
    .filter((unit) => rowOf(unit, table) === -1)
    .map((unit) => `${unit} has no row in the allowed-imports table`);
  const wrong = graph.edges
    .filter(({ from, to }) => {
      const row = table[rowOf(unitOf(from), table)];
      if (row === undefined || unitOf(from) === unitOf(to)) return false;
      return !row.mayImport.some((entry) => covers(entry, to));
    })
    .map(({ from, to, kind }) => `${from} imports ${to}${kind === 'runtime' ? '' : ` (${kind})`}`);
  return [...unlisted, ...wrong];
}

/** Entries naming a row at or after their own (which would allow a cycle), or nothing at all. */
export function tableProblems(table: readonly ImportRow[]): string[] {
  return table.flatMap((row, index) =>
    row.mayImport.flatMap((entry) => {
      const units =
        entry === 'doors' ? ['doors/shared', 'doors/*'] : [unitOf(entry.endsWith('.ts') ? entry : `${entry}/-`)];
      const late = units.filter((unit) => rowOf(unit, table) === -1 || rowOf(unit, table) >= index);
      return late.length === 0 ? [] : [`${row.folders.join(', ')} may import ${entry}, which is not below it`];
    }),
  );
}

/** Each runtime import cycle, as `a.ts -> b.ts -> a.ts` (type-only and dynamic imports cannot form one at load). */
export function runtimeCycles(graph: ImportGraph): string[] {
  const deps = new Map<string, string[]>();
  for (const { from, to, kind } of graph.edges) {
    if (kind === 'runtime') deps.set(from, [...(deps.get(from) ?? []), to]);
  }
  const cycles: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
      return;
    }
    state.set(file, 'visiting');
    for (const dep of deps.get(file) ?? []) visit(dep, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of graph.files) visit(file, []);
  return cycles;
}
