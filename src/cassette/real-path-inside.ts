import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Where `target` really is once symbolic links are followed, for a path that may not exist yet:
 * the real path of its deepest existing ancestor, with the rest appended.
 */
function realPathOf(target: string): string {
  const missing: string[] = [];
  let at = path.resolve(target);
  for (;;) {
    try {
      return path.join(realpathSync.native(at), ...missing.reverse());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      const parent = path.dirname(at);
      if (parent === at) return path.join(at, ...missing.reverse());
      missing.push(path.basename(at));
      at = parent;
    }
  }
}

/**
 * Whether `file` stays inside `dir` once symbolic links are followed: a name that looks inside
 * (`linked/x`) may pass through a link to anywhere. The folder itself may be a link; what counts is
 * where the file lands relative to where the folder really is.
 */
export function staysInside(file: string, dir: string): boolean {
  const root = realPathOf(dir);
  const real = realPathOf(file);
  return real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
