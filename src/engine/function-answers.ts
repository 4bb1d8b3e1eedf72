/**
 * What functions answer in a test: results and handlers given with `respond` (or `handlers` at
 * open), and function errors given with `injectFunctionError`. Entries with `times` are used first,
 * oldest first, until spent; otherwise the latest entry without `times` answers.
 */
import { parseFunctionRef } from '../wire/function-ref.js';
import { InvalidFunctionAnswerError } from '../common/invocation-errors.js';
import type { FunctionErrorPayload, LambdaHandler } from './run-handler.js';

function applies(
  entry: FunctionAnswer,
  kind: FunctionAnswer['kind'],
  functionName: string,
  qualifier: string | undefined,
): boolean {
  return (
    entry.kind === kind &&
    entry.functionName === functionName &&
    (entry.qualifier === undefined || entry.qualifier === qualifier)
  );
}

/** Options of `respond`. */
export interface RespondOptions {
  /** Only calls naming this version or alias. Default: every call to the function. */
  qualifier?: string;
  /** How many calls it answers before it is spent. Default: every call. */
  times?: number;
  /**
   * Event and InvokeAsync deliveries: how many times a failed delivery is retried (0, 1 or 2, as the
   * function's asynchronous invocation configuration allows). Default 2.
   */
  maximumRetryAttempts?: number;
}

/** Options of `injectFunctionError`. */
export interface FunctionErrorOptions {
  qualifier?: string;
  times?: number;
  /**
   * The `X-Amz-Function-Error` the caller gets. Default `'Unhandled'`, what today's runtimes send;
   * `'Handled'` is what Node.js runtimes up to 6.10 sent for `callback(error)`, and callers still
   * branch on it.
   */
  functionError?: 'Unhandled' | 'Handled';
}

/** The error object as it will be sent (later changes by the caller do not leak in); refused when it is not JSON. */
function jsonCopy(error: FunctionErrorPayload): FunctionErrorPayload {
  try {
    return JSON.parse(JSON.stringify(error)) as FunctionErrorPayload;
  } catch (e) {
    throw new InvalidFunctionAnswerError(
      `injectFunctionError(): the error must be JSON, as the runtime sends it (${(e as Error).message})`,
    );
  }
}

/** A result (any JSON value) or a handler. */
type ResultOrHandler = unknown;

/** One registered answer. */
export interface FunctionAnswer {
  kind: 'answer' | 'error';
  functionName: string;
  qualifier?: string;
  handler?: LambdaHandler;
  result?: unknown;
  error?: FunctionErrorPayload;
  functionError?: 'Unhandled' | 'Handled';
  remaining: number;
  maximumRetryAttempts: number;
}

function positiveInteger(what: string, value: number | undefined): number {
  if (value === undefined) return Infinity;
  if (!Number.isInteger(value) || value < 1)
    throw new InvalidFunctionAnswerError(`${what}: "times" must be a positive integer, got ${String(value)}`);
  return value;
}

function target(
  what: string,
  fn: unknown,
  qualifier: string | undefined,
): { functionName: string; qualifier?: string } {
  if (typeof fn !== 'string' || fn === '')
    throw new InvalidFunctionAnswerError(
      `${what}: the first argument must be a function name, got ${JSON.stringify(fn)}`,
    );
  const ref = parseFunctionRef(fn);
  const q = qualifier ?? ref?.qualifier;
  return { functionName: ref?.name ?? fn, ...(q === undefined ? {} : { qualifier: q }) };
}

export class FunctionAnswers {
  #entries: FunctionAnswer[] = [];

  /** `respond(fn, resultOrHandler, options)`. */
  add(fn: string, resultOrHandler: ResultOrHandler, options: RespondOptions = {}): void {
    const retries = options.maximumRetryAttempts ?? 2;
    if (![0, 1, 2].includes(retries)) {
      throw new InvalidFunctionAnswerError(
        `respond(): "maximumRetryAttempts" must be 0, 1 or 2 (Lambda's range for asynchronous invocations), got ${String(retries)}`,
      );
    }
    const entry: FunctionAnswer = {
      kind: 'answer',
      ...target('respond()', fn, options.qualifier),
      remaining: positiveInteger('respond()', options.times),
      maximumRetryAttempts: retries,
    };
    if (typeof resultOrHandler === 'function') entry.handler = resultOrHandler as LambdaHandler;
    else entry.result = resultOrHandler;
    this.#entries.push(entry);
  }

  /** `injectFunctionError(fn, error, options)`. */
  addError(fn: string, error: FunctionErrorPayload, options: FunctionErrorOptions = {}): void {
    if (!error || typeof error.errorType !== 'string' || typeof error.errorMessage !== 'string') {
      throw new InvalidFunctionAnswerError(
        'injectFunctionError(): the error must be { errorType: string, errorMessage: string, trace?: string[], ...other fields the runtime sends }',
      );
    }
    const functionError = options.functionError ?? 'Unhandled';
    if (functionError !== 'Unhandled' && functionError !== 'Handled') {
      throw new InvalidFunctionAnswerError(
        `injectFunctionError(): "functionError" must be 'Unhandled' or 'Handled' (the values Lambda sends), got ${JSON.stringify(functionError)}`,
      );
    }
    const payload = jsonCopy(error);
    this.#entries.push({
      kind: 'error',
      ...target('injectFunctionError()', fn, options.qualifier),
      error: payload,
      functionError,
      remaining: positiveInteger('injectFunctionError()', options.times),
      maximumRetryAttempts: 2,
    });
  }

  /** `handlers` given at open: each a result or a handler for every call. */
  addAll(handlers: Readonly<Record<string, ResultOrHandler>> | undefined): void {
    if (handlers === undefined) return;
    if (handlers === null || typeof handlers !== 'object')
      throw new InvalidFunctionAnswerError(
        'option "handlers" must be an object mapping function names to results or handlers',
      );
    for (const [fn, answer] of Object.entries(handlers)) this.add(fn, answer);
  }

  /** Whether anything answers for the function (DryRun counts it as known). */
  knows(functionName: string): boolean {
    return this.#entries.some((e) => e.functionName === functionName);
  }

  /** The entry of `kind` for a call, spending one use of it. */
  take(
    functionName: string,
    qualifier: string | undefined,
    kind: FunctionAnswer['kind'] = 'answer',
  ): FunctionAnswer | undefined {
    // The first answer limited by `times` that applies, else the latest unlimited one. Loops, not
    // findIndex with closures: every Event and RequestResponse call asks, most of them of an empty list.
    const entries = this.#entries;
    let index = -1;
    for (let i = 0; i < entries.length && index < 0; i++)
      if (entries[i]!.remaining !== Infinity && applies(entries[i]!, kind, functionName, qualifier)) index = i;
    for (let i = entries.length - 1; i >= 0 && index < 0; i--)
      if (applies(entries[i]!, kind, functionName, qualifier)) index = i;
    if (index < 0) return undefined;
    const entry = entries[index]!;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#entries.splice(index, 1);
    return entry;
  }

  /** Drops every function error not yet used (with the other injections); results stay. */
  clearErrors(): void {
    this.#entries = this.#entries.filter((e) => e.kind !== 'error');
  }
}
