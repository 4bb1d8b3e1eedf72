/**
 * lambda-cassette: record, replay and mock AWS Lambda InvokeAsync calls in Node test suites.
 * @packageDocumentation
 */
export { mockLambda, type MockLambdaOptions } from './api/mock-lambda.js';
export { openCassette, type OpenCassetteOptions } from './api/open-cassette.js';
export { CASSETTE_MODES, type CassetteMode } from './engine/mode-table.js';
export {
  CassetteError,
  CassetteNotFoundError,
  InvalidCassetteNameError,
  type CassetteErrorCode,
} from './common/cassette-errors.js';
export { LambdaCassetteError } from './common/errors.js';
export { InterceptionLostError, NockRuntimeError } from './common/http-door-errors.js';
export { UnknownLambdaErrorName } from './common/invocation-errors.js';
export { MissingPeerDependencyError, SigningUnavailableError } from './common/peer-dependency-errors.js';
export {
  CassetteExpiredError,
  CassetteMissError,
  UnhandledRequestError,
  UnmatchedRequestsError,
  UnusedInteractionsError,
} from './common/replay-errors.js';
export { LoopbackForwardLoopError, UpstreamError } from './common/upstream-errors.js';
export { RunnerVersionError } from './common/runner-errors.js';
export { ClientMockSdkMismatchError } from './common/client-mock-errors.js';
export {
  InvalidCloseTimeoutError,
  RecordingIncompleteError,
  RecordingInCIError,
  UnrecordableRequestError,
  UnscrubbableSecretError,
} from './common/recording-errors.js';
export {
  CassetteNameCollisionError,
  InvalidOptionError,
  LeakedDoubleError,
  MisuseError,
} from './common/seal-errors.js';
export { NockScopeConflictError } from './common/http-door-errors.js';
export type { OnUnhandledRequest, UnhandledRequest } from './engine/unhandled-policy.js';
export { REDACTED, MASKED_ACCOUNT_ID } from './recording/redaction.js';
export type { MatchOption, MatchableRequest } from './matching/request-key.js';
export type { Cassette, Interaction } from './cassette/index.js';
export { LambdaDouble } from './api/lambda-double.js';
export type { ClientMockStub } from './doors/client-mock/client-mock-door.js';
export type { LambdaCall, InvokeAsyncCall } from './engine/call-log.js';
export type { CallOptions } from './engine/call-filter.js';
export type { InjectOptions, InjectionScope } from './engine/injections.js';
export type {
  LambdaPayloads,
  PayloadFor,
  PayloadExpectationFor,
  LambdaResults,
  ResultFor,
  RespondWith,
} from './engine/payload-types.js';
export type { RespondOptions, FunctionErrorOptions } from './engine/function-answers.js';
export type { LambdaHandler, FunctionErrorPayload } from './engine/run-handler.js';
export type { LambdaContext } from './engine/lambda-context.js';
export type { Delivery } from './engine/event-deliveries.js';
export { NoFunctionAnswerError, InvalidFunctionAnswerError } from './common/invocation-errors.js';
export type { ListenOptions, LoopbackServer } from './doors/loopback/loopback-server-door.js';
export { LAMBDA_ERRORS, type LambdaErrorName, type LambdaErrorSpec } from './wire/error-catalogue.js';
export type { TransportFault } from './wire/wire-types.js';
export { verifyCassette, type VerifyOptions } from './verify/verify-cassette.js';
export type { VerifyReport } from './verify/verify-report.js';
