/**
 * The first thing a runner entry does: check that the runner is one it supports, so an old one
 * fails with a message naming the versions instead of an error from deep inside the integration.
 */
import { createRequire } from 'node:module';
import { RunnerVersionError } from '../common/runner-errors.js';

/** A runner entry's requirement: who it is and where its version can be read. */
interface RunnerRequirement {
  /** Name as users know it (`Jest`, `vitest`). */
  runner: string;
  /** Packages whose `package.json` carries the runner's version, tried in order (the first found counts). */
  packages: readonly string[];
  /** Oldest supported major version. */
  minimum: number;
  /** The command that installs a supported version. */
  install: string;
}

/** The runner's version as installed next to this package, or `undefined` when none is found. */
export function installedRunnerVersion(packages: readonly string[], from: string): string | undefined {
  const require = createRequire(from);
  for (const name of packages) {
    try {
      const { version } = require(`${name}/package.json`) as { version?: unknown };
      if (typeof version === 'string') return version;
    } catch {
      // Not installed (or its package.json not exported): try the next one.
    }
  }
  return undefined;
}

/**
 * Throws {@link RunnerVersionError} when `version` is older than the requirement. An unknown version
 * passes: the runner's own import then says what is missing.
 */
export function checkRunnerVersion(requirement: RunnerRequirement, version: string | undefined): void {
  if (version === undefined) return;
  const major = Number.parseInt(version, 10);
  if (Number.isFinite(major) && major < requirement.minimum) {
    throw new RunnerVersionError(requirement.runner, version, requirement.minimum, requirement.install);
  }
}

/** Checks the installed runner, resolved from `from` (the entry module's URL or path). */
export function requireRunner(requirement: RunnerRequirement, from: string): void {
  checkRunnerVersion(requirement, installedRunnerVersion(requirement.packages, from));
}
