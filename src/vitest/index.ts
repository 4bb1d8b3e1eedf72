/**
 * vitest integration: `useLambdaCassette()` opens a double around every test, and importing this
 * module registers the `toHaveInvokedAsync*` matchers.
 * @packageDocumentation
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { mockLambda, type MockLambdaOptions } from '../mock-lambda.js';
import type { LambdaDouble } from '../double.js';
import { lambdaMatchers, type LambdaCassetteMatchers } from './matchers.js';

export { lambdaMatchers, type LambdaCassetteMatchers } from './matchers.js';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends LambdaCassetteMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends LambdaCassetteMatchers {}
}

expect.extend(lambdaMatchers);

/** Options of {@link useLambdaCassette}. */
export type UseLambdaCassetteOptions = MockLambdaOptions;

/**
 * Opens a double before each test of the enclosing suite and closes it after (failing the test if
 * the double reports unmatched requests). Returns a handle that always points at the current
 * test's double.
 *
 * @example
 * const lambda = useLambdaCassette();
 * it('sends the order', async () => {
 *   await placeOrder();
 *   expect(lambda).toHaveInvokedAsyncWith('orders-fn', expect.objectContaining({ id: 7 }));
 * });
 */
export function useLambdaCassette(options: UseLambdaCassetteOptions = {}): LambdaDouble {
  let current: LambdaDouble | undefined;
  beforeEach(async () => {
    current = await mockLambda(options);
  });
  afterEach(async () => {
    const closing = current;
    current = undefined;
    await closing?.close();
  });
  return new Proxy({} as LambdaDouble, {
    get(_target, prop) {
      if (!current) {
        throw new Error('useLambdaCassette(): no double is open here; use the handle inside a test (it, beforeEach or afterEach hooks registered after it)');
      }
      const value: unknown = Reflect.get(current, prop, current);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });
}
