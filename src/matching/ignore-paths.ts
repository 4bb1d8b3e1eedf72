/**
 * The `ignore` option: payload fields left out of matching (a timestamp, a trace id), while the
 * cassette keeps them as recorded. Both sides of a comparison, recorded and incoming, lose the same
 * fields before they are keyed, so a request matches whatever those fields hold now.
 */
import { checkJsonPathOption, forEachJsonPathHit, type JsonPathHit } from '../common/json-path.js';
import type { JsonValue } from '../cassette/index.js';
import type { MatchableRequest } from './request-key.js';

/** What an ignored array element becomes: removing it would shift the elements after it. */
export const IGNORED = '[IGNORED]';

/**
 * Checks the `ignore` option at open.
 * @throws {InvalidOptionError} naming the option and the entry at fault, with what a valid entry looks like.
 */
export function checkIgnoreOption(ignore: unknown): asserts ignore is readonly string[] | undefined {
  checkJsonPathOption('ignore', ignore, "ignore: ['$.sentAt', '$..traceId']");
}

/** A copy of `value` without the fields at `paths` (array elements become {@link IGNORED}). */
export function withoutPaths(value: JsonValue, paths: readonly string[]): JsonValue {
  if (paths.length === 0 || value === null || typeof value !== 'object') return value;
  const copy = structuredClone(value);
  for (const path of paths) {
    // Collected first, then changed: a field inside an ignored one is still found and ignored.
    const hits: JsonPathHit[] = [];
    forEachJsonPathHit(copy, path, (hit) => hits.push(hit));
    for (const hit of hits) {
      if (Array.isArray(hit.parent)) hit.parent[hit.parentProperty as number] = IGNORED;
      else if (hit.parent) delete hit.parent[hit.parentProperty];
    }
  }
  return copy;
}

/** The request as matching sees it under `ignore`: same function, payload without the ignored fields. */
export function ignoringPaths(request: MatchableRequest, paths: readonly string[]): MatchableRequest {
  if (paths.length === 0 || !('json' in request.payload)) return request;
  return { ...request, payload: { json: withoutPaths(request.payload.json, paths) } };
}
