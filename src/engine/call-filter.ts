import { parseFunctionRef } from '../wire/function-ref.js';
import { SERVED_OPERATIONS, type ServedOperation } from '../wire/invoke-event.js';
import type { InvokeAsyncCall } from './call-log.js';
import { InvalidOptionError } from '../common/seal-errors.js';

/** A predicate over calls, built from a function reference as the helpers accept it. */
export type CallFilter = (call: InvokeAsyncCall) => boolean;

/** Options every helper and matcher takes after its arguments. */
export interface CallOptions {
  /** Only calls of this operation: `'InvokeAsync'`, or `'Invoke'` (Invoke Event). Default: both. */
  operation?: ServedOperation;
}

/**
 * `"orders-fn"` matches every call to that function, whatever form or qualifier the caller used;
 * `"orders-fn:prod"` (or a qualified ARN) only that qualifier; an ARN naming a region only that
 * region. With `operation`, only calls of that operation.
 */
export function callFilter(fn: string, options?: CallOptions): CallFilter {
  const byFunction = functionFilter(fn);
  const operation = checkOperation(options);
  if (operation === undefined) return byFunction;
  return (call) => call.operation === operation && byFunction(call);
}

function functionFilter(fn: string): CallFilter {
  const ref = parseFunctionRef(fn);
  if (!ref) return (call) => call.functionName === fn;
  return (call) =>
    call.functionName === ref.name &&
    (ref.qualifier === undefined || call.qualifier === ref.qualifier) &&
    (ref.region === undefined || call.region === ref.region);
}

/** Only calls of `options.operation`, when given. */
export function ofOperation(calls: readonly InvokeAsyncCall[], options?: CallOptions): readonly InvokeAsyncCall[] {
  const operation = checkOperation(options);
  return operation === undefined ? calls : calls.filter((c) => c.operation === operation);
}

/** The `operation` option, checked: a TypeError names the accepted values. */
export function checkOperation(options: CallOptions | undefined): ServedOperation | undefined {
  const operation = options?.operation;
  if (operation === undefined || SERVED_OPERATIONS.includes(operation)) return operation;
  throw new InvalidOptionError(`lambda-cassette: option "operation" is ${JSON.stringify(operation)}; use 'InvokeAsync' or 'Invoke'`);
}

/** `"fn"`, or `"fn" (Invoke)` when limited to one operation: how failure messages name what was expected. */
export function namedCalls(fn: string, options?: CallOptions): string {
  return options?.operation === undefined ? `"${fn}"` : `"${fn}" (${options.operation})`;
}
