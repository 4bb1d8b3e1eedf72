/**
 * Payload comparison and display that survive any nesting depth. Node's `isDeepStrictEqual`,
 * vitest's `equals` and every pretty-printer recurse, and throw RangeError on a payload nested a few
 * thousand deep: an assertion must then still pass or fail, never crash.
 */
import { isDeepStrictEqual } from 'node:util';
import { canonicalJson } from '../common/canonical-json.js';
import { deeperThan, INDENT_DEPTH_LIMIT, isStackOverflow } from '../common/deep-json.js';

/** How payloads are compared; the vitest matchers plug in `this.equals` for asymmetric matchers. */
export type PayloadEquals = (actual: unknown, expected: unknown) => boolean;

/**
 * `equals`, or, where it runs out of stack, equality of canonical JSON text: exact for JSON values
 * (what payloads are), coarser for others (`-0` equals `0`, a Date equals its ISO string).
 */
export function depthSafe(equals: PayloadEquals): PayloadEquals {
  return (actual, expected) => {
    try {
      return equals(actual, expected);
    } catch (e) {
      if (!isStackOverflow(e)) throw e;
      return canonicalJson(actual) === canonicalJson(expected);
    }
  };
}

/** The default comparison: a predicate is called, anything else compared with `isDeepStrictEqual`. */
export const defaultEquals: PayloadEquals = depthSafe((actual, expected) =>
  typeof expected === 'function'
    ? Boolean((expected as (p: unknown) => unknown)(actual))
    : isDeepStrictEqual(actual, expected),
);

/**
 * What to hand a test runner as an assertion's actual/expected value: the value itself, or its JSON
 * text when it is too deep for the runner's recursive diff printer.
 */
export function forDisplay(value: unknown): unknown {
  return value !== null && typeof value === 'object' && deeperThan(value, INDENT_DEPTH_LIMIT)
    ? canonicalJson(value, 2)
    : value;
}
