/**
 * The errors of Lambda's Common Errors page, which apply to every operation, and the one the
 * service's own validation answers with.
 */
import { spec, type LambdaErrorSpec } from './lambda-error-spec.js';

export const COMMON_ERRORS = {
  // Lambda's Common Errors page.
  AccessDeniedException: spec(
    'AccessDeniedException',
    403,
    'CommonErrors',
    'User is not authorized to perform: lambda:InvokeFunction on resource: {functionArn}',
    'Message',
  ),
  ExpiredTokenException: spec(
    'ExpiredTokenException',
    403,
    'CommonErrors',
    'The security token included in the request is expired',
  ),
  IncompleteSignature: spec(
    'IncompleteSignature',
    403,
    'CommonErrors',
    'The request signature does not conform to AWS standards.',
  ),
  InternalFailure: spec(
    'InternalFailure',
    500,
    'CommonErrors',
    'The request processing has failed because of an unknown error, exception or failure.',
  ),
  MalformedHttpRequestException: spec(
    'MalformedHttpRequestException',
    400,
    'CommonErrors',
    'Problems with the request at the HTTP level, the body could not be decompressed according to the specified content-encoding.',
  ),
  NotAuthorized: spec('NotAuthorized', 401, 'CommonErrors', 'You do not have permission to perform this action.'),
  OptInRequired: spec(
    'OptInRequired',
    403,
    'CommonErrors',
    'The AWS access key ID needs a subscription for the service.',
  ),
  RequestAbortedException: spec(
    'RequestAbortedException',
    400,
    'CommonErrors',
    'The request was aborted before a reply was sent back (for example the client closed the connection).',
  ),
  RequestEntityTooLargeException: spec(
    'RequestEntityTooLargeException',
    413,
    'CommonErrors',
    'Request must be smaller than 262144 bytes for the InvokeAsync operation',
  ),
  RequestExpired: spec(
    'RequestExpired',
    400,
    'CommonErrors',
    'The request reached the service more than 15 minutes after the date stamp on the request.',
  ),
  RequestTimeoutException: spec(
    'RequestTimeoutException',
    408,
    'CommonErrors',
    'The request timed out waiting for the client to send the request body.',
  ),
  ServiceUnavailable: spec(
    'ServiceUnavailable',
    503,
    'CommonErrors',
    'The request has failed due to a temporary failure of the server.',
  ),
  ThrottlingException: spec('ThrottlingException', 400, 'CommonErrors', 'Rate exceeded'),
  UnrecognizedClientException: spec(
    'UnrecognizedClientException',
    403,
    'CommonErrors',
    'The security token included in the request is invalid.',
  ),
  UnknownOperationException: spec(
    'UnknownOperationException',
    404,
    'CommonErrors',
    'The action or operation requested is invalid. Verify that the action is typed correctly.',
  ),
  ValidationError: spec(
    'ValidationError',
    400,
    'CommonErrors',
    'The input fails to satisfy the constraints specified by an AWS service.',
  ),

  // What the service answers when `FunctionName` breaks its length or pattern constraint.
  ValidationException: spec(
    'ValidationException',
    400,
    'ServiceValidation',
    "1 validation error detected: Value at 'functionName' failed to satisfy constraint",
  ),
} as const satisfies Record<string, LambdaErrorSpec>;
