/**
 * `Invoke`'s three invocation types (the `X-Amz-Invocation-Type` header; absent means
 * `RequestResponse`) and what differs between them on the wire: the request payload limit, and the
 * answer (200 with the function's result, 202 with no body, 204 with no body).
 */

/** How an `Invoke` runs the function. InvokeAsync calls are `'Event'`. */
export type InvocationType = 'Event' | 'RequestResponse' | 'DryRun';

/** Every invocation type, in the order the service's enum lists them. */
export const INVOCATION_TYPES: readonly InvocationType[] = ['Event', 'RequestResponse', 'DryRun'];

/** The request payload limit of a synchronous invocation (6 MB, also DryRun's). */
export const MAX_SYNC_PAYLOAD_BYTES = 6_291_456;

/**
 * The response payload limit the service applies to a function's result: 100 bytes over 6 MiB, as
 * its own error message says.
 */
export const MAX_RESPONSE_PAYLOAD_BYTES = 6_291_556;

/** The invocation type a header value names; `undefined` for a value outside the enum. */
export function invocationTypeOf(header: string | undefined): InvocationType | undefined {
  if (header === undefined || header === '') return 'RequestResponse';
  return (INVOCATION_TYPES as readonly string[]).includes(header) ? (header as InvocationType) : undefined;
}

/** The service's answer to an `X-Amz-Invocation-Type` outside the enum. */
export function invocationTypeProblem(value: string): { error: 'ValidationException'; message: string } {
  return {
    error: 'ValidationException',
    message: `1 validation error detected: Value '${value}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [${INVOCATION_TYPES.join(', ')}]`,
  };
}
