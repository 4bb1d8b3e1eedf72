import { parseFunctionRef } from '../wire/function-ref.js';
import { SERVED_OPERATIONS, type ServedOperation } from '../wire/invoke-event.js';
import type { LambdaCall } from './call-log.js';
import { InvalidOptionError } from '../common/seal-errors.js';
import { INVOCATION_TYPES, type InvocationType } from '../wire/invocation-type.js';

/** A predicate over calls, built from a function reference as the helpers accept it. */
export type CallFilter = (call: LambdaCall) => boolean;

/** Options every helper and matcher takes after its arguments. */
export interface CallOptions {
  /** Only calls of this operation: `'InvokeAsync'` or `'Invoke'`. Default: both. */
  operation?: ServedOperation;
  /** Only calls of this invocation type (InvokeAsync calls are `'Event'`). Default: every type. */
  invocationType?: InvocationType;
}

/**
 * `"orders-fn"` matches every call to that function, whatever form or qualifier the caller used;
 * `"orders-fn:prod"` (or a qualified ARN) only that qualifier; an ARN naming a region only that
 * region. With `operation`, only calls of that operation.
 */
export function callFilter(fn: string, options?: CallOptions): CallFilter {
  const byFunction = functionFilter(fn);
  const operation = checkOperation(options);
  const type = checkInvocationType(options);
  if (operation === undefined && type === undefined) return byFunction;
  return (call) =>
    (operation === undefined || call.operation === operation) &&
    (type === undefined || call.invocationType === type) &&
    byFunction(call);
}

function functionFilter(fn: string): CallFilter {
  const ref = parseFunctionRef(fn);
  if (!ref) return (call) => call.functionName === fn;
  return (call) =>
    call.functionName === ref.name &&
    (ref.qualifier === undefined || call.qualifier === ref.qualifier) &&
    (ref.region === undefined || call.region === ref.region);
}

/** Only calls of `options.operation` and `options.invocationType`, when given. */
export function ofOperation(calls: readonly LambdaCall[], options?: CallOptions): readonly LambdaCall[] {
  const operation = checkOperation(options);
  const type = checkInvocationType(options);
  if (operation === undefined && type === undefined) return calls;
  return calls.filter(
    (c) => (operation === undefined || c.operation === operation) && (type === undefined || c.invocationType === type),
  );
}

/** The `invocationType` option, checked: a TypeError names the accepted values. */
function checkInvocationType(options: CallOptions | undefined): InvocationType | undefined {
  const type = options?.invocationType;
  if (type === undefined || INVOCATION_TYPES.includes(type)) return type;
  throw new TypeError(
    `lambda-cassette: option "invocationType" is ${JSON.stringify(type)}; use ${INVOCATION_TYPES.map((t) => `'${t}'`).join(', ')}`,
  );
}

/** The `operation` option, checked: a TypeError names the accepted values. */
export function checkOperation(options: CallOptions | undefined): ServedOperation | undefined {
  const operation = options?.operation;
  if (operation === undefined || SERVED_OPERATIONS.includes(operation)) return operation;
  throw new InvalidOptionError(
    `lambda-cassette: option "operation" is ${JSON.stringify(operation)}; use 'InvokeAsync' or 'Invoke'`,
  );
}

/** `"fn"`, or `"fn" (Invoke, RequestResponse)` when limited: how failure messages name what was expected. */
export function namedCalls(fn: string, options?: CallOptions): string {
  const limits = [options?.operation, options?.invocationType].filter((x) => x !== undefined);
  return limits.length === 0 ? `"${fn}"` : `"${fn}" (${limits.join(', ')})`;
}
