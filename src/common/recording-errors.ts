/**
 * Errors of recording that callers can hit: a body whose credentials cannot be removed, and a
 * `closeTimeout` that is not a duration.
 */
import { LambdaCassetteError } from './errors.js';

/**
 * A recorded body holds a credential in a form the recorder found but could not replace while
 * keeping the body well-formed (or could still find after replacing). Nothing was written for it:
 * the request is named, the credential never is.
 */
export class UnscrubbableSecretError extends LambdaCassetteError {
  declare readonly code: 'LC_UNSCRUBBABLE_SECRET';
  constructor(
    readonly where: string,
    readonly details: readonly string[],
  ) {
    super(
      'LC_UNSCRUBBABLE_SECRET',
      'UnscrubbableSecretError',
      `lambda-cassette: ${where} holds a credential that could not be removed safely, so it was not recorded (${details.join('; ')}). ` +
        'Have the endpoint stop echoing credentials, or leave this call out of the recording.',
    );
  }
}

/** `closeTimeout` is not a number of milliseconds. */
export class InvalidCloseTimeoutError extends LambdaCassetteError {
  declare readonly code: 'LC_INVALID_CLOSE_TIMEOUT';
  constructor(value: unknown) {
    super(
      'LC_INVALID_CLOSE_TIMEOUT',
      'InvalidCloseTimeoutError',
      `lambda-cassette: option "closeTimeout" is ${typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? typeof value)}; give the milliseconds close() may wait for recordings in flight (a number >= 0, default 10000)`,
    );
  }
}
