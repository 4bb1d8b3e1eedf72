/**
 * Optional peer dependencies: packages only one feature needs, which lambda-cassette does not
 * install for everyone (they would weigh on every project that never uses that feature). The
 * feature loads its peer on first use and, when it is missing, says which package to install.
 */

/** Thrown when a feature needs an optional peer dependency that is not installed. */
export class MissingPeerDependencyError extends Error {
  readonly code = 'LC_MISSING_PEER_DEPENDENCY';
  /** The command that installs the missing package as a dev dependency. */
  readonly installCommand: string;
  constructor(readonly packageName: string, range: string, feature: string, cause: unknown) {
    const installCommand = `npm install --save-dev ${packageName}@${quoteForShell(range)}`;
    super(`${feature} needs ${packageName}, an optional peer dependency of lambda-cassette that is not installed. Install it with:\n  ${installCommand}`, { cause });
    this.name = 'MissingPeerDependencyError';
    this.installCommand = installCommand;
  }
}

// A range with spaces or `|` must be quoted to paste into a shell.
function quoteForShell(range: string): string {
  return /^[\w.^~-]+$/.test(range) ? range : `"${range}"`;
}

function isNotFound(e: unknown, name: string): boolean {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  // Only the package itself missing: a missing file inside an installed package is a different fault.
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && typeof message === 'string' && message.includes(`'${name}'`);
}

/**
 * Imports optional peer `name` (called with the `import()` expression, so bundlers and the
 * caller's module resolution see it), turning "not installed" into a
 * {@link MissingPeerDependencyError} that names `feature` and the install command for `range`.
 */
export async function importOptionalPeer<T>(name: string, range: string, feature: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (isNotFound(e, name)) throw new MissingPeerDependencyError(name, range, feature, e);
    throw e;
  }
}
