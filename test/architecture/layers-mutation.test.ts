/**
 * The layout checks can fail: each case copies src/ to a temporary folder, breaks one rule there,
 * and expects the checks layers.test.ts runs to report exactly that break, over what they already
 * report on the untouched tree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALLOWED_IMPORTS, type ImportRow } from './allowed-imports.js';
import { layerViolations, readImportGraph, runtimeCycles, tableProblems } from './import-rules.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const BASELINE = readImportGraph(SRC);
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'lc-layers-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh copy of src/ with `change` applied; returns its root. */
function damagedCopy(change: (root: string) => void): string {
  const root = mkdtempSync(path.join(scratch, 'src-'));
  cpSync(SRC, root, { recursive: true });
  change(root);
  return root;
}

/** Prepends an import of `spec` to the file at `file` (relative to root). */
const addImport = (root: string, file: string, line: string) => {
  const full = path.join(root, file);
  writeFileSync(full, `${line}\n${readFileSync(full, 'utf8')}`);
};

const added = (before: string[], after: string[]) => after.filter((line) => !before.includes(line));
const violationsIn = (root: string, table: readonly ImportRow[] = ALLOWED_IMPORTS) =>
  added(layerViolations(BASELINE, table), layerViolations(readImportGraph(root), table));

describe('the layout checks, run on a damaged copy of src/', () => {
  it('report a report/ file importing a door', () => {
    const root = damagedCopy((r) =>
      addImport(r, 'report/run-summary.ts', "import { attachHttpDoor } from '../doors/http/http-door.js';"),
    );
    expect(violationsIn(root)).toEqual(['report/run-summary.ts imports doors/http/http-door.ts']);
  });

  it('report a door importing another door', () => {
    const root = damagedCopy((r) =>
      addImport(r, 'doors/client-mock/client-mock-door.ts', "import { claims } from '../http/claim.js';"),
    );
    expect(violationsIn(root)).toEqual(['doors/client-mock/client-mock-door.ts imports doors/http/claim.ts']);
  });

  it('report a door reaching past the door port, even for a type', () => {
    const root = damagedCopy((r) =>
      addImport(r, 'doors/http/claim.ts', "import type { LambdaCall } from '../../engine/call-log.js';"),
    );
    expect(violationsIn(root)).toEqual(['doors/http/claim.ts imports engine/call-log.ts (type)']);
  });

  it('report an inner layer loading an outer one lazily', () => {
    const root = damagedCopy((r) =>
      appendFileSync(
        path.join(r, 'wire/lambda-operation.ts'),
        "\nexport const later = () => import('../api/open-cassette.js');\n",
      ),
    );
    expect(violationsIn(root)).toEqual(['wire/lambda-operation.ts imports api/open-cassette.ts (dynamic)']);
  });

  it('report a folder the table has no row for', () => {
    const root = damagedCopy((r) => {
      mkdirSync(path.join(r, 'extras'));
      writeFileSync(path.join(r, 'extras', 'helper.ts'), "import { CassetteError } from '../common/errors.js';\n");
    });
    expect(violationsIn(root)).toEqual(['extras has no row in the allowed-imports table']);
  });

  it('report a runtime import cycle inside one folder', () => {
    const edge = BASELINE.edges.find(
      (e) => e.kind === 'runtime' && e.from.startsWith('wire/') && e.to.startsWith('wire/'),
    )!;
    const back = `import '${path.posix
      .relative(path.posix.dirname(edge.to), edge.from)
      .replace(/^(?!\.)/, './')
      .replace(/\.ts$/, '.js')}';`;
    const root = damagedCopy((r) => addImport(r, edge.to, back));
    const cycles = added(runtimeCycles(BASELINE), runtimeCycles(readImportGraph(root)));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.split(' -> ')).toEqual(expect.arrayContaining([edge.from, edge.to]));
    expect(violationsIn(root)).toEqual([]);
  });

  it('report a table row that allows an import of a later row', () => {
    const table = ALLOWED_IMPORTS.map((row) =>
      row.folders.includes('report') ? { ...row, mayImport: [...row.mayImport, 'doors'] } : row,
    );
    expect(tableProblems(table)).toEqual(['report may import doors, which is not below it']);
  });
});
