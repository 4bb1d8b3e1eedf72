import { DoubleEngine } from '../engine/double-engine.js';
import { RequestHandlerDoor } from '../doors/request-handler/request-handler-door.js';
import { listenLoopback, type ListenOptions, type LoopbackServer } from '../doors/loopback/loopback-server-door.js';
import { bindClientMock, type ClientMockStub } from '../doors/client-mock/client-mock-door.js';
import { noteOpened } from './leaked-doubles.js';
import type { FunctionErrorOptions, RespondOptions } from '../engine/function-answers.js';
import type { FunctionErrorPayload } from '../engine/run-handler.js';
import type { Delivery } from '../engine/event-deliveries.js';
import type { RespondWith } from '../engine/payload-types.js';

/**
 * A stand-in for Lambda's Invoke and InvokeAsync, returned by `openCassette` and `mockLambda`: the
 * engine (call log, assertions, injections, responder) plus the doors a caller can open on it by
 * hand. The http/https and SDK doors are attached by the factories; the ones below attach on first use.
 */
export class LambdaDouble extends DoubleEngine {
  #requestHandler?: RequestHandlerDoor;

  constructor(...args: ConstructorParameters<typeof DoubleEngine>) {
    super(...args);
    noteOpened(this);
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
    this.functionAnswers.add(functionName, resultOrHandler, options);
    return this;
  }

  /**
   * Makes matching RequestResponse calls answer as a function that failed: 200,
   * `FunctionError: 'Unhandled'`, and `{ errorType, errorMessage, trace }` as the payload.
   */
  injectFunctionError(functionName: string, error: FunctionErrorPayload, options?: FunctionErrorOptions): this {
    this.functionAnswers.addError(functionName, error, options);
    return this;
  }

  /** Resolves once every Event and InvokeAsync delivery to a handler (retries included) is done. */
  settled(): Promise<void> {
    return this.eventDeliveries.settled();
  }

  /** The deliveries to handlers so far, in order; only those to `functionName` when given. */
  deliveries(functionName?: string): Delivery[] {
    return this.eventDeliveries.list(functionName);
  }

  /**
   * An `HttpHandler` for `new LambdaClient({ requestHandler })`: the SDK's requests reach this double
   * in-process, with no socket and no nock, and get the same answers, log entries and cassettes.
   */
  get requestHandler(): RequestHandlerDoor {
    this.#requestHandler ??= new RequestHandlerDoor(this);
    return this.#requestHandler;
  }

  /**
   * Serves InvokeAsync on `http://127.0.0.1:PORT` for clients outside this process (AWS CLI, boto3),
   * with the same answers, call log and cassette; `GET <url>/_lambda-cassette/calls` gives the call
   * log as JSON. `close()` of the double stops the server too.
   */
  listen(options?: ListenOptions): Promise<LoopbackServer> {
    return listenLoopback(this, options);
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
    bindClientMock(this, stub, this.requestHandler);
    return this;
  }
}
