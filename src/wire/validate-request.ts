import { checkFunctionRef, FUNCTION_NAME_PATTERN_SOURCE } from './function-ref.js';
import type { InvokeAsyncRequest } from './parse-request.js';
import type { LambdaErrorName } from './error-catalogue.js';

/** The service's InvokeAsync payload limit (256 KB). */
export const MAX_INVOKE_ASYNC_PAYLOAD_BYTES = 262_144;

/** A request the service refuses before running anything, and what it says. */
export interface Rejection {
  error: LambdaErrorName;
  message: string;
}

/**
 * Validates an InvokeAsync request in the order the service does: size, name, JSON.
 * Whether the function exists is the double's question, not the wire's.
 */
export function validateInvokeAsync(req: InvokeAsyncRequest): Rejection | undefined {
  if (req.body.byteLength > MAX_INVOKE_ASYNC_PAYLOAD_BYTES) {
    return {
      error: 'RequestEntityTooLargeException',
      message: `Request must be smaller than ${MAX_INVOKE_ASYNC_PAYLOAD_BYTES} bytes for the InvokeAsync operation`,
    };
  }
  const problem = checkFunctionRef(req.functionName);
  if (problem) {
    const constraint =
      problem.kind === 'length'
        ? `Member must have length less than or equal to ${problem.limit}`
        : `Member must satisfy regular expression pattern: ${FUNCTION_NAME_PATTERN_SOURCE}`;
    return {
      error: 'ValidationException',
      message: `1 validation error detected: Value '${req.functionName}' at 'functionName' failed to satisfy constraint: ${constraint}`,
    };
  }
  if (!req.json.ok) {
    return {
      error: 'InvalidRequestContentException',
      message: `Could not parse request body into json: Could not parse payload into json: ${req.json.error}`,
    };
  }
  return undefined;
}
