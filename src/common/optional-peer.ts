/**
 * Optional peer dependencies: packages only one feature needs, which lambda-cassette does not
 * install for everyone (they would weigh on every project that never uses that feature). The
 * feature loads its peer on first use and, when it is missing, says which package to install.
 */
import { MissingPeerDependencyError } from './peer-dependency-errors.js';

// A range with spaces or `|` must be quoted to paste into a shell.
function quoteForShell(range: string): string {
  return /^[\w.^~-]+$/.test(range) ? range : `"${range}"`;
}

/** Whether `e` says that package `name` itself is not installed (not a file missing inside an installed one). */
export function isMissingPackage(e: unknown, name: string): boolean {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  // Only the package itself missing: a missing file inside an installed package is a different fault.
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    message.includes(`'${name}'`)
  );
}

/**
 * Imports optional peer `name` (called with the `import()` expression, so bundlers and the
 * caller's module resolution see it), turning "not installed" into a
 * {@link MissingPeerDependencyError} that names `feature` and the install command for `range`.
 */
export async function importOptionalPeer<T>(
  name: string,
  range: string,
  feature: string,
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (isMissingPackage(e, name))
      throw new MissingPeerDependencyError(name, `npm install --save-dev ${name}@${quoteForShell(range)}`, feature, e);
    throw e;
  }
}
