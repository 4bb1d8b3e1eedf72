import type { MatcherContext, MatcherResult } from './lambda-matchers.js';

/** A matcher context whose runner can diff two values (Jest's and vitest's `this.utils.diff`). */
interface DiffingContext extends MatcherContext {
  readonly utils: MatcherContext['utils'] & { diff?(expected: unknown, actual: unknown): string | null | undefined };
}

type Matcher = (this: MatcherContext, received: unknown, ...args: never[]) => MatcherResult;

/**
 * The same matchers, with the diff of a failed result written into its message instead of left in
 * `actual`/`expected`. Jest prints only the message of a custom matcher (it never diffs those
 * fields), so without this a failed `toHaveInvokedAsyncWith` would not show what differed; vitest
 * does diff them, which is why its entry registers the matchers unwrapped.
 */
export function diffInMessage<M extends Record<string, Matcher>>(matchers: M): M {
  const wrapped: Record<string, Matcher> = {};
  for (const [name, matcher] of Object.entries(matchers)) {
    wrapped[name] = function (this: DiffingContext, received, ...args) {
      const { pass, message, actual, expected } = matcher.call(this, received, ...args);
      if (pass || expected === undefined || typeof this.utils.diff !== 'function') return { pass, message };
      const diff = this.utils.diff(expected, actual);
      return { pass, message: () => (diff ? `${message()}\n\n${diff}` : message()) };
    };
  }
  return wrapped as M;
}
