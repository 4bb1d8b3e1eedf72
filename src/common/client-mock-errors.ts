import { LambdaCassetteError } from './errors.js';

/**
 * `bindClientMock(stub)` was given a stub of a `LambdaClient` that is not from the copy of
 * @aws-sdk/client-lambda lambda-cassette loads: its commands would never match, and `send` would
 * resolve `undefined`. vitest does this when it inlines the SDK (`server.deps.inline`, or any
 * project under a folder named `es` or `esm`): the test then imports the SDK's ES module build, a
 * second copy with classes of its own.
 */
export class ClientMockSdkMismatchError extends LambdaCassetteError {
  declare readonly code: 'LC_CLIENT_MOCK_SDK_MISMATCH';
  constructor(
    /** The class name of the client the stub mocks. */
    readonly clientName: string,
    /** Where lambda-cassette loaded @aws-sdk/client-lambda from. */
    readonly loadedFrom: string,
  ) {
    super(
      'LC_CLIENT_MOCK_SDK_MISMATCH',
      'ClientMockSdkMismatchError',
      `lambda-cassette bindClientMock(): the ${clientName} this stub mocks is not a LambdaClient of the @aws-sdk/client-lambda ` +
        `lambda-cassette loads (${loadedFrom}), so no command sent through it would reach the double. vitest loads a second copy ` +
        'of the SDK when it inlines it: remove @aws-sdk/client-lambda from test.server.deps.inline, and when the project sits ' +
        "under a folder named 'es' or 'esm' add test: { server: { deps: { external: [/@aws-sdk\\//, /@smithy\\//] } } } to the vitest config. " +
        'Or drop the stub: a plain LambdaClient reaches the double with no set-up.',
    );
  }
}
