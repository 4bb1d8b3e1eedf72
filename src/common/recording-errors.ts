/**
 * Errors of recording that callers can hit: recording under CI without permission, requests that
 * could not be recorded, a body whose credentials cannot be removed, and a `closeTimeout` that is
 * not a duration.
 */
import { LambdaCassetteError } from './errors.js';
import { numbered } from './numbered-lines.js';

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

/** A mode that would write a cassette, under `CI=true`, without permission. */
export class RecordingInCIError extends LambdaCassetteError {
  declare readonly code: 'LC_RECORDING_IN_CI';
  constructor(
    readonly file: string,
    readonly mode: string,
  ) {
    super(
      'LC_RECORDING_IN_CI',
      'RecordingInCIError',
      `lambda-cassette: mode "${mode}" would write cassette ${file}, but CI=true. ` +
        'Commit the cassette and replay it in CI, or allow recording with allowRecordingInCI: true or LAMBDA_CASSETTE_ALLOW_CI_RECORD=1.',
    );
  }
}

/** Recording could not finish, so the cassette was left as it was. */
export class RecordingIncompleteError extends LambdaCassetteError {
  declare readonly code: 'LC_RECORDING_INCOMPLETE';
  constructor(
    readonly file: string,
    readonly failures: readonly string[],
    what = 'could not reach the real endpoint',
  ) {
    super(
      'LC_RECORDING_INCOMPLETE',
      'RecordingIncompleteError',
      `lambda-cassette: ${new Set(failures).size} request(s) ${what}, so ${file} was left untouched:\n` +
        numbered(failures),
    );
  }
}

/**
 * A request that recording could not turn into an interaction (say, a `redact` path that cannot be
 * evaluated on a payload nested thousands deep). It was not sent: sending what cannot be recorded
 * would lose it silently.
 */
export class UnrecordableRequestError extends LambdaCassetteError {
  declare readonly code: 'LC_UNRECORDABLE_REQUEST';
  constructor(
    readonly request: string,
    readonly file: string,
    cause: unknown,
  ) {
    super(
      'LC_UNRECORDABLE_REQUEST',
      'UnrecordableRequestError',
      `lambda-cassette: ${request} was not sent: it could not be recorded into ${file} (${(cause as Error)?.message ?? String(cause)}). ` +
        'Simplify the payload, or change the `redact` paths (a `$..` path walks every level of the payload).',
      { cause },
    );
  }
}
