/**
 * How a stubbed command reaches the real endpoint when the double sends requests on (record,
 * new-episodes, passthrough): through the client's own middleware (serialization, signing, retries)
 * into the double's in-process SDK handler, so the endpoint gets a signed request and the cassette
 * holds exactly what the other doors record.
 */
import type { ServedOperation } from '../../wire/invoke-event.js';
import type { InvokeAsyncOutput, InvokeOutput, LambdaSdk } from '../shared/sdk-outcome.js';
import type { StubbedClient } from './client-region.js';
import type { InvokeInput } from './invoke-wire.js';

/** A Command as the SDK runs it inside `client.send()`. */
interface RunnableCommand {
  resolveMiddleware(
    stack: unknown,
    config: unknown,
    options: unknown,
  ): (command: unknown) => Promise<{ output: InvokeAsyncOutput | InvokeOutput }>;
}

/** Runs the command through the client's real middleware, with the double as its HTTP handler. */
export async function throughClient(
  sdkHandler: unknown,
  lambda: LambdaSdk,
  operation: ServedOperation,
  input: InvokeInput,
  client: StubbedClient | undefined,
): Promise<InvokeAsyncOutput | InvokeOutput> {
  if (!client?.config || !client.middlewareStack) {
    throw new Error(
      'lambda-cassette bindClientMock: recording or passing through needs the stubbed client, which this aws-sdk-client-mock ' +
        'does not hand to callsFake (use aws-sdk-client-mock 4 or later)',
    );
  }
  const command = new (operation === 'Invoke' ? lambda.InvokeCommand : lambda.InvokeAsyncCommand)(
    input,
  ) as RunnableCommand;
  const handler = command.resolveMiddleware(
    client.middlewareStack,
    { ...client.config, requestHandler: sdkHandler },
    undefined,
  );
  return (await handler(command)).output;
}
