/**
 * The errors AWS documents for InvokeAsync, every one of which it documents for Invoke too, with
 * the status, message field casing and default message the service answers with.
 */
import { capital, spec, type LambdaErrorSpec } from './lambda-error-spec.js';

export const INVOKE_ASYNC_ERRORS = {
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
} as const satisfies Record<string, LambdaErrorSpec>;
