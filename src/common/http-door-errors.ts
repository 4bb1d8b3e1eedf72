/**
 * Errors of the in-process http/https door.
 */
import { LambdaCassetteError } from './errors.js';

/**
 * A caller's own nock interceptor would answer a request an open double serves (InvokeAsync, or
 * Invoke with InvocationType Event): two mocks for one call. The double refuses the request
 * instead of choosing silently; the request and `close()` fail with this error.
 */
export class NockScopeConflictError extends LambdaCassetteError {
  declare readonly code: 'LC_NOCK_SCOPE_CONFLICT';
  constructor(
    readonly label: string,
    readonly request: string,
  ) {
    super(
      'LC_NOCK_SCOPE_CONFLICT',
      'NockScopeConflictError',
      `lambda-cassette: a nock interceptor of yours matches ${request}, which ${label} answers while it is open; ` +
        'the request was refused rather than given to one of them silently. ' +
        'Answer it from the double (lambda.respond(...) or lambda.inject(...)), or remove that nock interceptor while the double is open.',
    );
  }
}
