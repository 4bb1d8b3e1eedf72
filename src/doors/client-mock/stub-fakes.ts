/**
 * The fakes a stub calls for `InvokeAsyncCommand` and `InvokeCommand`. Made out here, not in
 * `bindClientMock`: a closure made there would hold the double for as long as the stub lives; these
 * hold only the binding.
 */
import type { ServedOperation } from '../../wire/invoke-event.js';
import type { LambdaSdk } from '../shared/sdk-outcome.js';
import type { StubbedClient } from './client-region.js';
import { answer, type Binding } from './double-answer.js';
import type { InvokeInput } from './invoke-wire.js';

/**
 * What `bindClientMock` needs of an aws-sdk-client-mock stub (`mockClient(LambdaClient)` or
 * `mockClient(client)`), typed structurally so lambda-cassette's types do not depend on a version
 * of aws-sdk-client-mock or @smithy/types.
 */
export interface ClientMockStub {
  on(command: never, input?: never): ClientMockBehavior;
}

/** The behaviour `stub.on(InvokeAsyncCommand)` returns. */
interface ClientMockBehavior {
  callsFake(fake: (input: unknown, getClient: () => unknown) => unknown): unknown;
}

/** What aws-sdk-client-mock 2 to 4 keep on a behaviour, read when present. */
interface BehaviorInternals {
  /** The sinon fake of this behaviour; its one matcher decides which commands it answers. */
  send?: { matchingArguments?: ({ test?: (actual: unknown) => boolean } | undefined)[] };
}

/** Points the stub's InvokeAsyncCommand and InvokeCommand at `binding`. */
export function setFakes(stub: ClientMockStub, binding: Binding, lambda: LambdaSdk): void {
  const behavior = stub.on(lambda.InvokeAsyncCommand as never);
  const matcher = (behavior as BehaviorInternals).send?.matchingArguments?.[0];
  if (typeof matcher?.test !== 'function') {
    behavior.callsFake(fakeFor(binding, lambda, () => 'InvokeAsync') as never);
    stub.on(lambda.InvokeCommand as never).callsFake(fakeFor(binding, lambda, () => 'Invoke') as never);
    return;
  }
  // One fake for both commands: sinon compares every send with every fake of the stub, and a second
  // fake cost as much as everything the double does for a call. The fake sees only the command's
  // input; sinon tests the command against the matcher just before it calls the fake, in the same
  // synchronous run, so the matcher notes the command it accepted last and the fake reads it from
  // there when the input is that command's.
  let lastInput: unknown;
  let lastOperation: ServedOperation = 'InvokeAsync';
  matcher.test = (actual) => {
    const operation =
      actual instanceof lambda.InvokeAsyncCommand
        ? 'InvokeAsync'
        : actual instanceof lambda.InvokeCommand
          ? 'Invoke'
          : undefined;
    if (operation === undefined) return false;
    lastInput = (actual as { input?: unknown }).input;
    lastOperation = operation;
    return true;
  };
  behavior.callsFake(
    fakeFor(binding, lambda, (input) =>
      input !== undefined && input === lastInput
        ? lastOperation
        : input && 'InvokeArgs' in input
          ? 'InvokeAsync'
          : 'Invoke',
    ) as never,
  );
}

/** The function the stub calls; its closure holds the binding, never a double. */
function fakeFor(
  binding: Binding,
  lambda: LambdaSdk,
  operationOf: (input: InvokeInput | undefined) => ServedOperation,
) {
  return (input: InvokeInput, getClient?: () => StubbedClient | undefined) => {
    // aws-sdk-client-mock's getClient() reads the client of the latest send(): call it before any await.
    const client = typeof getClient === 'function' ? getClient() : undefined;
    return answer(binding, lambda, operationOf(input), input, client);
  };
}
