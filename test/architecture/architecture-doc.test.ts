/**
 * docs/architecture.md shows the allowed-imports table readers go by; this keeps it the table
 * layers.test.ts enforces, so neither can change without the other.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ALLOWED_IMPORTS } from './allowed-imports.js';

const DOC = fileURLToPath(new URL('../../docs/architecture.md', import.meta.url));
const HEADER = '| folder | job | may import |';

/** The backticked names of a table cell, without a folder's trailing slash. */
const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\/$/, ''));

/** The rows of the doc's allowed-imports table, in the table's own shape. */
function docTable(markdown: string) {
  const lines = markdown.split('\n');
  const start = lines.indexOf(HEADER);
  expect(start, `docs/architecture.md has no table headed ${HEADER}`).toBeGreaterThan(-1);
  const rows = lines.slice(start + 2);
  const end = rows.findIndex((line) => !line.startsWith('|'));
  return rows.slice(0, end === -1 ? undefined : end).map((line) => {
    const cells = line.split(' | ');
    const last = cells[cells.length - 1]!.replace(/\s*\|\s*$/, '');
    return { folders: names(cells[0]!), mayImport: last.trim() === 'nothing' ? [] : names(last) };
  });
}

describe('docs/architecture.md', () => {
  it('shows the allowed-imports table layers.test.ts checks, row for row', () => {
    const expected = ALLOWED_IMPORTS.map(({ folders, mayImport }) => ({ folders, mayImport }));
    expect(docTable(readFileSync(DOC, 'utf8'))).toEqual(expected);
  });

  it('reads each row of the doc, so a changed row shows', () => {
    const doc = readFileSync(DOC, 'utf8');
    const row = doc.split('\n').find((line) => line.startsWith('| `report/` |'))!;
    const changed = doc.replace(row, row.replace(/\| [^|]*\|$/, '| `common/`, `doors/` |'));
    expect(docTable(changed).find((r) => r.folders.includes('report'))?.mayImport).toEqual(['common', 'doors']);
  });
});
