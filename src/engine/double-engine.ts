import { parseInvocation, type InvocationRequest } from '../wire/parse-request.js';
import { normalizeHeaders, type TransportFault, type WireOutcome, type WireRequest } from '../wire/wire-types.js';
import { errorResponse, fillMessage } from '../wire/build-response.js';
import { LAMBDA_ERRORS, type LambdaErrorName } from '../wire/error-catalogue.js';
import { functionArn } from '../wire/function-ref.js';
import { errorTypeOf, newCall, type LambdaCall } from './call-log.js';
import { Injections, type InjectOptions, type InjectionScope, type InjectedAnswer } from './injections.js';
import type { Answer, Responder } from './responder.js';
import * as assertions from './assertions.js';
import { givenPayload, type CallOptions } from './assertions.js';
import type { PayloadExpectationFor } from './payload-types.js';
import { judgeUnhandled, type UnhandledVerdict } from './unhandled-policy.js';
import { UnhandledRequestError, UnmatchedRequestsError, UnusedInteractionsError } from '../common/replay-errors.js';
import type { UnusedInteraction } from '../report/cassette-run.js';
import { reportCassetteRun, reporting } from '../report/run-report-sink.js';
import type { DoorAttachment, DoorPort, DoubleSettings } from './door-port.js';
import { DEFAULT_CLOSE_TIMEOUT_MS, InFlightRecordings } from './in-flight-recordings.js';
import { warnIfUnlikeAws } from '../recording/conformance.js';
import { FunctionAnswers } from './function-answers.js';
import { EventDeliveries } from './event-deliveries.js';
import { answerSync } from './sync-invocation.js';
import { noteInvocation } from './invocation-outcome.js';
import { MissLog } from './miss-log.js';

/**
 * The engine of a double: every door hands it requests, it answers them (injection first, then its
 * responder) and logs every attempt. Knows no transport; the public `LambdaDouble` adds the doors.
 */
export class DoubleEngine implements DoorPort, AsyncDisposable {
  readonly #calls: LambdaCall[] = [];
  readonly #injections = new Injections();
  readonly #missLog = new MissLog();
  readonly #attachments: DoorAttachment[] = [];
  readonly #unhandled: string[] = [];
  readonly #interference: Error[] = [];
  #closed?: Promise<void>;
  /** Requests sent on to the real endpoint whose answer has not come: `close()` waits for them. */
  readonly #inFlight = new InFlightRecordings();
  /** Answers by source, for {@link recorded} / {@link replayed}; `reset()` leaves them. */
  #replayedCount = 0;
  #recordedCount = 0;
  /** @internal What functions answer (`respond`, `handlers`, `injectFunctionError`). */
  readonly functionAnswers = new FunctionAnswers();
  /** @internal Event and InvokeAsync invocations delivered to handlers. */
  readonly eventDeliveries: EventDeliveries;

  /** @internal Built by `openCassette` / `mockLambda`. */
  constructor(
    /** The mode the double runs in. */
    readonly mode: string,
    private readonly responder: Responder,
    /** @internal */
    readonly settings: DoubleSettings,
  ) {
    this.eventDeliveries = new EventDeliveries(settings.accountId);
  }

  /** Every intercepted InvokeAsync attempt, in order. */
  get calls(): readonly LambdaCall[] {
    return this.#calls;
  }

  /**
   * Whether this double answered at least one request from its cassette. With `mode` (what was
   * asked for), this says what `auto` did: replayed, recorded, or both (`new-episodes`).
   */
  get replayed(): boolean {
    return this.#replayedCount > 0;
  }

  /** Whether this double recorded at least one answer from the real endpoint. */
  get recorded(): boolean {
    return this.#recordedCount > 0;
  }

  /**
   * After `close()`: the recorded interactions this run never played (in `record` mode, those it
   * kept without recording them again). Empty for mocks and passthrough. With
   * `allowUnusedInteractions: false`, `close()` rejects naming them.
   */
  get unusedInteractions(): readonly UnusedInteraction[] {
    return this.responder.unusedInteractions ?? [];
  }

  /** Whether `close()` has been called. */
  get closed(): boolean {
    return this.#closed !== undefined;
  }

  /** @internal Whether some requests are sent on to the real endpoint (record, new-episodes, passthrough). */
  get reachesUpstream(): boolean {
    return this.responder.reachesUpstream === true;
  }

  /** @internal Whether `close()` wrote the cassette file (false for mocks, replays and untouched cassettes). */
  get wroteCassette(): boolean {
    return this.responder.wroteCassette === true;
  }

  /** @internal Lets a door register itself so `close()` detaches it. */
  attach(attachment: DoorAttachment): void {
    this.#attachments.push(attachment);
  }

  /**
   * The engine's single entry: answers one request, logs it. `undefined` when the request is not
   * InvokeAsync (the door then leaves it alone).
   */
  async handle(wire: WireRequest): Promise<WireOutcome | undefined> {
    const request = parseInvocation(wire, this.settings.region);
    if (!request) return undefined;
    const call = newCall(request);
    const injected = this.#injections.take(call);
    // injectFunctionError: the function ran and failed, whichever mode the double is in.
    const functionError =
      !injected && request.invocationType === 'RequestResponse' && request.ref
        ? this.functionAnswers.take(request.ref.name, request.ref.qualifier, 'error')
        : undefined;
    const answer = injected
      ? this.#injectedAnswer(injected, request)
      : functionError
        ? { source: 'injected' as const, outcome: await answerSync(functionError, request, this.settings.accountId) }
        : await this.#respond(request, wire);
    this.#missLog.note(answer, request.attempt);
    if (answer.source === 'replay' && answer.miss === undefined) this.#replayedCount++;
    if (answer.source === 'record' && answer.outcome.kind === 'response') {
      this.#recordedCount++;
      const { status, headers, body } = answer.outcome;
      const what = `${request.operation} ${request.ref?.name ?? request.functionName} (call #${this.#calls.length + 1})`;
      warnIfUnlikeAws(this.settings.label, what, {
        operation: request.operation,
        invocationType: request.headers['x-amz-invocation-type'],
        status,
        headers,
        body: Buffer.from(body).toString('utf8'),
      });
    }
    const outcome = answer.outcome;
    call.source = answer.source;
    if (outcome.kind === 'fault') {
      call.status = 0;
      call.errorType = outcome.fault;
    } else if (outcome.kind === 'failure') {
      call.status = 0;
      call.errorType = outcome.error.name;
    } else {
      call.status = outcome.status;
      const errorType = errorTypeOf(outcome.headers);
      if (errorType) call.errorType = errorType;
      noteInvocation(call, request, outcome, this.functionAnswers, this.eventDeliveries);
    }
    this.#calls.push(Object.freeze(call));
    return outcome;
  }

  /**
   * A door met a Lambda request that is not InvokeAsync: applies `onUnhandledRequest`, and
   * remembers the ones it stopped so that `close()` lists them.
   */
  judgeUnhandled(wire: WireRequest): UnhandledVerdict {
    const verdict = judgeUnhandled(
      this.settings.onUnhandledRequest,
      { method: wire.method, url: wire.url, headers: normalizeHeaders(wire.headers) },
      this.settings.label,
    );
    if (!verdict.bypass && verdict.error instanceof UnhandledRequestError)
      this.#unhandled.push(...verdict.error.requests);
    return verdict;
  }

  /** A door noticed that something took interception away or conflicted with it (a caller's nock interceptor); `close()` rejects with it. */
  noteInterference(error: Error): void {
    if (!this.#interference.some((e) => e.message === error.message)) this.#interference.push(error);
  }

  // ---- assertions (docs/api.md) ----

  // Each helper counts InvokeAsync and Invoke Event calls alike; `{ operation }` limits it to one.
  // `expectInvoked(fn, undefined, { operation })` checks no payload (see givenPayload).

  /** Whether `fn` was invoked (with a matching payload, when given). */
  wasInvoked<F extends string>(fn: F, payload?: PayloadExpectationFor<F>, options?: CallOptions): boolean {
    return (
      assertions.matchingCalls(this.#calls, fn, payload, givenPayload(arguments.length, payload), undefined, options)
        .length > 0
    );
  }

  /** Throws an `AssertionError` unless `fn` was invoked at least once (with a matching payload, when given). */
  expectInvoked<F extends string>(fn: F, payload?: PayloadExpectationFor<F>, options?: CallOptions): void {
    assertions.expectInvoked(this.#calls, fn, payload, givenPayload(arguments.length, payload), options);
  }

  /** Throws an `AssertionError` if `fn` was invoked; without `fn`, if anything was. */
  expectNotInvoked(fn?: string, options?: CallOptions): void {
    assertions.expectNotInvoked(this.#calls, fn, options);
  }

  /** Throws an `AssertionError` unless `fn` was invoked exactly `n` times (each retry attempt counts). */
  expectInvokedTimes(fn: string, n: number, options?: CallOptions): void {
    assertions.expectInvokedTimes(this.#calls, fn, n, options);
  }

  /** The calls made to `fn`, in order. */
  callsTo(fn: string, options?: CallOptions): LambdaCall[] {
    return assertions.callsTo(this.#calls, fn, options);
  }

  /** Clears the call log, pending injections, and the misses and refused requests `close()` would report. */
  reset(): void {
    this.#calls.length = 0;
    this.#missLog.clear();
    this.#unhandled.length = 0;
    this.#injections.clear();
    this.functionAnswers.clearErrors();
    this.eventDeliveries.clear();
  }

  // ---- injection (README "Quick start: error paths") ----

  /** Makes matching calls fail with a documented Lambda error, exactly as the service sends it. */
  inject(name: LambdaErrorName, options?: InjectOptions): this {
    this.#injections.addError(name, options);
    return this;
  }

  /** Makes matching calls fail at the transport: a timeout or a reset connection. */
  injectFault(fault: TransportFault, options?: InjectionScope): this {
    this.#injections.addFault(fault, options);
    return this;
  }

  /** Drops every pending injection. */
  clearInjections(): void {
    this.#injections.clear();
  }

  // ---- lifecycle ----

  /**
   * Stops intercepting, writes the cassette when recording, and rejects if any request found no
   * recorded answer. Safe to call more than once.
   */
  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #respond(request: InvocationRequest, wire: WireRequest): Promise<Answer> {
    const answer = this.responder.respond(request, wire, this.functionAnswers);
    return this.responder.reachesUpstream === true
      ? this.#inFlight.track(`${request.functionName} (${request.operation})`, answer)
      : answer;
  }

  async #close(): Promise<void> {
    await this.eventDeliveries.settled();
    for (const attachment of this.#attachments.splice(0)) await attachment.detach();
    try {
      // An asynchronous invoke is fired and forgotten: its recording may still wait for the answer.
      await this.#inFlight.settle(this.settings.label, this.settings.closeTimeout ?? DEFAULT_CLOSE_TIMEOUT_MS);
      await this.responder.close();
    } finally {
      this.#report();
    }
    const { misses, expired } = this.#missLog;
    if (misses.length > 0) throw new UnmatchedRequestsError(this.settings.label, [...misses]);
    if (expired.length > 0) throw expired[0]!;
    if (this.#unhandled.length > 0) throw new UnhandledRequestError(this.settings.label, [...this.#unhandled], true);
    if (this.#interference.length > 0) throw this.#interference[0]!;
    const unused = this.unusedInteractions;
    if (unused.length > 0 && this.responder.allowUnusedInteractions === false) {
      throw new UnusedInteractionsError(
        this.settings.label,
        unused.map((u) => `#${u.index + 1} ${u.function} (recorded ${u.recordedAt})`),
      );
    }
  }

  /** Tells the run summary (the vitest reporter) what this cassette did. */
  #report(): void {
    if (!reporting()) return;
    const cassette = this.responder.runReport?.();
    if (!cassette) return;
    const misses = this.#missLog.misses.map((m) => m.split('\n')[0]!);
    reportCassetteRun({
      ...cassette,
      mode: this.mode,
      replayed: this.#replayedCount,
      recorded: this.#recordedCount,
      misses,
    });
  }

  #injectedAnswer(injected: InjectedAnswer, request: InvocationRequest): Answer {
    if (injected.kind === 'fault') return { source: 'injected', outcome: { kind: 'fault', fault: injected.fault } };
    const spec = LAMBDA_ERRORS[injected.name];
    const context: Record<string, string> = {
      functionName: request.functionName,
      region: request.region,
      accountId: this.settings.accountId,
    };
    if (request.ref) context['functionArn'] = functionArn(request.ref, request.region, this.settings.accountId);
    return {
      source: 'injected',
      outcome: errorResponse(spec, injected.message ?? fillMessage(spec.defaultMessage, context)),
    };
  }
}
