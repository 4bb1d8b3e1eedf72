import { LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';

/** A real SDK client with dummy credentials; nothing it sends leaves the process while a double is open. */
export function lambdaClient(config: LambdaClientConfig = {}): LambdaClient {
  return new LambdaClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example' },
    ...config,
  });
}

/** What the SDK throws: a service exception, or a plain error (e.g. a deserialization `SyntaxError`) it decorated. */
export type SdkError = Error & {
  $fault?: 'client' | 'server';
  $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number; totalRetryDelay?: number };
  $response?: unknown;
  [field: string]: unknown;
};

/** Runs `fn` and returns what it threw; fails when it did not throw. */
export async function caught(fn: () => Promise<unknown>): Promise<SdkError> {
  try {
    await fn();
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to throw, but it succeeded');
}
