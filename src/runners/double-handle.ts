/**
 * The handle `useLambdaCassette` returns, the same under every runner: one object a suite keeps,
 * which always stands for the double of the test it is used in.
 */
import type { LambdaDouble } from '../api/lambda-double.js';
import { MisuseError } from '../common/seal-errors.js';

/**
 * A stand-in for whichever double `current` returns: methods come bound to it, so a destructured
 * `calls` or `expectInvoked` works too.
 * @throws {MisuseError} on any use where `current` has no double: outside a test.
 */
export function doubleHandle(current: () => LambdaDouble | undefined): LambdaDouble {
  return new Proxy({} as LambdaDouble, {
    get(_target, prop) {
      const double = current();
      if (!double) {
        throw new MisuseError(
          'useLambdaCassette(): no double is open here; use the handle inside a test (it, beforeEach or afterEach hooks registered after it)',
        );
      }
      const value: unknown = Reflect.get(double, prop, double);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(double) : value;
    },
  });
}
