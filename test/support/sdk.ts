import { LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import { originalMethod } from '../../src/doors/shared/replace-method.js';

/** What the SDK (or a socket) throws, with the fields tests look at. */
export interface CaughtError extends Error {
  $fault?: 'client' | 'server';
  $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number };
  code?: string;
  cause?: unknown;
}

/** A real SDK client with dummy credentials; nothing it sends leaves the process while a double is open. */
export function lambdaClient(config: LambdaClientConfig = {}): LambdaClient {
  return new LambdaClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example' },
    ...config,
  });
}

/** Runs `fn` and returns what it threw; fails when it did not throw. */
export async function caught(fn: () => Promise<unknown>): Promise<CaughtError> {
  try {
    await fn();
  } catch (e) {
    return e as CaughtError;
  }
  throw new Error('expected the call to throw, but it succeeded');
}

type Handle = (this: unknown, request: unknown, options?: unknown) => Promise<unknown>;
interface HandlerPrototype {
  handle: Handle;
  constructor: new () => { handle: Handle };
}

/**
 * A real SDK client whose requests go out over HTTP (where the nock door takes them) instead of
 * the zero-configuration fast path: its handler is the SDK's own `NodeHttpHandler`, given the
 * SDK's unpatched `handle` as its own property, which the door never replaces.
 */
export function lambdaClientViaNock(config: LambdaClientConfig = {}): LambdaClient {
  const proto = Object.getPrototypeOf(lambdaClient().config.requestHandler) as HandlerPrototype;
  // A handler of the caller's (with its own agent) keeps it; the door still never sees it.
  const handler = (config.requestHandler as { handle: Handle } | undefined) ?? new proto.constructor();
  handler.handle = function (request, options) {
    // The zero-configuration SDK door's patch (src/doors/sdk-handler) keeps each prototype's own `handle`.
    return (originalMethod<Handle>(proto, 'handle') ?? proto.handle).call(this, request, options);
  };
  return lambdaClient({ ...config, requestHandler: handler as LambdaClientConfig['requestHandler'] });
}
