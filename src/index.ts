/**
 * lambda-cassette: record, replay and mock AWS Lambda InvokeAsync calls in Node test suites.
 * @packageDocumentation
 */
export { mockLambda, type MockLambdaOptions } from './api/mock-lambda.js';
export { openCassette, type OpenCassetteOptions } from './api/open-cassette.js';
export { CASSETTE_MODES, type CassetteMode } from './engine/mode-table.js';
export {
  CassetteNotFoundError,
  RecordingInCIError,
  InvalidCassetteNameError,
  UnhandledRequestError,
  InterceptionLostError,
  NockRuntimeError,
} from './common/errors.js';
export type { OnUnhandledRequest, UnhandledRequest } from './engine/unhandled-policy.js';
export { CassetteMissError, RecordingIncompleteError } from './engine/cassette-responder.js';
export { UpstreamError } from './recording/forward-upstream.js';
export { REDACTED, MASKED_ACCOUNT_ID } from './recording/redaction.js';
export type { MatchOption, MatchField, MatchableRequest } from './matching/request-key.js';
export { CassetteError, CASSETTE_FORMAT_VERSION, type CassetteErrorCode } from './cassette/index.js';
export type { Cassette, Interaction, RecordedRequest, RecordedResponse, Body } from './cassette/index.js';
export { LambdaDouble, UnmatchedRequestsError } from './engine/lambda-double.js';
export type { ClientMockStub, ClientMockBehavior } from './doors/client-mock/client-mock-door.js';
export type { InvokeAsyncCall, CallSource } from './engine/call-log.js';
export type { InjectOptions, InjectionScope } from './engine/injections.js';
export type { PayloadExpectation } from './engine/assertions.js';
export type { LambdaPayloads, PayloadFor, PayloadExpectationFor, FunctionNameOf } from './engine/payload-types.js';
export type { ListenOptions, LoopbackServer } from './doors/loopback/loopback-server-door.js';
export { LoopbackForwardLoopError } from './doors/loopback/loopback-server-door.js';
export {
  LAMBDA_ERRORS,
  UnknownLambdaErrorName,
  type LambdaErrorName,
  type LambdaErrorSpec,
  type ErrorSource,
} from './wire/error-catalogue.js';
export type { TransportFault, WireRequest, WireResponse, WireOutcome } from './wire/wire-types.js';
