/** The errors AWS documents for Invoke alone: never injected into an InvokeAsync call. */
import { capital, spec, type LambdaErrorSpec } from './lambda-error-spec.js';

export const INVOKE_ONLY_ERRORS = {
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
} as const satisfies Record<string, LambdaErrorSpec>;
