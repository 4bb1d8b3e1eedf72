/**
 * `Invoke` with `InvocationType: 'Event'`, AWS's named successor of InvokeAsync: what
 * differs from InvokeAsync on the wire. The path is `/2015-03-31/functions/{FunctionName}/invocations`,
 * the version or alias may come as `?Qualifier=`, the payload limit is 1 MB (asynchronous Invoke;
 * InvokeAsync keeps 256 KB), and the service answers 202 with an empty body. The other invocation
 * types are in `invocation-type.ts`.
 */

/** The operations a double serves. */
export type ServedOperation = 'InvokeAsync' | 'Invoke';

/** Every served operation, for checks and messages. */
export const SERVED_OPERATIONS: readonly ServedOperation[] = ['InvokeAsync', 'Invoke'];

/** The service's payload limit for an asynchronous Invoke (1 MB; synchronous Invoke allows 6 MB). */
export const MAX_INVOKE_EVENT_PAYLOAD_BYTES = 1_048_576;

/** The `Qualifier` constraint of the Invoke API reference. */
const QUALIFIER_PATTERN = /^[a-zA-Z0-9$_.-]{1,128}$/;

/** The `Qualifier` query parameter of a URL's search part (`?Qualifier=prod`), decoded; `undefined` when absent. */
export function qualifierParam(search: string): string | undefined {
  if (search.length < 2 || !/qualifier=/i.test(search)) return undefined;
  return new URLSearchParams(search).get('Qualifier') ?? undefined;
}

/** What the service refuses in a request that only Invoke has: a bad `Qualifier`, or one the name contradicts. */
export function qualifierProblem(
  param: string | undefined,
  fromName: string | undefined,
): { error: 'ValidationException' | 'InvalidParameterValueException'; message: string } | undefined {
  if (param === undefined) return undefined;
  if (!QUALIFIER_PATTERN.test(param)) {
    return {
      error: 'ValidationException',
      message: `1 validation error detected: Value '${param}' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)`,
    };
  }
  if (fromName !== undefined && fromName !== param) {
    return {
      error: 'InvalidParameterValueException',
      message: 'The derived qualifier from the function name does not match the specified qualifier.',
    };
  }
  return undefined;
}
