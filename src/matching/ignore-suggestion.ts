/**
 * When a replay misses only because a few payload values changed (a `sentAt`, a `traceId`), the miss
 * says which, and the `ignore` entry that would have matched: the fix is then one line, not a search
 * through the docs for `redact` or a `match` function.
 */
import { jsonDifferences, jsonPathOf } from '../common/json-differences.js';
import type { JsonValue } from '../cassette/index.js';
import { withoutPaths } from './ignore-paths.js';
import { hintStyle, ignoreSetting } from './hint-style.js';
import type { MatchableRequest } from './request-key.js';

/** More differing fields than this is a different request, not a volatile field. */
const MAX_SUGGESTED_PATHS = 3;

/** What a near miss would need. */
export interface IgnoreSuggestion {
  /** The places where the payloads differ, e.g. `$.sentAt`, `$.items[1].traceId`. */
  paths: string[];
  /** The `ignore` entries that would have made them match (array indices widened to `[*]`). */
  ignore: string[];
}

/**
 * The `ignore` entries that would make `incoming` match `recorded`, when they differ at no more
 * than {@link MAX_SUGGESTED_PATHS} places below the root; `undefined` otherwise.
 */
export function suggestIgnore(recorded: JsonValue, incoming: JsonValue): IgnoreSuggestion | undefined {
  const differences = jsonDifferences(recorded, incoming, { limit: MAX_SUGGESTED_PATHS + 1 });
  if (differences.length === 0 || differences.length > MAX_SUGGESTED_PATHS) return undefined;
  if (differences.some((d) => d.segments.length === 0)) return undefined;
  // The same field in several elements of one array is one entry: `$.items[*].traceId`.
  const ignore = [
    ...new Set(differences.map((d) => jsonPathOf(d.segments.map((s) => (typeof s === 'number' ? '*' : s))))),
  ];
  // Only suggest what provably works.
  if (jsonDifferences(withoutPaths(recorded, ignore), withoutPaths(incoming, ignore), { limit: 1 }).length > 0)
    return undefined;
  return { paths: differences.map((d) => d.path), ignore };
}

/** The suggestion as a sentence for a miss message. */
export function describeSuggestion(s: IgnoreSuggestion): string {
  return `the payload differs only at ${s.paths.join(', ')}; if ${s.paths.length > 1 ? 'those values change' : 'that value changes'} on every run, ${hintStyle() === 'serve' ? 'serve it with' : 'open the cassette with'} ${ignoreSetting(s.ignore)}`;
}

/**
 * The best suggestion for a request that missed: among recorded requests to the same function and
 * qualifier with JSON payloads, the one that differs at the fewest places (if any is near enough).
 */
export function nearMiss(
  incoming: MatchableRequest,
  recorded: readonly MatchableRequest[],
): IgnoreSuggestion | undefined {
  if (!('json' in incoming.payload)) return undefined;
  let best: IgnoreSuggestion | undefined;
  for (const r of recorded) {
    if (
      (r.operation ?? 'InvokeAsync') !== (incoming.operation ?? 'InvokeAsync') ||
      (r.invocationType ?? 'Event') !== (incoming.invocationType ?? 'Event') ||
      r.functionName !== incoming.functionName ||
      (r.qualifier ?? '') !== (incoming.qualifier ?? '') ||
      !('json' in r.payload)
    )
      continue;
    const s = suggestIgnore(r.payload.json, incoming.payload.json);
    if (s && (!best || s.paths.length < best.paths.length)) best = s;
    if (best?.paths.length === 1) break;
  }
  return best;
}
