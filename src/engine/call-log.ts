import type { ServedOperation } from '../wire/invoke-event.js';
import type { InvocationType } from '../wire/invocation-type.js';
import { bodyText, type InvocationRequest } from '../wire/parse-request.js';
import { lowerCaseName } from '../wire/wire-types.js';

/** What a RequestResponse invocation answered, as the call log keeps it. */
interface LambdaCallResponse {
  /** 200 whenever the function ran, even when it failed (then `functionError` says so). */
  statusCode: number;
  /** The result (parsed JSON, or the raw text when it is not JSON); the error object when the function failed. */
  payload: unknown;
  /** `'Unhandled'` (or `'Handled'`) when the function failed. */
  functionError?: string;
}

/** One intercepted InvokeAsync or Invoke attempt, as the call log records it. */
export interface LambdaCall {
  /** `'InvokeAsync'`, or `'Invoke'`. */
  operation: ServedOperation;
  /** How the function was to run; InvokeAsync calls are `'Event'`. */
  invocationType: InvocationType;
  /** RequestResponse calls that got a 200 answer: what the function answered. */
  response?: LambdaCallResponse;
  /** Plain name, e.g. `orders-fn`, whatever form the caller used. */
  functionName: string;
  /** Version or alias, from `name:qualifier` or an ARN's last part. */
  qualifier?: string;
  /** As given, when the caller used a full or partial ARN. */
  arn?: string;
  region: string;
  /** Parsed JSON, or the raw string when the body is not JSON. */
  payload: unknown;
  /** The `LogType` the caller set (`'None'` or `'Tail'`, from `X-Amz-Log-Type`); absent when it set none. */
  logType?: string;
  /** The SDK's retry attempt (from `amz-sdk-request`), 1 when unknown. */
  attempt: number;
  /** What the caller was answered; 0 when it got a transport fault instead. */
  status: number;
  /** The error's name when answered with an error (or the fault, for a transport fault). */
  errorType?: string;
  /** Which part of the engine answered. */
  source: CallSource;
}

/**
 * One intercepted attempt.
 * @deprecated Use {@link LambdaCall}: the call log covers every invocation type.
 */
export type InvokeAsyncCall = LambdaCall;

/** Which part of the engine answered a call. */
export type CallSource = 'replay' | 'record' | 'passthrough' | 'mock' | 'injected';

/** The error name a response carries, read the way the SDK reads it (anything after `:` dropped). */
export function errorTypeOf(headers: Record<string, string>): string | undefined {
  for (const name in headers) {
    // Memoized: `x-amzn-RequestId`, in every answer, is as long, and lowering it each time cost a string a call.
    if (name.length === 16 && lowerCaseName(name) === 'x-amzn-errortype') return headers[name]!.split(':')[0];
  }
  return undefined;
}

/** The call log entry for `request`, before it is answered. */
export function newCall(request: InvocationRequest): LambdaCall {
  const call: LambdaCall = {
    operation: request.operation,
    invocationType: request.invocationType,
    functionName: request.ref?.name ?? request.functionName,
    region: request.region,
    payload: request.json.ok ? request.json.value : bodyText(request.body),
    attempt: request.attempt,
    status: 0,
    source: 'mock',
  };
  if (request.ref?.qualifier !== undefined) call.qualifier = request.ref.qualifier;
  if (request.ref?.arn !== undefined) call.arn = request.ref.arn;
  const logType = request.headers['x-amz-log-type'];
  if (logType !== undefined) call.logType = logType;
  return call;
}

// What a failed assertion should say about a call log besides its calls, kept beside the log (the
// array a double's `calls` gives), so that every assertion, the helpers' and the matchers', finds it.
const callLogNotes = new WeakMap<readonly LambdaCall[], string>();

/** Notes on `calls` why calls may have gone elsewhere; the latest note stands. */
export function noteOnCallLog(calls: readonly LambdaCall[], note: string): void {
  callLogNotes.set(calls, note);
}

/** The note on `calls`, if any. */
export function callLogNote(calls: readonly LambdaCall[]): string | undefined {
  return callLogNotes.get(calls);
}
