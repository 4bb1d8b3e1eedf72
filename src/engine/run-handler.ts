/**
 * Runs a function's handler as the Node runtime does for one invocation: the event and a context in,
 * a result or the runtime's error object out, and the log the invocation wrote (what `LogType: Tail`
 * returns the end of).
 */
import { performance } from 'node:perf_hooks';
import { captureConsole } from './console-capture.js';
import { lambdaContext, type ContextSource, type LambdaContext } from './lambda-context.js';

/** A function's code in a test: Lambda's Node handler signature. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LambdaHandler<Event = any, Result = unknown> = (
  event: Event,
  context: LambdaContext,
) => Result | Promise<Result>;

/** The error object the Node runtime answers for a handler that threw. */
export interface FunctionErrorPayload {
  errorType: string;
  errorMessage: string;
  trace?: string[];
  /** Other runtimes' fields, sent as given: Python's and Java's `stackTrace`, Python's `requestId`, Java's `cause`. */
  [field: string]: unknown;
}

/** What one run gave. */
type HandlerRun = { ok: true; result: unknown; log: string } | { ok: false; error: FunctionErrorPayload; log: string };

/** The runtime's error object for whatever a handler threw (or rejected with). */
export function runtimeError(thrown: unknown): FunctionErrorPayload {
  if (thrown instanceof Error) {
    return {
      errorType: thrown.name || 'Error',
      errorMessage: thrown.message,
      trace: (thrown.stack ?? '').split('\n').filter((l) => l !== ''),
    };
  }
  return { errorType: typeof thrown, errorMessage: String(thrown), trace: [] };
}

/** Runs `handler` once with `event`; never throws. */
export async function runHandler(handler: LambdaHandler, event: unknown, source: ContextSource): Promise<HandlerRun> {
  const context = lambdaContext(source);
  const id = context.awsRequestId;
  const started = performance.now();
  const { outcome, log } = await captureConsole(id, async () => handler(event, context));
  const ms = Math.max(0.01, performance.now() - started).toFixed(2);
  const start = `START RequestId: ${id} Version: ${context.functionVersion}\n`;
  const end = `END RequestId: ${id}\nREPORT RequestId: ${id}\tDuration: ${ms} ms\tBilled Duration: ${Math.ceil(Number(ms))} ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\t\n`;
  if (outcome.status === 'fulfilled') return { ok: true, result: outcome.value, log: start + log + end };
  const error = runtimeError(outcome.reason);
  const invokeError = `${new Date().toISOString()}\t${id}\tERROR\tInvoke Error \t${JSON.stringify(error)}\n`;
  return { ok: false, error, log: start + log + invokeError + end };
}

/** The last 4 KB of a log, base64-encoded: the `X-Amz-Log-Result` header. */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.byteLength - 4096)).toString('base64');
}
