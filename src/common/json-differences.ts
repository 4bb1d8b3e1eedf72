/**
 * Where two JSON values differ, as JSONPaths: what a replay miss uses to suggest an `ignore` entry,
 * and what `verify` prints when a live answer drifted from its recording. Structural: key order never
 * matters, only keys and values.
 */

/** One place where two JSON values differ. */
interface JsonDifference {
  /** Normalized JSONPath of the place, e.g. `$.meta.traceId`, `$.items[0]`, `$['odd key']`. */
  path: string;
  /** Path segments after `$`: property names and array indices. */
  segments: readonly (string | number)[];
  /** `changed`: in both, different; `added`: only in the second value; `removed`: only in the first. */
  kind: 'changed' | 'added' | 'removed';
  before?: unknown;
  after?: unknown;
}

/** How {@link jsonDifferences} looks. */
interface JsonDifferenceOptions {
  /** Stop after this many differences (default: all). */
  limit?: number;
  /** Values at which places count as equal whatever they hold (a request id, a date). */
  same?: (segments: readonly (string | number)[], before: unknown, after: unknown) => boolean;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The normalized JSONPath of `segments`: dot notation for identifiers, brackets otherwise. */
export function jsonPathOf(segments: readonly (string | number | '*')[]): string {
  let path = '$';
  for (const s of segments) {
    if (typeof s === 'number') path += `[${s}]`;
    else if (s === '*') path += '[*]';
    else if (IDENTIFIER.test(s)) path += `.${s}`;
    else path += `['${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return path;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every place where `before` and `after` differ, outermost first, keys in sorted order. */
export function jsonDifferences(
  before: unknown,
  after: unknown,
  options: JsonDifferenceOptions = {},
): JsonDifference[] {
  const out: JsonDifference[] = [];
  const limit = options.limit ?? Infinity;
  const push = (segments: (string | number)[], kind: JsonDifference['kind'], a: unknown, b: unknown) => {
    const d: JsonDifference = { path: jsonPathOf(segments), segments, kind };
    if (kind !== 'added') d.before = a;
    if (kind !== 'removed') d.after = b;
    out.push(d);
  };
  const walk = (a: unknown, b: unknown, segments: (string | number)[]): void => {
    if (out.length >= limit || a === b) return;
    if (options.same?.(segments, a, b)) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (i >= a.length) push([...segments, i], 'added', undefined, b[i]);
        else if (i >= b.length) push([...segments, i], 'removed', a[i], undefined);
        else walk(a[i], b[i], [...segments, i]);
      }
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const key of keys) {
        if (out.length >= limit) return;
        const inA = Object.hasOwn(a, key);
        const inB = Object.hasOwn(b, key);
        if (!inB) push([...segments, key], 'removed', a[key], undefined);
        else if (!inA) push([...segments, key], 'added', undefined, b[key]);
        else walk(a[key], b[key], [...segments, key]);
      }
      return;
    }
    push(segments, 'changed', a, b);
  };
  walk(before, after, []);
  return out.slice(0, limit);
}

function shown(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** One difference in a line: `$.status: "ok" → "failed"`, `$.extra: added 1`. */
export function describeDifference(d: JsonDifference): string {
  if (d.kind === 'added') return `${d.path}: added ${shown(d.after)}`;
  if (d.kind === 'removed') return `${d.path}: removed (was ${shown(d.before)})`;
  return `${d.path}: ${shown(d.before)} → ${shown(d.after)}`;
}
