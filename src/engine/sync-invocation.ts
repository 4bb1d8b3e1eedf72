/**
 * A RequestResponse invocation answered from what a test gave the function (`respond`, `handlers`,
 * `injectFunctionError`): the service's 200 with the result or the runtime's error object, the
 * executed version, and the log's end when the caller asked for `LogType: Tail`.
 */
import type { InvocationRequest } from '../wire/parse-request.js';
import type { WireResponse } from '../wire/wire-types.js';
import { resultResponse, type ResultHeaders } from '../wire/build-response.js';
import { functionArn } from '../wire/function-ref.js';
import { MAX_RESPONSE_PAYLOAD_BYTES } from '../wire/invocation-type.js';
import { logTail, runHandler, runtimeError, type FunctionErrorPayload } from './run-handler.js';
import type { FunctionAnswer } from './function-answers.js';
import type { ContextSource } from './lambda-context.js';

/** What a handler's context is built from for `request`. */
export function contextSource(request: InvocationRequest, accountId: string, requestId?: string): ContextSource {
  const ref = request.ref!;
  return {
    functionName: ref.name,
    qualifier: ref.qualifier,
    arn: functionArn(ref, request.region, accountId) + (ref.qualifier === undefined ? '' : `:${ref.qualifier}`),
    ...(requestId === undefined ? {} : { requestId }),
  };
}

/** The event a function receives: the payload's JSON (`{}` for none). */
export function eventOf(request: InvocationRequest): unknown {
  return request.json.ok ? request.json.value : {};
}

function executedVersion(request: InvocationRequest): string {
  const qualifier = request.ref?.qualifier;
  return qualifier !== undefined && /^\d+$/.test(qualifier) ? qualifier : '$LATEST';
}

/** The result's bytes as the runtime serializes it: JSON (`null` for `undefined`), bytes as they are. */
function resultBytes(result: unknown): Buffer {
  if (result instanceof Uint8Array) return Buffer.from(result);
  return Buffer.from(JSON.stringify(result) ?? 'null', 'utf8');
}

function errorBytes(error: FunctionErrorPayload): Buffer {
  return Buffer.from(JSON.stringify(error), 'utf8');
}

/**
 * Answers a RequestResponse call with `entry` (a result, a handler, or an injected function error).
 * The response itself when nothing had to wait (a result or an error, without `LogType: Tail`),
 * else a promise of it: most calls answer a constant, and need no promise of their own.
 */
export function answerSync(
  entry: FunctionAnswer,
  request: InvocationRequest,
  accountId: string,
): WireResponse | Promise<WireResponse> {
  const headers: ResultHeaders = { executedVersion: executedVersion(request) };
  const tail = request.headers['x-amz-log-type'] === 'Tail';
  if (entry.handler && entry.kind !== 'error') {
    return runHandler(entry.handler, eventOf(request), contextSource(request, accountId)).then((run) => {
      const body = run.ok ? serialized(run.result, headers) : errorBytes(run.error);
      if (!run.ok) headers.functionError = 'Unhandled';
      return resultWithin(body, headers, tail ? run.log : undefined);
    });
  }
  let body: Buffer;
  if (entry.kind === 'error') {
    body = errorBytes(entry.error!);
    headers.functionError = entry.functionError ?? 'Unhandled';
  } else {
    body = serialized(entry.result, headers);
  }
  if (!tail) return resultWithin(body, headers, undefined);
  return frameLog(request, accountId, entry.kind === 'error' ? entry.error : undefined).then((log) =>
    resultWithin(body, headers, log),
  );
}

/** The 200 for `body`, or the runtime's error when it is over Lambda's response limit; `log` is the caller's `LogType: Tail`. */
function resultWithin(body: Buffer, headers: ResultHeaders, log: string | undefined): WireResponse {
  if (body.byteLength > MAX_RESPONSE_PAYLOAD_BYTES) {
    body = errorBytes({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_PAYLOAD_BYTES} bytes).`,
    });
    headers.functionError = 'Unhandled';
  }
  if (log !== undefined) headers.logResult = logTail(log);
  return resultResponse(body, headers);
}

/**
 * The log of an invocation no handler ran for (a constant result, an injected function error): Lambda
 * still writes START, END and REPORT, and the runtime's `Invoke Error` line for a failure, so a
 * `LogType: Tail` caller gets a non-empty `LogResult` as it does from the service.
 */
async function frameLog(request: InvocationRequest, accountId: string, error?: FunctionErrorPayload): Promise<string> {
  const { log } = await runHandler(() => undefined, eventOf(request), contextSource(request, accountId));
  if (error === undefined) return log;
  const id = /^START RequestId: (\S+)/.exec(log)?.[1] ?? '';
  return log.replace(
    /^END RequestId/m,
    `${new Date().toISOString()}\t${id}\tERROR\tInvoke Error \t${JSON.stringify(error)}\nEND RequestId`,
  );
}

/** The result's bytes, or the runtime's error when it cannot be serialized (a BigInt, a cycle). */
function serialized(result: unknown, headers: ResultHeaders): Buffer {
  try {
    return resultBytes(result);
  } catch (e) {
    headers.functionError = 'Unhandled';
    return errorBytes(runtimeError(e));
  }
}
