/**
 * The aws-sdk-client-mock door: makes a stub of `LambdaClient` answer every `InvokeAsyncCommand`
 * and every `InvokeCommand` (any invocation type) from a double; a caller's narrower
 * `stub.on(InvokeCommand, input)` still wins. aws-sdk-client-mock replaces `client.send`, so nothing
 * of the SDK runs: the door turns the command's input into a `WireRequest` (invoke-wire.ts), and the
 * engine's answer into what the SDK would have resolved or thrown (double-answer.ts).
 *
 * When the double sends requests on to the real endpoint (record, new-episodes, passthrough), the
 * command instead runs through the client's own middleware (through-client.ts).
 */
import type { DoorPort } from '../../engine/door-port.js';
import { InvalidOptionError } from '../../common/seal-errors.js';
import type { Binding } from './double-answer.js';
import { checkSameSdk, loadSdk } from './lambda-sdk.js';
import { setFakes, type ClientMockStub } from './stub-fakes.js';

export type { ClientMockStub } from './stub-fakes.js';

/** What aws-sdk-client-mock 2 to 4 keep on a stub, read when present. */
interface StubInternals {
  /** The client instance mocked, or the prototype of the client class. */
  client?: unknown;
}

const bindings = new WeakMap<object, Binding>();

/**
 * Points `stub`'s InvokeAsyncCommand at `double`. The most recent binding of a stub wins.
 * `sdkHandler` is the double's in-process SDK handler, used when a command must be signed and sent.
 */
export function bindClientMock(double: DoorPort, stub: ClientMockStub, sdkHandler: unknown): void {
  if (!stub || typeof (stub as { on?: unknown }).on !== 'function') {
    throw new InvalidOptionError(
      "lambda-cassette bindClientMock(): pass the stub that aws-sdk-client-mock's mockClient(LambdaClient) returns",
    );
  }
  const lambda = loadSdk();
  checkSameSdk((stub as StubInternals).client, lambda);
  let binding = bindings.get(stub);
  if (!binding) bindings.set(stub, (binding = { label: double.settings.label }));
  const bound = binding;
  const taken = bound.double;
  if (taken && taken !== double && !taken.closed) taken.noteBindingTaken(double.settings.label);
  bound.double = double;
  bound.sdkHandler = sdkHandler;
  bound.label = double.settings.label;
  double.attach({
    detach() {
      if (bound.double !== double) return;
      bound.double = undefined;
      bound.sdkHandler = undefined;
    },
  });
  // Set again on every binding: the caller may have reset the stub since the last one. Every
  // InvokeCommand: a narrower `stub.on(InvokeCommand, input)` of the caller's made later still wins.
  setFakes(stub, bound, lambda);
}
