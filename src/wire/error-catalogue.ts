import { UnknownLambdaErrorName } from '../common/invocation-errors.js';
import type { ServedOperation } from './invoke-event.js';
/**
 * Every error AWS documents for InvokeAsync and for Invoke, plus Lambda's Common Errors, as data,
 * each with the operations that document it. The wire layer builds each answer from an entry;
 * nothing else branches on error names.
 */

/**
 * Where AWS documents an error: the InvokeAsync reference (every one of those is documented for
 * Invoke too), the Invoke reference alone, the Common Errors page, or the service's own validation.
 */
export type ErrorSource = 'InvokeAsync' | 'Invoke' | 'CommonErrors' | 'ServiceValidation';

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
  /** The operations whose reference documents it (Common Errors apply to both). */
  readonly operations: readonly ServedOperation[];
}

const BOTH: readonly ServedOperation[] = Object.freeze(['InvokeAsync', 'Invoke']);
const INVOKE_ONLY: readonly ServedOperation[] = Object.freeze(['Invoke']);

function spec(
  name: string,
  status: number,
  source: ErrorSource,
  defaultMessage: string,
  messageField: 'message' | 'Message' = 'message',
): LambdaErrorSpec {
  const operations = source === 'Invoke' ? INVOKE_ONLY : BOTH;
  return { name, status, type: status >= 500 ? 'Service' : 'User', messageField, defaultMessage, source, operations };
}

/** An error whose SDK model carries `Message` (capitalised), as most of Lambda's newer errors do. */
function capital(name: string, status: number, source: ErrorSource, defaultMessage: string): LambdaErrorSpec {
  return spec(name, status, source, defaultMessage, 'Message');
}

/** The catalogue, keyed by error name. */
export const LAMBDA_ERRORS = {
  // Documented for InvokeAsync (API reference), with the service's field casing.
  InvalidRequestContentException: spec(
    'InvalidRequestContentException',
    400,
    'InvokeAsync',
    'Could not parse request body into json: Could not parse payload into json',
    'message',
  ),
  InvalidRuntimeException: spec(
    'InvalidRuntimeException',
    502,
    'InvokeAsync',
    'The runtime or runtime version for this function is not supported.',
    'Message',
  ),
  ResourceConflictException: spec(
    'ResourceConflictException',
    409,
    'InvokeAsync',
    'The operation cannot be performed at this time. The function is currently in the following state: Pending',
    'message',
  ),
  ResourceNotFoundException: spec(
    'ResourceNotFoundException',
    404,
    'InvokeAsync',
    'Function not found: {functionArn}',
    'Message',
  ),
  ServiceException: spec(
    'ServiceException',
    500,
    'InvokeAsync',
    'The AWS Lambda service encountered an internal error.',
    'Message',
  ),

  // Documented for InvokeAsync and Invoke alike (the current references): a function's VPC, EFS,
  // KMS, S3 Files, SnapStart and quota troubles. Field casing as in the SDK's model.
  EC2AccessDeniedException: capital(
    'EC2AccessDeniedException',
    502,
    'InvokeAsync',
    'Lambda was not able to set up VPC access for the Lambda function because one or more configured subnets has no available IP addresses.',
  ),
  EC2ThrottledException: capital(
    'EC2ThrottledException',
    502,
    'InvokeAsync',
    'Lambda was throttled by Amazon EC2 during Lambda function initialization using the execution role provided for the function.',
  ),
  EC2UnexpectedException: capital(
    'EC2UnexpectedException',
    502,
    'InvokeAsync',
    'Lambda received an unexpected Amazon EC2 client exception while setting up for the Lambda function.',
  ),
  EFSIOException: capital(
    'EFSIOException',
    410,
    'InvokeAsync',
    'An error occurred when reading from or writing to a connected file system.',
  ),
  EFSMountConnectivityException: capital(
    'EFSMountConnectivityException',
    408,
    'InvokeAsync',
    "The Lambda function couldn't make a network connection to the configured file system.",
  ),
  EFSMountFailureException: capital(
    'EFSMountFailureException',
    403,
    'InvokeAsync',
    "The Lambda function couldn't mount the configured file system due to a permission or configuration issue.",
  ),
  EFSMountTimeoutException: capital(
    'EFSMountTimeoutException',
    408,
    'InvokeAsync',
    'The Lambda function made a network connection to the configured file system, but the mount operation timed out.',
  ),
  ENILimitReachedException: capital(
    'ENILimitReachedException',
    502,
    'InvokeAsync',
    "Lambda couldn't create an elastic network interface in the VPC, specified as part of Lambda function configuration, because the limit for network interfaces has been reached.",
  ),
  InvalidSecurityGroupIDException: capital(
    'InvalidSecurityGroupIDException',
    502,
    'InvokeAsync',
    'The security group ID provided in the Lambda function VPC configuration is not valid.',
  ),
  InvalidSubnetIDException: capital(
    'InvalidSubnetIDException',
    502,
    'InvokeAsync',
    'The subnet ID provided in the Lambda function VPC configuration is not valid.',
  ),
  KMSAccessDeniedException: capital(
    'KMSAccessDeniedException',
    502,
    'InvokeAsync',
    "Lambda couldn't decrypt the environment variables because KMS access was denied. Check the Lambda function's KMS permissions.",
  ),
  KMSDisabledException: capital(
    'KMSDisabledException',
    502,
    'InvokeAsync',
    "Lambda couldn't decrypt the environment variables because the KMS key used is disabled.",
  ),
  KMSInvalidStateException: capital(
    'KMSInvalidStateException',
    502,
    'InvokeAsync',
    "Lambda couldn't decrypt the environment variables because the state of the KMS key used is not valid for Decrypt.",
  ),
  KMSNotFoundException: capital(
    'KMSNotFoundException',
    502,
    'InvokeAsync',
    "Lambda couldn't decrypt the environment variables because the KMS key was not found.",
  ),
  SubnetIPAddressLimitReachedException: capital(
    'SubnetIPAddressLimitReachedException',
    502,
    'InvokeAsync',
    "Lambda couldn't set up VPC access for the Lambda function because one or more configured subnets has no available IP addresses.",
  ),
  ModeNotSupportedException: spec(
    'ModeNotSupportedException',
    400,
    'InvokeAsync',
    'The requested invocation mode is not supported for this function.',
  ),
  S3FilesMountConnectivityException: capital(
    'S3FilesMountConnectivityException',
    408,
    'InvokeAsync',
    "The Lambda function couldn't make a network connection to the configured S3 Files file system.",
  ),
  S3FilesMountFailureException: capital(
    'S3FilesMountFailureException',
    403,
    'InvokeAsync',
    "The Lambda function couldn't mount the configured S3 Files file system due to a permission or configuration issue.",
  ),
  S3FilesMountTimeoutException: capital(
    'S3FilesMountTimeoutException',
    408,
    'InvokeAsync',
    'The Lambda function made a network connection to the configured S3 Files file system, but the mount operation timed out.',
  ),
  ServiceQuotaExceededException: capital(
    'ServiceQuotaExceededException',
    402,
    'InvokeAsync',
    'The request exceeds a service quota.',
  ),
  SnapStartException: capital(
    'SnapStartException',
    400,
    'InvokeAsync',
    'The afterRestore() runtime hook encountered an error.',
  ),
  SnapStartNotReadyException: capital(
    'SnapStartNotReadyException',
    409,
    'InvokeAsync',
    'Lambda is initializing your function. You can invoke the function when the function state becomes Active.',
  ),
  SnapStartRegenerationFailureException: capital(
    'SnapStartRegenerationFailureException',
    409,
    'InvokeAsync',
    "Lambda couldn't regenerate the SnapStart snapshot of the function version.",
  ),
  SnapStartTimeoutException: capital(
    'SnapStartTimeoutException',
    408,
    'InvokeAsync',
    "Lambda couldn't restore the snapshot within the timeout limit.",
  ),

  // Documented for Invoke only: never injected into an InvokeAsync call.
  CodeArtifactUserDeletedException: spec(
    'CodeArtifactUserDeletedException',
    409,
    'Invoke',
    "The function's code artifact user was deleted. Update the function code to recover.",
  ),
  CodeArtifactUserFailedException: spec(
    'CodeArtifactUserFailedException',
    409,
    'Invoke',
    "The function's code artifact user could not be set up.",
  ),
  CodeArtifactUserPendingException: spec(
    'CodeArtifactUserPendingException',
    409,
    'Invoke',
    "The function's code artifact user is still being set up. Try again later.",
  ),
  DurableExecutionAlreadyStartedException: capital(
    'DurableExecutionAlreadyStartedException',
    409,
    'Invoke',
    'A durable execution with this name has already started.',
  ),
  ENINotReadyException: capital(
    'ENINotReadyException',
    502,
    'Invoke',
    "Lambda couldn't create an elastic network interface in the VPC, because the network interface is not ready yet.",
  ),
  InvalidParameterValueException: spec(
    'InvalidParameterValueException',
    400,
    'Invoke',
    'One of the parameters in the request is not valid.',
  ),
  InvalidZipFileException: capital(
    'InvalidZipFileException',
    502,
    'Invoke',
    'Lambda could not unzip the deployment package.',
  ),
  NoPublishedVersionException: capital(
    'NoPublishedVersionException',
    400,
    'Invoke',
    'The function has no published versions available.',
  ),
  RecursiveInvocationException: capital(
    'RecursiveInvocationException',
    400,
    'Invoke',
    "Lambda has detected your function being invoked in a recursive loop with other Amazon Web Services resources and stopped your function's invocation.",
  ),
  RequestTooLargeException: spec(
    'RequestTooLargeException',
    413,
    'Invoke',
    'Request must be smaller than 1048576 bytes for the InvokeFunction operation',
  ),
  ResourceNotReadyException: spec(
    'ResourceNotReadyException',
    502,
    'Invoke',
    'The function is inactive and its VPC connection is no longer available. Wait for the VPC connection to reestablish and try again.',
  ),
  SerializedRequestEntityTooLargeException: spec(
    'SerializedRequestEntityTooLargeException',
    413,
    'Invoke',
    'The processed request payload exceeded the Invoke request body size limit for asynchronous invocations.',
  ),
  TooManyRequestsException: spec('TooManyRequestsException', 429, 'Invoke', 'Rate Exceeded.'),
  UnsupportedMediaTypeException: spec(
    'UnsupportedMediaTypeException',
    415,
    'Invoke',
    'The content type of the Invoke request body is not JSON.',
  ),

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

/** Name of an error that can be injected. */
export type LambdaErrorName = keyof typeof LAMBDA_ERRORS;

/** Looks an error up by name, throwing a clear error for an unknown one. */
export function lambdaError(name: string): LambdaErrorSpec {
  if (!Object.prototype.hasOwnProperty.call(LAMBDA_ERRORS, name)) {
    throw new UnknownLambdaErrorName(name, Object.keys(LAMBDA_ERRORS));
  }
  return LAMBDA_ERRORS[name as LambdaErrorName];
}
