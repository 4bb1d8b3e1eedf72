import { UnknownLambdaErrorName } from '../common/errors.js';
/**
 * Every error AWS documents for InvokeAsync, plus Lambda's Common Errors, as data.
 * The wire layer builds each answer from an entry; nothing else branches on error names.
 */

/** Where AWS documents an error. */
export type ErrorSource = 'InvokeAsync' | 'CommonErrors' | 'ServiceValidation';

/** One error the service can answer with. */
export interface LambdaErrorSpec {
  /** The error code, sent in `x-amzn-ErrorType`. */
  readonly name: string;
  /** HTTP status code. */
  readonly status: number;
  /** Who is at fault, sent as the body's `Type`. */
  readonly type: 'User' | 'Service';
  /** The body field the service puts the message in: its casing differs per error. */
  readonly messageField: 'message' | 'Message';
  /**
   * Default message. `{functionArn}`, `{functionName}`, `{region}` and `{accountId}` are filled
   * from the request.
   */
  readonly defaultMessage: string;
  /** Where AWS documents it. */
  readonly source: ErrorSource;
}

function spec(
  name: string,
  status: number,
  source: ErrorSource,
  defaultMessage: string,
  messageField: 'message' | 'Message' = 'message',
): LambdaErrorSpec {
  return { name, status, type: status >= 500 ? 'Service' : 'User', messageField, defaultMessage, source };
}

/** The catalogue, keyed by error name. */
export const LAMBDA_ERRORS = {
  // Documented for InvokeAsync (API reference), with the service's field casing.
  InvalidRequestContentException: spec('InvalidRequestContentException', 400, 'InvokeAsync',
    'Could not parse request body into json: Could not parse payload into json', 'message'),
  InvalidRuntimeException: spec('InvalidRuntimeException', 502, 'InvokeAsync',
    'The runtime or runtime version for this function is not supported.', 'Message'),
  ResourceConflictException: spec('ResourceConflictException', 409, 'InvokeAsync',
    'The operation cannot be performed at this time. The function is currently in the following state: Pending', 'message'),
  ResourceNotFoundException: spec('ResourceNotFoundException', 404, 'InvokeAsync',
    'Function not found: {functionArn}', 'Message'),
  ServiceException: spec('ServiceException', 500, 'InvokeAsync',
    'The AWS Lambda service encountered an internal error.', 'Message'),

  // Lambda's Common Errors page.
  AccessDeniedException: spec('AccessDeniedException', 403, 'CommonErrors',
    'User is not authorized to perform: lambda:InvokeFunction on resource: {functionArn}', 'Message'),
  ExpiredTokenException: spec('ExpiredTokenException', 403, 'CommonErrors',
    'The security token included in the request is expired'),
  IncompleteSignature: spec('IncompleteSignature', 403, 'CommonErrors',
    'The request signature does not conform to AWS standards.'),
  InternalFailure: spec('InternalFailure', 500, 'CommonErrors',
    'The request processing has failed because of an unknown error, exception or failure.'),
  MalformedHttpRequestException: spec('MalformedHttpRequestException', 400, 'CommonErrors',
    'Problems with the request at the HTTP level, the body could not be decompressed according to the specified content-encoding.'),
  NotAuthorized: spec('NotAuthorized', 401, 'CommonErrors', 'You do not have permission to perform this action.'),
  OptInRequired: spec('OptInRequired', 403, 'CommonErrors', 'The AWS access key ID needs a subscription for the service.'),
  RequestAbortedException: spec('RequestAbortedException', 400, 'CommonErrors',
    'The request was aborted before a reply was sent back (for example the client closed the connection).'),
  RequestEntityTooLargeException: spec('RequestEntityTooLargeException', 413, 'CommonErrors',
    'Request must be smaller than 262144 bytes for the InvokeAsync operation'),
  RequestExpired: spec('RequestExpired', 400, 'CommonErrors',
    'The request reached the service more than 15 minutes after the date stamp on the request.'),
  RequestTimeoutException: spec('RequestTimeoutException', 408, 'CommonErrors',
    'The request timed out waiting for the client to send the request body.'),
  ServiceUnavailable: spec('ServiceUnavailable', 503, 'CommonErrors',
    'The request has failed due to a temporary failure of the server.'),
  ThrottlingException: spec('ThrottlingException', 400, 'CommonErrors', 'Rate exceeded'),
  UnrecognizedClientException: spec('UnrecognizedClientException', 403, 'CommonErrors',
    'The security token included in the request is invalid.'),
  UnknownOperationException: spec('UnknownOperationException', 404, 'CommonErrors',
    'The action or operation requested is invalid. Verify that the action is typed correctly.'),
  ValidationError: spec('ValidationError', 400, 'CommonErrors',
    'The input fails to satisfy the constraints specified by an AWS service.'),

  // What the service answers when `FunctionName` breaks its length or pattern constraint.
  ValidationException: spec('ValidationException', 400, 'ServiceValidation',
    '1 validation error detected: Value at \'functionName\' failed to satisfy constraint'),
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

