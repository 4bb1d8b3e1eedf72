import { DoubleEngine } from '../engine/double-engine.js';
import { RequestHandlerDoor } from '../doors/request-handler/request-handler-door.js';
import { listenLoopback, type ListenOptions, type LoopbackServer } from '../doors/loopback/loopback-server-door.js';
import { bindClientMock, type ClientMockStub } from '../doors/client-mock/client-mock-door.js';
import { noteOpened } from './leaked-doubles.js';

/**
 * A stand-in for Lambda's InvokeAsync, returned by `openCassette` and `mockLambda`: the engine (call
 * log, assertions, injections, responder) plus the doors a caller can open on it by hand. The http/https
 * and SDK doors are attached by the factories; the ones below attach on first use.
 */
export class LambdaDouble extends DoubleEngine {
  #requestHandler?: RequestHandlerDoor;

  constructor(...args: ConstructorParameters<typeof DoubleEngine>) {
    super(...args);
    noteOpened(this);
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
