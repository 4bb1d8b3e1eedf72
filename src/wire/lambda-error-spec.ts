/**
 * The shape of one entry of the Lambda error catalogue, and the builders its data files use: the
 * status decides who is at fault, and the source decides which operations document it.
 */
import type { ServedOperation } from './invoke-event.js';

/**
 * Where AWS documents an error: the InvokeAsync reference (every one of those is documented for
 * Invoke too), the Invoke reference alone, the Common Errors page, or the service's own validation.
 */
type ErrorSource = 'InvokeAsync' | 'Invoke' | 'CommonErrors' | 'ServiceValidation';

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

/** An entry; the body carries its message in `message` unless `messageField` says otherwise. */
export function spec(
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
export function capital(name: string, status: number, source: ErrorSource, defaultMessage: string): LambdaErrorSpec {
  return spec(name, status, source, defaultMessage, 'Message');
}
