import { parseInvocation, type InvocationRequest } from '../wire/parse-request.js';
import { normalizeHeaders, type TransportFault, type WireOutcome, type WireRequest } from '../wire/wire-types.js';
import type { LambdaErrorName } from '../wire/error-catalogue.js';
import { errorTypeOf, newCall, noteOnCallLog, type LambdaCall } from './call-log.js';
import { Injections, type InjectOptions, type InjectionScope } from './injections.js';
import { injectedAnswer } from './injected-answer.js';
import { answerOf, type Answer, type Responder } from './responder.js';
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
import { deliverEvent, noteInvocation } from './invocation-outcome.js';
import { randomUUID } from 'node:crypto';
import { MissLog } from './miss-log.js';
import { promised } from '../common/maybe-promise.js';
import type { CassetteMode } from './mode-table.js';

/**
 * The engine of a double: every door hands it requests, it answers them (injection first, then its
 * responder) and logs every attempt. Knows no transport and has no public face: the `LambdaDouble`
 * users hold wraps it, and doors reach it as a {@link DoorPort}.
 */
export class DoubleEngine implements DoorPort {
  readonly #calls: LambdaCall[] = [];
  readonly #injections = new Injections();
  readonly #missLog = new MissLog();
  readonly #attachments: DoorAttachment[] = [];
  readonly #unhandled: string[] = [];
  readonly #interference: Error[] = [];
  #closed?: Promise<void>;
  /** Requests sent on to the real endpoint whose answer has not come: `close()` waits for them. */
  readonly #inFlight = new InFlightRecordings();
  /** Answers by source, for `replayed` / `recorded`; `reset()` leaves them. */
  #replayedCount = 0;
  #recordedCount = 0;
  /** What functions answer (`respond`, `handlers`, `injectFunctionError`). */
  readonly functionAnswers = new FunctionAnswers();
  /** Event and InvokeAsync invocations delivered to handlers. */
  readonly eventDeliveries: EventDeliveries;

  constructor(
    /** The mode asked for. */
    readonly mode: CassetteMode,
    private readonly responder: Responder,
    readonly settings: DoubleSettings,
  ) {
    this.eventDeliveries = new EventDeliveries(settings.accountId);
  }

  /** Every intercepted attempt, in order. */
  get calls(): readonly LambdaCall[] {
    return this.#calls;
  }

  /** Whether at least one request was answered from the cassette. */
  get replayed(): boolean {
    return this.#replayedCount > 0;
  }

  /** Whether at least one answer was recorded from the real endpoint. */
  get recorded(): boolean {
    return this.#recordedCount > 0;
  }

  /** After `close()`: the recorded interactions this run never played. */
  get unusedInteractions(): readonly UnusedInteraction[] {
    return this.responder.unusedInteractions;
  }

  get closed(): boolean {
    return this.#closed !== undefined;
  }

  get reachesUpstream(): boolean {
    return this.responder.reachesUpstream;
  }

  /** Whether `close()` wrote the cassette file (false for mocks, replays and untouched cassettes). */
  get wroteCassette(): boolean {
    return this.responder.wroteCassette;
  }

  attach(attachment: DoorAttachment): void {
    this.#attachments.push(attachment);
  }

  /**
   * The engine's single entry: answers one request, logs it. `undefined` when the request is not
   * one the engine serves (the door then leaves it alone). Never throws: a failure rejects.
   */
  handle(wire: WireRequest): Promise<WireOutcome | undefined> {
    return promised(this.answer(wire));
  }

  /**
   * {@link handle}, with the outcome itself when nothing had to wait. A chain of `then` only where
   * something waits, not an async function: every call through every door passes here, and each
   * promise costs more while async context tracking is on.
   */
  answer(wire: WireRequest): WireOutcome | undefined | Promise<WireOutcome | undefined> {
    try {
      const request = parseInvocation(wire, this.settings.region);
      return request && this.answerParsed(request, () => wire);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /**
   * {@link answer} for a door that parsed the request itself: `request` is what `parseInvocation`
   * gives for the request `wire()` builds, which is built only if the double sends it on.
   */
  answerParsed(request: InvocationRequest, wire: () => WireRequest): WireOutcome | Promise<WireOutcome> {
    try {
      const call = newCall(request);
      const injected = this.#injections.take(call);
      if (injected) return this.#log(request, call, injectedAnswer(injected, request, this.settings.accountId));
      // injectFunctionError: the function ran and failed, whichever mode the double is in.
      const functionError =
        request.invocationType === 'RequestResponse' && request.ref
          ? this.functionAnswers.take(request.ref.name, request.ref.qualifier, 'error')
          : undefined;
      const answer = functionError
        ? answerOf('injected', answerSync(functionError, request, this.settings.accountId))
        : this.#respond(request, wire);
      return answer instanceof Promise
        ? answer.then((settled) => this.#log(request, call, settled))
        : this.#log(request, call, answer);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  acceptAtOnce(request: InvocationRequest): string | undefined {
    // What answerParsed would do for it, without the answer the caller would only convert back:
    // nothing injected, a responder that answers the plain success, the same log entry and delivery.
    if (this.#injections.any || this.responder.acceptsAtOnce?.(request, this.functionAnswers) !== true)
      return undefined;
    const call = newCall(request);
    call.status = 202;
    const requestId = randomUUID();
    deliverEvent(request, requestId, this.functionAnswers, this.eventDeliveries);
    this.#calls.push(Object.freeze(call));
    return requestId;
  }

  /** Logs `call` as `answer` answered it (and what the answer means for the double); returns the outcome. */
  #log(request: InvocationRequest, call: LambdaCall, answer: Answer): WireOutcome {
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
   * A door met a Lambda request the engine does not serve: applies `onUnhandledRequest`, and
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

  noteBindingTaken(by: string): void {
    noteOnCallLog(
      this.#calls,
      `The aws-sdk-client-mock stub bound to this double was bound again, to another double (${by}), while this one was open, and a stub answers from the double bound last. Bind a stub once, to a double the tests share (under test.concurrent too), or drop the stub and let each test's calls reach its own double on the zero-config path.`,
    );
  }

  noteInterference(error: Error): void {
    if (!this.#interference.some((e) => e.message === error.message)) this.#interference.push(error);
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

  inject(name: LambdaErrorName, options?: InjectOptions): void {
    this.#injections.addError(name, options);
  }

  injectFault(fault: TransportFault, options?: InjectionScope): void {
    this.#injections.addFault(fault, options);
  }

  clearInjections(): void {
    this.#injections.clear();
  }

  /** Stops intercepting, writes what needs writing, and rejects with what went wrong; once. */
  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  #respond(request: InvocationRequest, wire: () => WireRequest): Answer | Promise<Answer> {
    const answer = this.responder.respond(request, wire, this.functionAnswers);
    return this.responder.reachesUpstream && answer instanceof Promise
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
    if (unused.length > 0 && !this.responder.allowUnusedInteractions) {
      throw new UnusedInteractionsError(
        this.settings.label,
        unused.map((u) => `#${u.index + 1} ${u.function} (recorded ${u.recordedAt})`),
      );
    }
  }

  /** Tells the run summary (the vitest reporter) what this cassette did. */
  #report(): void {
    if (!reporting()) return;
    const cassette = this.responder.runReport();
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
}
