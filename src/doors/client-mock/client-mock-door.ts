/**
 * The aws-sdk-client-mock door: makes a stub of `LambdaClient` answer every `InvokeAsyncCommand`
 * and every `InvokeCommand` (any invocation type) from a double; a caller's narrower
 * `stub.on(InvokeCommand, input)` still wins. aws-sdk-client-mock replaces `client.send`, so nothing of the SDK runs: the door
 * turns the command's input into a `WireRequest` (FunctionName URI-encoded into the path, the
 * InvokeArgs bytes as the body, the client's region in the host), and the engine's answer into what
 * the SDK would have resolved or thrown (see sdk-outcome.ts): its own exception classes, `$fault`,
 * `$metadata`, message. There are no retries here, as with any aws-sdk-client-mock stub.
 *
 * When the double sends requests on to the real endpoint (record, new-episodes, passthrough), the
 * command instead runs through the client's own middleware (serialization, signing, retries) into
 * `lambda.requestHandler`: the endpoint needs a signed request, and the cassette then holds exactly
 * what the other doors record.
 */
import { createRequire } from 'node:module';
import type { DoorPort } from '../../engine/door-port.js';
import { requestBodyBytes } from '../shared/request-body.js';
import { ClientMockSdkMismatchError } from '../../common/client-mock-errors.js';
import { invokeAsyncUrl, invokeUrl } from '../../wire/lambda-address.js';
import type { ServedOperation } from '../../wire/invoke-event.js';
import {
  invokeAsyncRejection,
  invokeAsyncResult,
  invokeResult,
  type BlobAdapter,
  type InvokeAsyncOutput,
  type InvokeOutput,
  type LambdaSdk,
} from '../shared/sdk-outcome.js';
import { InvalidOptionError, MisuseError } from '../../common/seal-errors.js';

/**
 * What `bindClientMock` needs of an aws-sdk-client-mock stub (`mockClient(LambdaClient)` or
 * `mockClient(client)`), typed structurally so lambda-cassette's types do not depend on a version
 * of aws-sdk-client-mock or @smithy/types.
 */
export interface ClientMockStub {
  on(command: never, input?: never): ClientMockBehavior;
}

/** The behaviour `stub.on(InvokeAsyncCommand)` returns. */
export interface ClientMockBehavior {
  callsFake(fake: (input: unknown, getClient: () => unknown) => unknown): unknown;
}

/** What aws-sdk-client-mock 2 to 4 keep on a stub and a behaviour, read when present. */
interface StubInternals {
  /** The client instance mocked, or the prototype of the client class. */
  client?: unknown;
}
interface BehaviorInternals {
  /** The sinon fake of this behaviour; its one matcher decides which commands it answers. */
  send?: { matchingArguments?: ({ test?: (actual: unknown) => boolean } | undefined)[] };
}

/** The fields of `InvokeAsyncCommandInput` (and of `InvokeCommandInput`: `Payload`, `Qualifier`) the door reads. */
interface InvokeAsyncInput {
  FunctionName?: unknown;
  InvokeArgs?: unknown;
  Payload?: unknown;
  Qualifier?: unknown;
  InvocationType?: unknown;
  LogType?: unknown;
}

/** The parts of a `LambdaClient` the door reads. */
interface StubbedClient {
  config?: Record<string, unknown> & { region?: unknown };
  middlewareStack?: unknown;
}

/** A Command as the SDK runs it inside `client.send()`. */
interface RunnableCommand {
  resolveMiddleware(
    stack: unknown,
    config: unknown,
    options: unknown,
  ): (command: unknown) => Promise<{ output: InvokeAsyncOutput | InvokeOutput }>;
}

let sdk: LambdaSdk | undefined;
let blob: BlobAdapter | undefined;

/**
 * The SDK's `Uint8ArrayBlobAdapter.mutate`, from the smithy package the SDK itself loads (in
 * `@smithy/core/serde` since 2026, `@smithy/util-stream` before), loaded on the first Invoke.
 */
function loadBlobAdapter(): BlobAdapter {
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
function loadSdk(): LambdaSdk {
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

/** The SDK's `extendedEncodeURIComponent`, which encodes an HTTP label such as FunctionName. */
function encodeLabel(value: string): string {
  if (/^[\w.~-]+$/.test(value)) return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// A client's region does not change: the SDK's region provider is asked once per client, and later
// calls read the answer without waiting.
const regions = new WeakMap<object, string>();

async function resolveRegion(client: StubbedClient | undefined, fallback: string): Promise<string> {
  if (!client) return fallback;
  const known = regions.get(client);
  if (known !== undefined) return known;
  const region = client.config?.region;
  try {
    const value: unknown = typeof region === 'function' ? await (region as () => Promise<unknown>)() : region;
    if (typeof value === 'string' && value !== '') {
      regions.set(client, value);
      return value;
    }
  } catch {
    // A client without a region still works with a stub; the double's default region stands in.
  }
  return fallback;
}

/**
 * What a stub is bound to. aws-sdk-client-mock (through sinon) keeps every fake it was given, and the
 * stack of its last call, as long as the stub's sinon sandbox lives, usually the whole test run,
 * `stub.reset()` or not. So the fake holds this, not the double: once the double closes, the binding
 * lets go of it.
 */
interface Binding {
  double?: DoorPort;
  /** The double's in-process SDK handler, for commands that must run through the client's middleware. */
  sdkHandler?: unknown;
  /** The label of the last double bound, for the error after it closed. */
  label: string;
}

const bindings = new WeakMap<object, Binding>();

/** The request the SDK would send for `input`: InvokeAsync, or Invoke with InvocationType Event. */
function wireOf(operation: ServedOperation, region: string, name: unknown, input: InvokeAsyncInput, body: Uint8Array) {
  const qualifier = operation === 'Invoke' && input.Qualifier != null ? String(input.Qualifier) : undefined;
  const encoded = encodeLabel(String(name));
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  // The SDK sends these headers only when the input sets them; no InvocationType means RequestResponse.
  if (operation === 'Invoke') {
    if (input.InvocationType != null) headers['x-amz-invocation-type'] = String(input.InvocationType);
    if (input.LogType != null) headers['x-amz-log-type'] = String(input.LogType);
  }
  return {
    method: 'POST',
    url: operation === 'Invoke' ? invokeUrl(region, encoded, qualifier) : invokeAsyncUrl(region, encoded),
    headers,
    body,
  };
}

async function answer(
  binding: Binding,
  lambda: LambdaSdk,
  operation: ServedOperation,
  input: InvokeAsyncInput,
  client: StubbedClient | undefined,
): Promise<InvokeAsyncOutput | InvokeOutput> {
  const double = binding.double;
  if (!double || double.closed) {
    throw new MisuseError(
      `lambda-cassette bindClientMock: the double (${binding.label}) this stub is bound to was closed; bind the stub to the next one`,
    );
  }
  if (double.reachesUpstream) return throughClient(binding.sdkHandler, lambda, operation, input, client);
  const name = input?.FunctionName;
  if (name === undefined || name === null) throw new Error('No value provided for input HTTP label: FunctionName.');
  const region = (client && regions.get(client)) || (await resolveRegion(client, double.settings.region));
  const args = operation === 'Invoke' ? input.Payload : input.InvokeArgs;
  // requestBodyBytes reads an absent payload as no bytes; strings and bytes, the usual payloads, need no await.
  const body =
    typeof args === 'string'
      ? Buffer.from(args, 'utf8')
      : args instanceof Uint8Array
        ? args
        : await requestBodyBytes(args, 'bindClientMock');
  const outcome = await double.handle(wireOf(operation, region, name, input, body));
  if (!outcome)
    throw new Error(
      `lambda-cassette bindClientMock: FunctionName ${JSON.stringify(name)} does not address ${operation}`,
    );
  if (outcome.kind !== 'response') throw invokeAsyncRejection(outcome);
  return operation === 'Invoke' ? invokeResult(lambda, outcome, loadBlobAdapter()) : invokeAsyncResult(lambda, outcome);
}

/** Runs the command through the client's real middleware, with the double as its HTTP handler. */
async function throughClient(
  sdkHandler: unknown,
  lambda: LambdaSdk,
  operation: ServedOperation,
  input: InvokeAsyncInput,
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
  checkSameSdk(stub, lambda);
  let binding = bindings.get(stub);
  if (!binding) bindings.set(stub, (binding = { label: double.settings.label }));
  const bound = binding;
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

/**
 * Points the stub's InvokeAsyncCommand and InvokeCommand at `binding`.
 * Out here, not in bindClientMock: a closure made there would hold the double for as long as the stub lives.
 */
function setFakes(stub: ClientMockStub, binding: Binding, lambda: LambdaSdk): void {
  const behavior = stub.on(lambda.InvokeAsyncCommand as never);
  const matcher = (behavior as BehaviorInternals).send?.matchingArguments?.[0];
  if (typeof matcher?.test !== 'function') {
    behavior.callsFake(fakeFor(binding, lambda, () => 'InvokeAsync') as never);
    stub.on(lambda.InvokeCommand as never).callsFake(fakeFor(binding, lambda, () => 'Invoke') as never);
    return;
  }
  // One fake for both commands: sinon compares every send with every fake of the stub, and a second
  // fake cost as much as everything the double does for a call. The fake sees only the command's
  // input, so the matcher notes which command it came from.
  const operations = new WeakMap<object, ServedOperation>();
  matcher.test = (actual) => {
    const operation =
      actual instanceof lambda.InvokeAsyncCommand
        ? 'InvokeAsync'
        : actual instanceof lambda.InvokeCommand
          ? 'Invoke'
          : undefined;
    const input = (actual as { input?: unknown } | undefined)?.input;
    if (operation && input !== null && typeof input === 'object') operations.set(input, operation);
    return operation !== undefined;
  };
  behavior.callsFake(
    fakeFor(
      binding,
      lambda,
      (input) => (input && operations.get(input)) ?? (input && 'InvokeArgs' in input ? 'InvokeAsync' : 'Invoke'),
    ) as never,
  );
}

/**
 * Throws when the client the stub mocks is not a LambdaClient of the SDK loaded here: none of its
 * commands would be instances of the classes the stub is told about (vitest inlining the SDK).
 */
function checkSameSdk(stub: ClientMockStub, lambda: LambdaSdk): void {
  const client = (stub as StubInternals).client;
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

/** The function the stub calls; made out here so that its closure holds the binding, never a double. */
function fakeFor(
  binding: Binding,
  lambda: LambdaSdk,
  operationOf: (input: InvokeAsyncInput | undefined) => ServedOperation,
) {
  return (input: InvokeAsyncInput, getClient?: () => StubbedClient | undefined) => {
    // aws-sdk-client-mock's getClient() reads the client of the latest send(): call it before any await.
    const client = typeof getClient === 'function' ? getClient() : undefined;
    return answer(binding, lambda, operationOf(input), input, client);
  };
}
