import type { DoubleEngine } from '../engine/double-engine.js';
import { RequestHandlerDoor, type SdkRequestHandler } from '../doors/request-handler/request-handler-door.js';
import { listenLoopback, type ListenOptions, type LoopbackServer } from '../doors/loopback/loopback-server-door.js';
import { bindClientMock, type ClientMockStub } from '../doors/client-mock/client-mock-door.js';
import * as assertions from '../engine/assertions.js';
import { givenPayload } from '../engine/assertions.js';
import type { CallOptions } from '../engine/call-filter.js';
import type { LambdaCall } from '../engine/call-log.js';
import type { InjectOptions, InjectionScope } from '../engine/injections.js';
import type { CassetteMode } from '../engine/mode-table.js';
import type { FunctionErrorOptions, RespondOptions } from '../engine/function-answers.js';
import type { FunctionErrorPayload } from '../engine/run-handler.js';
import type { Delivery } from '../engine/event-deliveries.js';
import type { PayloadExpectationFor, RespondWith } from '../engine/payload-types.js';
import type { LambdaErrorName } from '../wire/error-catalogue.js';
import type { TransportFault } from '../wire/wire-types.js';
import type { UnusedInteraction } from '../report/cassette-run.js';

// Set in the class's static block, the one place that may build a double and read its engine.
let wrap: (engine: DoubleEngine) => LambdaDouble;
let unwrap: (double: LambdaDouble) => DoubleEngine;

/**
 * A stand-in for Lambda's Invoke and InvokeAsync, returned by `openCassette` and `mockLambda`: its
 * call log, assertions, injections and answers, and the doors a caller can open on it by hand. The
 * http/https and SDK doors are attached when it opens; the ones below attach on first use.
 */
export class LambdaDouble implements AsyncDisposable {
  readonly #engine: DoubleEngine;
  #requestHandler?: SdkRequestHandler;

  private constructor(engine: DoubleEngine) {
    this.#engine = engine;
  }

  static {
    wrap = (engine) => new LambdaDouble(engine);
    unwrap = (double) => double.#engine;
  }

  /** The mode asked for (`auto` stays `auto`; {@link replayed} and {@link recorded} say what it did). */
  get mode(): CassetteMode {
    return this.#engine.mode;
  }

  /** Every intercepted attempt, in order. */
  get calls(): readonly LambdaCall[] {
    return this.#engine.calls;
  }

  /**
   * Whether this double answered at least one request from its cassette. With `mode` (what was
   * asked for), this says what `auto` did: replayed, recorded, or both (`new-episodes`).
   */
  get replayed(): boolean {
    return this.#engine.replayed;
  }

  /** Whether this double recorded at least one answer from the real endpoint. */
  get recorded(): boolean {
    return this.#engine.recorded;
  }

  /**
   * After `close()`: the recorded interactions this run never played (in `record` mode, those it
   * kept without recording them again). Empty for mocks and passthrough. With
   * `allowUnusedInteractions: false`, `close()` rejects naming them.
   */
  get unusedInteractions(): readonly UnusedInteraction[] {
    return this.#engine.unusedInteractions;
  }

  /** Whether `close()` has been called. */
  get closed(): boolean {
    return this.#engine.closed;
  }

  // Each helper counts InvokeAsync and Invoke calls alike; `{ operation }` limits it to one.
  // `expectInvoked(fn, undefined, { operation })` checks no payload (see givenPayload).

  /** Whether `fn` was invoked (with a matching payload, when given). */
  wasInvoked<F extends string>(fn: F, payload?: PayloadExpectationFor<F>, options?: CallOptions): boolean {
    const given = givenPayload(arguments.length, payload);
    return assertions.matchingCalls(this.calls, fn, payload, given, undefined, options).length > 0;
  }

  /** Throws an `AssertionError` unless `fn` was invoked at least once (with a matching payload, when given). */
  expectInvoked<F extends string>(fn: F, payload?: PayloadExpectationFor<F>, options?: CallOptions): void {
    assertions.expectInvoked(this.calls, fn, payload, givenPayload(arguments.length, payload), options);
  }

  /** Throws an `AssertionError` if `fn` was invoked; without `fn`, if anything was. */
  expectNotInvoked(fn?: string, options?: CallOptions): void {
    assertions.expectNotInvoked(this.calls, fn, options);
  }

  /** Throws an `AssertionError` unless `fn` was invoked exactly `n` times (each retry attempt counts). */
  expectInvokedTimes(fn: string, n: number, options?: CallOptions): void {
    assertions.expectInvokedTimes(this.calls, fn, n, options);
  }

  /** The calls made to `fn`, in order. */
  callsTo(fn: string, options?: CallOptions): LambdaCall[] {
    return assertions.callsTo(this.calls, fn, options);
  }

  /** Clears the call log, pending injections, and the misses and refused requests `close()` would report. */
  reset(): void {
    this.#engine.reset();
  }

  /** Makes matching calls fail with a documented Lambda error, exactly as the service sends it. */
  inject(name: LambdaErrorName, options?: InjectOptions): this {
    this.#engine.inject(name, options);
    return this;
  }

  /** Makes matching calls fail at the transport: a timeout or a reset connection. */
  injectFault(fault: TransportFault, options?: InjectionScope): this {
    this.#engine.injectFault(fault, options);
    return this;
  }

  /** Drops every pending injection. */
  clearInjections(): void {
    this.#engine.clearInjections();
  }

  /**
   * What `functionName` answers in mock mode: a result (sent as its JSON) or a handler
   * `(event, context) => result` run as the Node runtime runs it (a throw answers
   * `FunctionError: 'Unhandled'`). Event and InvokeAsync calls are delivered to a handler after their 202.
   *
   * @example
   * lambda.respond('pricing-fn', async (event) => ({ total: event.qty * 3 }));
   */
  respond<F extends string>(functionName: F, resultOrHandler: RespondWith<F>, options?: RespondOptions): this {
    this.#engine.functionAnswers.add(functionName, resultOrHandler, options);
    return this;
  }

  /**
   * Makes matching RequestResponse calls answer as a function that failed: 200,
   * `FunctionError: 'Unhandled'`, and `{ errorType, errorMessage, trace }` as the payload.
   */
  injectFunctionError(functionName: string, error: FunctionErrorPayload, options?: FunctionErrorOptions): this {
    this.#engine.functionAnswers.addError(functionName, error, options);
    return this;
  }

  /** Resolves once every Event and InvokeAsync delivery to a handler (retries included) is done. */
  settled(): Promise<void> {
    return this.#engine.eventDeliveries.settled();
  }

  /** The deliveries to handlers so far, in order; only those to `functionName` when given. */
  deliveries(functionName?: string): Delivery[] {
    return this.#engine.eventDeliveries.list(functionName);
  }

  /**
   * An `HttpHandler` for `new LambdaClient({ requestHandler })`: the SDK's requests reach this double
   * in-process, with no socket and no nock, and get the same answers, log entries and cassettes.
   */
  get requestHandler(): SdkRequestHandler {
    this.#requestHandler ??= new RequestHandlerDoor(this.#engine);
    return this.#requestHandler;
  }

  /**
   * Serves InvokeAsync on `http://127.0.0.1:PORT` for clients outside this process (AWS CLI, boto3),
   * with the same answers, call log and cassette; `GET <url>/_lambda-cassette/calls` gives the call
   * log as JSON. `close()` of the double stops the server too.
   */
  listen(options?: ListenOptions): Promise<LoopbackServer> {
    return listenLoopback(this.#engine, options);
  }

  /**
   * Makes an aws-sdk-client-mock stub of `LambdaClient` answer every `InvokeAsyncCommand` from this
   * double: same answers, call log, injections and cassettes, and the SDK's own exception classes.
   * The stub skips the SDK's middleware, so there are no retries (`inject(..., { times: 1 })` fails
   * the one call it catches); when recording or passing through, the command runs through the
   * client's own middleware (signing, retries) into {@link requestHandler} instead.
   *
   * @example
   * const stub = mockClient(LambdaClient);
   * lambda.bindClientMock(stub);
   */
  bindClientMock(stub: ClientMockStub): this {
    bindClientMock(this.#engine, stub, this.requestHandler);
    return this;
  }

  /**
   * Stops intercepting, writes the cassette when recording, and rejects if any request found no
   * recorded answer. Safe to call more than once.
   */
  close(): Promise<void> {
    return this.#engine.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/** @internal The double users hold around `engine`; built only by the factories (see open-double.ts). */
export function doubleAround(engine: DoubleEngine): LambdaDouble {
  return wrap(engine);
}

/**
 * @internal The engine behind `double`, for lambda-cassette's own runners, CLI and tests: what doors
 * and the double's lifecycle need (`handle`, `attach`, `settings`, ...) is kept off the public type.
 */
export function engineOf(double: LambdaDouble): DoubleEngine {
  return unwrap(double);
}
