/**
 * The zero-configuration fast path for the AWS SDK v3: while a double is open, every SDK client in
 * the process whose handler is the SDK's own `NodeHttpHandler` (every `new LambdaClient(...)` not
 * given a `requestHandler`, made before or after the double opened) or `NodeHttp2Handler` hands its Lambda requests to
 * the engine in-process: no socket, no nock. The SDK still builds, signs, retries and parses for
 * real; the answer is what the `requestHandler` door gives (doors/shared/sdk-request.ts).
 *
 * How: `NodeHttpHandler.prototype.handle` (and `NodeHttp2Handler`'s) of every copy of the handler (node-handler-copies.ts) is
 * replaced while a double is open. smithy's client looks `handle` up on its handler at every
 * attempt, `cacheMiddleware` or not, so clients made earlier are covered too. The replacement
 * claims what the http/https door claims (doors/shared/claim.ts): every request to an AWS Lambda
 * host, Lambda API requests to a double's endpoint, InvokeAsync and Invoke Event to any other host; it leaves to
 * the original `handle` a double's own loopback server, Lambda calls the double does not serve
 * that a caller's own nock interceptor takes, and everything else; a served call a caller's nock
 * interceptor also matches is refused (doors/shared/claim.ts). Handlers that are not `NodeHttpHandler` (a caller's own
 * `requestHandler`, the fetch handler) are left alone: the http/https door stays behind them. The last
 * double to close puts every prototype back as it was.
 */
import type { DoorPort } from '../../engine/door-port.js';
import { isServedOperation } from '../../wire/lambda-operation.js';
import type { Destination } from '../shared/destination.js';
import { claim as claimRequest } from '../shared/claim.js';
import { nockConflict } from '../shared/caller-nock.js';
import { answerSdkRequest, type SdkHandlerOptions, type SdkHttpRequest } from '../shared/sdk-request.js';
import { attachPatches, openDoubles, type ProcessPatch, type Undo } from '../shared/door-registry.js';
import { replaceMethod } from '../shared/replace-method.js';
import { nodeHandlerPrototypes, type HandleFunction } from './node-handler-copies.js';

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** A destination as built for one protocol, host name and port. */
interface SeenDestination {
  protocol: string;
  port: number | undefined;
  where: Readonly<Destination>;
}

// A client sends to one host: the destination built for it is kept, and so is its origin string,
// whose hash the loopback check then finds computed. Keyed by host name, checked on protocol and port.
const SEEN_DESTINATIONS = new Map<string, SeenDestination>();
const SEEN_DESTINATIONS_KEPT = 64;

/** Where an SDK request is going, spelt as `new URL(...).origin` spells it. */
function destinationOf(request: SdkHttpRequest): Readonly<Destination> {
  const seen = SEEN_DESTINATIONS.get(request.hostname);
  if (seen !== undefined && seen.protocol === request.protocol && seen.port === request.port) return seen.where;
  const hostname = request.hostname.toLowerCase();
  const port = request.port && request.port !== DEFAULT_PORTS[request.protocol] ? `:${request.port}` : '';
  const where = Object.freeze({ origin: `${request.protocol}//${hostname}${port}`, hostname });
  if (SEEN_DESTINATIONS.size >= SEEN_DESTINATIONS_KEPT) SEEN_DESTINATIONS.clear();
  SEEN_DESTINATIONS.set(request.hostname, { protocol: request.protocol, port: request.port, where });
  return where;
}

const UPPER_CASE = /[A-Z]/;

/** `headers` with lower-case names: the same object when they all are (the SDK's are), else a copy. */
function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  let lower = true;
  for (const name in headers) {
    if (UPPER_CASE.test(name)) {
      lower = false;
      break;
    }
  }
  if (lower) return headers;
  const out: Record<string, string> = {};
  for (const name in headers) out[name.toLowerCase()] = headers[name]!;
  return out;
}

/** The double that answers `request` in-process, or `undefined` when it is not the door's to answer. */
function claim(request: SdkHttpRequest): { double: DoorPort; conflict?: Error } | undefined {
  const where = destinationOf(request);
  const headers = lowerCaseHeaders(request.headers);
  // Asked once: the claim takes the verdict (the same with or without a query on the path).
  const served = isServedOperation(request.method, request.path, headers);
  const double = claimRequest(openDoubles, { where, method: request.method, path: request.path, headers, served });
  if (!double) return undefined;
  const conflict = served ? nockConflict(double, request.method, where.origin!, request.path) : undefined;
  return conflict ? { double, conflict } : { double };
}

/**
 * The request as it would go over HTTP/1.1: a client built for `NodeHttp2Handler` names the host in
 * an `:authority` pseudo-header (the SDK's host-header middleware does, for h2), which a cassette
 * and a forwarded request spell `host`.
 */
function withoutPseudoHeaders(request: SdkHttpRequest): SdkHttpRequest {
  if (!(':authority' in request.headers)) return request;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === ':authority') headers['host'] ??= value;
    else if (!name.startsWith(':')) headers[name] = value;
  }
  return { ...request, headers };
}

/** A handler's `handle`, answering in-process what a double claims and handing the rest to `original`. */
function answering(original: HandleFunction): HandleFunction {
  return function handle(this: unknown, request: SdkHttpRequest, options?: SdkHandlerOptions): Promise<unknown> {
    const claimed = openDoubles.length === 0 ? undefined : claim(request);
    if (!claimed) return original.call(this, request as never, options as never);
    if (claimed.conflict) return Promise.reject(claimed.conflict);
    return answerSdkRequest(claimed.double, withoutPseudoHeaders(request), options, 'the SDK handler');
  } as HandleFunction;
}

function patchAll(): Undo[] {
  const undos: Undo[] = [];
  for (const proto of nodeHandlerPrototypes()) {
    const undo = replaceMethod(proto, 'handle', answering);
    if (undo) undos.push(undo);
  }
  return undos;
}

/** The `handle` patch: installed with the first double, refreshed (copies loaded since) by each later one. */
const SDK_HANDLER_PATCH: ProcessPatch = {
  name: 'sdk-node-handler',
  install() {
    const undos = patchAll();
    return () => undos.forEach((undo) => undo());
  },
  refresh: patchAll,
};

/** Routes every `NodeHttpHandler` request this process makes to Lambda (as above) to `double` until `close()`. */
export function attachSdkHandlerDoor(double: DoorPort): void {
  attachPatches(double, [SDK_HANDLER_PATCH]);
}
