/**
 * Doors never import one another: what two doors share lives in src/doors/shared/, and the one table
 * that knows every in-process door is src/doors/attach-doors.ts. So a door can be read, changed or
 * removed on its own. Type-only imports count too: they tie a door to another door's shapes.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DOORS = fileURLToPath(new URL('../../src/doors', import.meta.url));
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g;

// Where src/api imports the in-process doors from, pointing at the table at the root of src/doors/.
const FACTORY_ENTRY = path.join('in-process', 'attach-in-process.ts');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** The door folder `file` is in (`shared` included), or `undefined` outside every folder of src/doors/. */
function folderOf(file: string): string | undefined {
  const rel = path.relative(DOORS, file);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : undefined;
}

const doorFiles = filesUnder(DOORS).filter((f) => folderOf(f) !== undefined);

describe('the doors', () => {
  it('are found (so the check below has something to check)', () => {
    expect(new Set(doorFiles.map(folderOf)).size).toBeGreaterThan(5);
  });

  it('import only their own folder, src/doors/shared/ and the layers below the doors', () => {
    const wrong = doorFiles.flatMap((file) => {
      const own = folderOf(file)!;
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(IMPORT)]
        .map((m) => path.resolve(path.dirname(file), m[1]!))
        .filter((target) => {
          const inside = path.relative(DOORS, target);
          if (inside.startsWith('..')) return false;
          const folder = folderOf(target);
          if (folder === own || folder === 'shared') return false;
          return !(path.relative(DOORS, file) === FACTORY_ENTRY && inside === 'attach-doors.js');
        })
        .map((target) => `${path.relative(DOORS, file)} imports ${path.relative(DOORS, target)}`);
    });
    expect(wrong).toEqual([]);
  });

  it('share one registry: src/doors/shared/ imports no door', () => {
    const wrong = doorFiles
      .filter((file) => folderOf(file) === 'shared')
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(IMPORT)]
          .map((m) => path.resolve(path.dirname(file), m[1]!))
          .filter((target) => !path.relative(DOORS, target).startsWith('..') && folderOf(target) !== 'shared')
          .map((target) => `${path.relative(DOORS, file)} imports ${path.relative(DOORS, target)}`),
      );
    expect(wrong).toEqual([]);
  });
});
