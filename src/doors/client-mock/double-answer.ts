/**
 * What a stubbed `send()` resolves to or throws: the command's input as the request the SDK would
 * send, answered by the double the stub is bound to, and the engine's answer as what the SDK would
 * have resolved or thrown (see sdk-outcome.ts). There are no retries here, as with any
 * aws-sdk-client-mock stub.
 */
import type { DoorPort } from '../../engine/door-port.js';
import type { ServedOperation } from '../../wire/invoke-event.js';
import type { WireOutcome } from '../../wire/wire-types.js';
import { MisuseError } from '../../common/seal-errors.js';
import { promised } from '../../common/maybe-promise.js';
import { requestBodyBytes } from '../shared/request-body.js';
import {
  invokeAsyncAccepted,
  invokeAsyncRejection,
  invokeAsyncResult,
  invokeResult,
  type InvokeAsyncOutput,
  type InvokeOutput,
  type LambdaSdk,
} from '../shared/sdk-outcome.js';
import { knownRegion, resolveRegion, type StubbedClient } from './client-region.js';
import { invocationOf, wireOf, type InvokeInput } from './invoke-wire.js';
import { bodyBytes, isWellFormed } from '../../wire/parse-request.js';
import { loadBlobAdapter } from './lambda-sdk.js';
import { throughClient } from './through-client.js';

/**
 * What a stub is bound to. aws-sdk-client-mock (through sinon) keeps every fake it was given, and the
 * stack of its last call, as long as the stub's sinon sandbox lives, usually the whole test run,
 * `stub.reset()` or not. So the fake holds this, not the double: once the double closes, the binding
 * lets go of it.
 */
export interface Binding {
  double?: DoorPort;
  /** The double's in-process SDK handler, for commands that must run through the client's middleware. */
  sdkHandler?: unknown;
  /** The label of the last double bound, for the error after it closed. */
  label: string;
}

/**
 * What `client.send(command)` gives for a command of `operation` with `input`, sent by `client`.
 *
 * A chain of `then`, not an async function, as the engine's `handle`: with the client's region
 * known and a string or bytes payload (nearly every call) nothing here needs an await.
 */
export function answer(
  binding: Binding,
  lambda: LambdaSdk,
  operation: ServedOperation,
  input: InvokeInput,
  client: StubbedClient | undefined,
): Promise<InvokeAsyncOutput | InvokeOutput> {
  try {
    const double = binding.double;
    if (!double || double.closed) {
      throw new MisuseError(
        `lambda-cassette bindClientMock: the double (${binding.label}) this stub is bound to was closed; bind the stub to the next one`,
      );
    }
    if (double.reachesUpstream) return throughClient(binding.sdkHandler, lambda, operation, input, client);
    const name = input?.FunctionName;
    if (name === undefined || name === null) throw new Error('No value provided for input HTTP label: FunctionName.');
    const region = knownRegion(client);
    const args = operation === 'Invoke' ? input.Payload : input.InvokeArgs;
    if (region !== undefined && (typeof args === 'string' || args instanceof Uint8Array))
      return answerInput(double, lambda, operation, region, input, args);
    // requestBodyBytes reads an absent payload as no bytes.
    return Promise.all([
      region ?? resolveRegion(client, double.settings.region),
      requestBodyBytes(args, 'bindClientMock'),
    ]).then(([resolved, body]) => answerInput(double, lambda, operation, resolved, input, body));
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/**
 * The engine's answer to the request the SDK would send for `input`, as the SDK would give it. A
 * string payload stays a string (the engine encodes it only if it needs the bytes), unless it is not
 * well-formed, when it is encoded as the SDK would.
 */
function answerInput(
  double: DoorPort,
  lambda: LambdaSdk,
  operation: ServedOperation,
  region: string,
  input: InvokeInput,
  args: string | Uint8Array,
): Promise<InvokeAsyncOutput | InvokeOutput> {
  const name = input.FunctionName;
  const payload = typeof args === 'string' && !isWellFormed(args) ? Buffer.from(args, 'utf8') : args;
  const request = invocationOf(operation, region, name, input, payload, double.settings.region);
  if (!request)
    throw new Error(
      `lambda-cassette bindClientMock: FunctionName ${JSON.stringify(name)} does not address ${operation}`,
    );
  if (operation === 'InvokeAsync') {
    const accepted = double.acceptAtOnce(request);
    if (accepted !== undefined) return Promise.resolve(invokeAsyncAccepted(accepted));
  }
  const wire = () =>
    wireOf(operation, region, name, input, bodyBytes(payload), typeof args === 'string' ? args : undefined);
  const sdkAnswer = (outcome: WireOutcome): InvokeAsyncOutput | InvokeOutput => {
    if (outcome.kind !== 'response') throw invokeAsyncRejection(outcome);
    return operation === 'Invoke'
      ? invokeResult(lambda, outcome, loadBlobAdapter())
      : invokeAsyncResult(lambda, outcome);
  };
  return promised(double.answerParsed(request, wire), sdkAnswer);
}
