/** Errors of the answers a double is told to give: none for a function, one it cannot use, an error AWS does not document. */
import { LambdaCassetteError } from './errors.js';

/**
 * A RequestResponse invocation in mock mode that nothing answers: the double cannot make up a
 * function's result, and sending it on would reach a real function.
 */
export class NoFunctionAnswerError extends LambdaCassetteError {
  declare readonly code: 'LC_NO_FUNCTION_ANSWER';
  constructor(
    readonly label: string,
    readonly functionName: string,
    qualifier: string | undefined,
  ) {
    const named = qualifier === undefined ? functionName : `${functionName}:${qualifier}`;
    super(
      'LC_NO_FUNCTION_ANSWER',
      'NoFunctionAnswerError',
      `lambda-cassette (${label}): Invoke (RequestResponse) of ${named} has no answer: give the function a result or a handler ` +
        `with lambda.respond(${JSON.stringify(functionName)}, resultOrHandler), or handlers: { ${JSON.stringify(functionName)}: ... } when opening the double. ` +
        'The request was not sent anywhere.',
    );
  }
}

/** A `respond`, `injectFunctionError` or `handlers` argument the double cannot use. */
export class InvalidFunctionAnswerError extends LambdaCassetteError {
  declare readonly code: 'LC_INVALID_FUNCTION_ANSWER';
  constructor(message: string) {
    super('LC_INVALID_FUNCTION_ANSWER', 'InvalidFunctionAnswerError', `lambda-cassette: ${message}`);
  }
}

/** Thrown when asked for an error AWS does not document (`inject('Nope')`). */
export class UnknownLambdaErrorName extends LambdaCassetteError {
  declare readonly code: 'LC_UNKNOWN_ERROR_NAME';
  constructor(
    readonly errorName: string,
    known: readonly string[],
  ) {
    super(
      'LC_UNKNOWN_ERROR_NAME',
      'UnknownLambdaErrorName',
      `lambda-cassette: "${errorName}" is not an error AWS documents for InvokeAsync or Invoke. Known errors: ${known.join(', ')}`,
    );
  }
}
