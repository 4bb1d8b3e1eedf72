/**
 * The base every public lambda-cassette error extends. Each has a stable `code` that never changes
 * meaning, so callers (and CI scripts) can branch on it instead of on message text; each message
 * says what to do. The errors themselves live by area beside this file (cassette-errors.ts,
 * replay-errors.ts, recording-errors.ts, ...). This module imports nothing: any layer may throw them.
 */

/**
 * The base of every lambda-cassette error: `instanceof LambdaCassetteError` catches them all, and
 * `code` says which one it is.
 */
export class LambdaCassetteError extends Error {
  constructor(
    /** Stable error code (`LC_...`). */
    readonly code: string,
    name: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = name;
  }
}
