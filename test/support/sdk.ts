import { LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';

/** A real SDK client with dummy credentials; nothing it sends leaves the process while a double is open. */
export function lambdaClient(config: LambdaClientConfig = {}): LambdaClient {
  return new LambdaClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example' },
    ...config,
  });
}

/** Runs `fn` and returns what it threw; fails when it did not throw. */
export async function caught(fn: () => Promise<unknown>): Promise<Error & Record<string, any>> {
  try {
    await fn();
  } catch (e) {
    return e as Error & Record<string, any>;
  }
  throw new Error('expected the call to throw, but it succeeded');
}
