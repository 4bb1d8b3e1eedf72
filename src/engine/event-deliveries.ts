/**
 * Event and InvokeAsync invocations delivered to the handler a test gave the function: after the
 * caller's 202, the handler runs with the event; a failure is retried as Lambda retries asynchronous
 * invocations (up to 2 more attempts, fewer with `maximumRetryAttempts`). Lambda waits between
 * attempts; the double does not, and schedules with promises only, so fake timers change nothing.
 */
import type { InvocationRequest } from '../wire/parse-request.js';
import { runHandler, type FunctionErrorPayload } from './run-handler.js';
import type { FunctionAnswer } from './function-answers.js';
import { contextSource, eventOf } from './sync-invocation.js';

/** One delivery attempt of an asynchronous invocation to a handler. */
export interface Delivery {
  functionName: string;
  qualifier?: string;
  /** The invocation's request id (the `x-amzn-RequestId` its caller got); the same for every retry. */
  requestId: string;
  /** 1 for the first delivery, 2 and 3 for retries. */
  attempt: number;
  event: unknown;
  outcome: 'success' | 'error';
  /** The runtime's error object when the handler threw. */
  error?: FunctionErrorPayload;
}

export class EventDeliveries {
  readonly #log: Delivery[] = [];
  readonly #pending = new Set<Promise<void>>();

  constructor(private readonly accountId: string) {}

  /** Starts delivering `request` to `entry` once the current call has been answered. */
  schedule(entry: FunctionAnswer, request: InvocationRequest, requestId: string): void {
    const running: Promise<void> = Promise.resolve()
      .then(() => this.#deliver(entry, request, requestId))
      .finally(() => this.#pending.delete(running));
    this.#pending.add(running);
  }

  /** Resolves once every delivery, retries included, is done (deliveries a handler causes too). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  /** The deliveries so far, in order; only those to `functionName` when given. */
  list(functionName?: string): Delivery[] {
    return functionName === undefined ? [...this.#log] : this.#log.filter((d) => d.functionName === functionName);
  }

  clear(): void {
    this.#log.length = 0;
  }

  async #deliver(entry: FunctionAnswer, request: InvocationRequest, requestId: string): Promise<void> {
    const event = eventOf(request);
    const base = {
      functionName: entry.functionName,
      ...(request.ref?.qualifier === undefined ? {} : { qualifier: request.ref.qualifier }),
      requestId,
      event,
    };
    for (let attempt = 1; attempt <= 1 + entry.maximumRetryAttempts; attempt++) {
      if (!entry.handler) {
        this.#log.push({ ...base, attempt, outcome: 'success' });
        return;
      }
      const run = await runHandler(entry.handler, event, contextSource(request, this.accountId, requestId));
      if (run.ok) {
        this.#log.push({ ...base, attempt, outcome: 'success' });
        return;
      }
      this.#log.push({ ...base, attempt, outcome: 'error', error: run.error });
    }
  }
}
