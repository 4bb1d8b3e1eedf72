/**
 * The `toHaveInvoked*` matchers (and the deprecated `toHaveInvokedAsync*` names) for `expect.extend` in any Jest-compatible runner (Jest, the
 * `expect` package, Bun); their failure messages carry the payload diff themselves.
 * `lambda-cassette/jest` and `lambda-cassette/vitest` register them for you.
 * @packageDocumentation
 */
import { lambdaMatchers as runnerDiffedMatchers } from './lambda-matchers.js';
import { diffInMessage } from './diff-in-message.js';

export type { LambdaCassetteMatchers, MatcherContext, MatcherResult } from './lambda-matchers.js';

/**
 * The matchers, for `expect.extend(lambdaMatchers)`.
 *
 * @example
 * import { expect } from 'expect';
 * import { lambdaMatchers } from 'lambda-cassette/matchers';
 * expect.extend(lambdaMatchers);
 */
export const lambdaMatchers = diffInMessage(runnerDiffedMatchers);
