import { checkFunctionRef, FUNCTION_NAME_PATTERN_SOURCE } from './function-ref.js';
import { bodyOver, type InvocationRequest } from './parse-request.js';
import type { LambdaErrorName } from './error-catalogue.js';
import { MAX_INVOKE_EVENT_PAYLOAD_BYTES, qualifierProblem } from './invoke-event.js';
import { invocationTypeProblem, MAX_SYNC_PAYLOAD_BYTES, type InvocationType } from './invocation-type.js';

/** The service's InvokeAsync payload limit (256 KB). */
const MAX_INVOKE_ASYNC_PAYLOAD_BYTES = 262_144;

/** A request the service refuses before running anything, and what it says. */
interface Rejection {
  error: LambdaErrorName;
  message: string;
}

interface SizeRule {
  limit: number;
  error: LambdaErrorName;
  operation: string;
}

const INVOKE_ASYNC_SIZE: SizeRule = {
  limit: MAX_INVOKE_ASYNC_PAYLOAD_BYTES,
  error: 'RequestEntityTooLargeException',
  operation: 'InvokeAsync',
};

/** Each invocation type's payload limit and the error the service answers beyond it. */
const INVOKE_SIZE: Record<InvocationType, SizeRule> = {
  Event: { limit: MAX_INVOKE_EVENT_PAYLOAD_BYTES, error: 'RequestTooLargeException', operation: 'InvokeFunction' },
  RequestResponse: { limit: MAX_SYNC_PAYLOAD_BYTES, error: 'RequestTooLargeException', operation: 'InvokeFunction' },
  DryRun: { limit: MAX_SYNC_PAYLOAD_BYTES, error: 'RequestTooLargeException', operation: 'InvokeFunction' },
};

/**
 * Validates an InvokeAsync or Invoke request in the order the service does: invocation type, size,
 * name, qualifier, JSON. Whether the function exists is the double's question, not the wire's.
 */
export function validateInvocation(req: InvocationRequest): Rejection | undefined {
  if (req.badInvocationType !== undefined) return invocationTypeProblem(req.badInvocationType);
  const size = req.operation === 'InvokeAsync' ? INVOKE_ASYNC_SIZE : INVOKE_SIZE[req.invocationType];
  if (bodyOver(req.body, size.limit)) {
    return {
      error: size.error,
      message: `Request must be smaller than ${size.limit} bytes for the ${size.operation} operation`,
    };
  }
  const problem = checkFunctionRef(req.functionName);
  if (problem) {
    const constraint =
      problem.kind === 'length'
        ? `Member must have length less than or equal to ${problem.limit}`
        : problem.kind === 'empty'
          ? 'Member must have length greater than or equal to 1'
          : `Member must satisfy regular expression pattern: ${FUNCTION_NAME_PATTERN_SOURCE}`;
    return {
      error: 'ValidationException',
      message: `1 validation error detected: Value '${req.functionName}' at 'functionName' failed to satisfy constraint: ${constraint}`,
    };
  }
  const qualifier = qualifierProblem(req.qualifierParam, req.ref?.qualifier);
  if (qualifier) return qualifier;
  if (!req.json.ok) {
    return {
      error: 'InvalidRequestContentException',
      message: `Could not parse request body into json: Could not parse payload into json: ${req.json.error}`,
    };
  }
  return undefined;
}
