/**
 * Unknown options fail at open: a misspelt `endpiont` or `fuctions` is otherwise ignored, and the
 * double quietly does something else than the caller asked.
 */
import { InvalidOptionError } from '../common/seal-errors.js';

/** Edit distance between two option names (small strings; the textbook dynamic program). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known name closest to `name`, when it is close enough to be a likely typo. */
function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** Throws a TypeError naming the first option of `options` that `known` does not list, and the nearest known one. */
export function checkKnownOptions(where: string, options: object | undefined, known: readonly string[]): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidOptionError(
      `lambda-cassette: ${where}() takes an options object, got ${Array.isArray(options) ? 'an array' : typeof options}`,
    );
  }
  for (const name of Object.keys(options)) {
    if (known.includes(name)) continue;
    const nearest = nearestName(name, known);
    throw new InvalidOptionError(
      `lambda-cassette: ${where}() got an unknown option "${name}"; ` +
        (nearest ? `did you mean "${nearest}"?` : `known options: ${[...known].sort().join(', ')}`),
    );
  }
}
