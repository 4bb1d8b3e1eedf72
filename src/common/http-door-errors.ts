/**
 * Errors of the in-process http/https door: interception taken away while a double is open, and
 * nock interceptors that would answer what a double serves.
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

/** Other code took an open double's interception away (redefined `http.request`, say): `close()` fails with it. */
export class InterceptionLostError extends LambdaCassetteError {
  declare readonly code: 'LC_INTERCEPTION_LOST';
  constructor(
    readonly label: string,
    readonly what: string,
  ) {
    super(
      'LC_INTERCEPTION_LOST',
      'InterceptionLostError',
      `lambda-cassette: ${what} while ${label} was open, so lambda-cassette's interception may not have seen every request. ` +
        'Leave those functions alone while a double is open (assigning over them, as nock, msw and Polly do, is fine), ' +
        'or open the double per test (useLambdaCassette).',
    );
  }
}

/** No longer thrown: lambda-cassette does not load nock. Kept so code that names it still compiles. */
export class NockRuntimeError extends LambdaCassetteError {
  declare readonly code: 'LC_NOCK_RUNTIME';
  constructor(message: string) {
    super('LC_NOCK_RUNTIME', 'NockRuntimeError', message);
  }
}
