import { LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';

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
