/**
 * Every error AWS documents for InvokeAsync and for Invoke, plus Lambda's Common Errors, as data,
 * each with the operations that document it. The wire layer builds each answer from an entry;
 * nothing else branches on error names. The entries live in the *-error-specs.ts files beside this one.
 */
import { UnknownLambdaErrorName } from '../common/invocation-errors.js';
import { COMMON_ERRORS } from './common-error-specs.js';
import { INVOKE_ASYNC_ERRORS } from './invoke-async-error-specs.js';
import { INVOKE_ONLY_ERRORS } from './invoke-only-error-specs.js';
import type { LambdaErrorSpec } from './lambda-error-spec.js';

export type { LambdaErrorSpec } from './lambda-error-spec.js';

/** The catalogue, keyed by error name. */
export const LAMBDA_ERRORS = {
  ...INVOKE_ASYNC_ERRORS,
  ...INVOKE_ONLY_ERRORS,
  ...COMMON_ERRORS,
} as const satisfies Record<string, LambdaErrorSpec>;

/** Name of an error that can be injected. */
export type LambdaErrorName = keyof typeof LAMBDA_ERRORS;

/** Looks an error up by name, throwing a clear error for an unknown one. */
export function lambdaError(name: string): LambdaErrorSpec {
  if (!Object.prototype.hasOwnProperty.call(LAMBDA_ERRORS, name)) {
    throw new UnknownLambdaErrorName(name, Object.keys(LAMBDA_ERRORS));
  }
  return LAMBDA_ERRORS[name as LambdaErrorName];
}
