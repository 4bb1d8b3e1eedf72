/**
 * The in-process door: an SDK `HttpHandler` that hands each request straight to the engine.
 * The SDK still serializes, signs, retries and parses for real; only the socket is gone. What the
 * door gives back is what the SDK's own `NodeHttpHandler` would: lower-case header names, and
 * socket errors renamed `TimeoutError` where it renames them.
 */
import type { DoorPort } from '../../engine/door-port.js';
import {
  answerSdkRequest,
  type SdkHandlerOptions,
  type SdkHttpRequest,
  type SdkHttpResponse,
} from '../shared/sdk-request.js';

/**
 * What `lambda.requestHandler` is to its users: the members of an SDK `HttpHandler` that a
 * `LambdaClient` calls, and nothing of the double behind it.
 */
export interface SdkRequestHandler {
  readonly metadata: { handlerProtocol: string };
  handle(request: SdkHttpRequest, options?: SdkHandlerOptions): Promise<{ response: SdkHttpResponse }>;
  updateHttpClientConfig(): void;
  httpHandlerConfigs(): Record<string, never>;
  destroy(): void;
}

/** An SDK `HttpHandler` backed by a double. */
export class RequestHandlerDoor implements SdkRequestHandler {
  /** The SDK reads this to decide how to send the request (HTTP/1.1 here). */
  readonly metadata = { handlerProtocol: 'http/1.1' };

  // Dropped when the double closes: a client can outlive its double (a module-level client), and must
  // not keep the double's cassette in memory after it.
  #double: DoorPort | undefined;
  readonly #label: string;

  constructor(double: DoorPort) {
    this.#double = double;
    this.#label = double.settings.label;
    double.attach({ detach: () => void (this.#double = undefined) });
  }

  /** Called by the SDK for every request the client sends. */
  handle(request: SdkHttpRequest, options?: SdkHandlerOptions): Promise<{ response: SdkHttpResponse }> {
    const double = this.#double;
    if (!double || double.closed) {
      return Promise.reject(
        new Error(
          `lambda-cassette requestHandler: the double (${this.#label}) was closed; ` +
            'a client that outlives its double must get a new requestHandler from the next one',
        ),
      );
    }
    return answerSdkRequest(double, request, options, 'requestHandler');
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}
