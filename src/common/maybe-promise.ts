/**
 * The engine answers at once when nothing had to wait, and with a promise otherwise: every mocked or
 * replayed call through every door goes through here, where a promise and a turn of the microtask
 * queue for each step would cost more than the step.
 */

/**
 * `value` as a promise, passed through `then` when given: at once when `value` is there, once it
 * settles otherwise. A throw of `then` rejects.
 */
export function promised<T>(value: T | Promise<T>): Promise<T>;
export function promised<T, U>(value: T | Promise<T>, then: (value: T) => U): Promise<U>;
export function promised<T, U>(value: T | Promise<T>, then?: (value: T) => U): Promise<T | U> {
  if (value instanceof Promise) return then ? value.then(then) : value;
  try {
    return Promise.resolve(then ? then(value) : value);
  } catch (error) {
    return Promise.reject(error as Error);
  }
}
