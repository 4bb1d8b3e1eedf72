/**
 * lambda-cassette: record, replay and mock AWS Lambda InvokeAsync calls in Node test suites.
 * @packageDocumentation
 */
export { mockLambda, type MockLambdaOptions } from './mock-lambda.js';
export { LambdaDouble, UnmatchedRequestsError } from './double.js';
export type { InvokeAsyncCall, CallSource } from './call-log.js';
export type { InjectOptions, InjectionScope } from './injections.js';
export type { PayloadExpectation } from './assertions.js';
export {
  LAMBDA_ERRORS,
  UnknownLambdaErrorName,
  type LambdaErrorName,
  type LambdaErrorSpec,
  type ErrorSource,
} from './wire/error-catalogue.js';
export type { TransportFault, WireRequest, WireResponse, WireOutcome } from './wire/wire-types.js';
