import { parseFunctionRef } from '../wire/function-ref.js';
import type { InvokeAsyncCall } from './call-log.js';

/** A predicate over calls, built from a function reference as the helpers accept it. */
export type CallFilter = (call: InvokeAsyncCall) => boolean;

/**
 * `"orders-fn"` matches every call to that function, whatever form or qualifier the caller used;
 * `"orders-fn:prod"` (or a qualified ARN) only that qualifier; an ARN naming a region only that region.
 */
export function callFilter(fn: string): CallFilter {
  const ref = parseFunctionRef(fn);
  if (!ref) return (call) => call.functionName === fn;
  return (call) =>
    call.functionName === ref.name &&
    (ref.qualifier === undefined || call.qualifier === ref.qualifier) &&
    (ref.region === undefined || call.region === ref.region);
}
