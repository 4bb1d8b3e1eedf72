/**
 * The @aws-sdk/client-lambda the client-mock door works with: the module itself (its command and
 * exception classes), the blob type it gives `Payload`, and the check that a stub mocks a client of
 * this same copy of it.
 */
import { createRequire } from 'node:module';
import { ClientMockSdkMismatchError } from '../../common/client-mock-errors.js';
import { MisuseError } from '../../common/seal-errors.js';
import type { BlobAdapter, LambdaSdk } from '../shared/sdk-outcome.js';

let sdk: LambdaSdk | undefined;
let blob: BlobAdapter | undefined;

/**
 * The SDK's `Uint8ArrayBlobAdapter.mutate`, from the smithy package the SDK itself loads (in
 * `@smithy/core/serde` since 2026, `@smithy/util-stream` before), loaded on the first Invoke.
 */
export function loadBlobAdapter(): BlobAdapter {
  if (blob) return blob;
  const fromSdk = createRequire(createRequire(import.meta.url).resolve('@aws-sdk/client-lambda'));
  for (const id of ['@smithy/core/serde', '@smithy/util-stream']) {
    try {
      const adapter = (fromSdk(id) as { Uint8ArrayBlobAdapter?: { mutate: BlobAdapter } }).Uint8ArrayBlobAdapter;
      if (adapter) return (blob = (bytes) => adapter.mutate(bytes));
    } catch {
      // Not in this SDK version: try the next place.
    }
  }
  // Neither found: the bytes with the adapter's text method, which is what callers use.
  return (blob = (bytes) =>
    Object.assign(bytes, { transformToString: (encoding = 'utf-8') => new TextDecoder(encoding).decode(bytes) }));
}

/**
 * The SDK module, loaded synchronously (`bindClientMock` is synchronous) with `require`: it has no
 * `exports` map, so Node's `import` of it loads this same CommonJS build, and the command class and
 * exception classes are the ones the caller's code uses.
 */
export function loadSdk(): LambdaSdk {
  if (sdk) return sdk;
  try {
    sdk = createRequire(import.meta.url)('@aws-sdk/client-lambda') as LambdaSdk;
  } catch (cause) {
    throw new MisuseError(
      'lambda-cassette bindClientMock(): @aws-sdk/client-lambda could not be loaded; it is needed next to aws-sdk-client-mock',
      {
        cause,
      },
    );
  }
  return sdk;
}

/**
 * Throws when `client` (what aws-sdk-client-mock keeps as the mocked client: an instance, or the
 * prototype of the client class) is not a LambdaClient of the SDK loaded here: none of its commands
 * would be instances of the classes the stub is told about (vitest inlining the SDK).
 */
export function checkSameSdk(client: unknown, lambda: LambdaSdk): void {
  const LambdaClient = lambda['LambdaClient'] as (abstract new (...args: never[]) => unknown) | undefined;
  if (client === undefined || client === null || typeof client !== 'object' || typeof LambdaClient !== 'function')
    return;
  if (client === LambdaClient.prototype || client instanceof LambdaClient) return;
  const name = (client as { constructor?: { name?: unknown } }).constructor?.name;
  throw new ClientMockSdkMismatchError(typeof name === 'string' && name !== '' ? name : 'client', sdkLocation());
}

function sdkLocation(): string {
  try {
    return createRequire(import.meta.url).resolve('@aws-sdk/client-lambda');
  } catch {
    return '@aws-sdk/client-lambda';
  }
}
