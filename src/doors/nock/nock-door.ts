/**
 * The door for every Node HTTP client (API §8): while a double is open, nock hands it InvokeAsync
 * requests to ANY host, and every request to a Lambda host (AWS's, or a configured endpoint); what
 * the double does not serve meets its `onUnhandledRequest`. Other traffic passes untouched, and the
 * caller's own nock scopes keep answering theirs.
 */
import type { DoorPort } from '../../engine/door-port.js';
import { faultError } from '../shared/transport-faults.js';
import { forwardUpstream } from '../../recording/forward-upstream.js';
import { CONNECTION_HEADERS } from '../../wire/wire-types.js';
import { InterceptionLostError, NockRuntimeError } from '../../common/errors.js';
import type { Destination } from './nock-keys.js';
import { fromFetchRequest, fromNock14, type Nock14Request } from './nock-request.js';
import { callerClaims, callerScopeOrigins, install, joinCallerScope, newInterceptorSet, stillInstalled, uninstall, type InterceptorSet } from './nock-interceptors.js';
import { guardNock, releaseNock, type PassingRequest } from './nock-guard.js';
import { isLambdaApiRequest, isServedOperation } from '../../wire/lambda-operation.js';
import { INVOKE_ASYNC_FAMILY } from '../../wire/lambda-address.js';
import { installedNockVersion, nockRuntimeProblem } from './nock-runtime.js';
import { doubleFor as routeTo, hostKind, type HostKind } from '../shared/destination.js';
import { InvalidOptionError } from '../../common/seal-errors.js';

type Nock = typeof import('nock');

interface DoorState {
  /** Doubles that are open, newest last; see doubleFor for which one answers a request. */
  open: DoorPort[];
  nock?: Promise<Nock>;
  module?: Nock;
  set: InterceptorSet;
}

// Kept on globalThis so the ESM and CJS builds (dual-package hazard) share one registry.
const STATE_KEY = Symbol.for('lambda-cassette.nock-door.v2');
const state: DoorState = ((globalThis as Record<symbol, unknown>)[STATE_KEY] as DoorState | undefined) ??
  ((globalThis as Record<symbol, unknown>)[STATE_KEY] = { open: [], set: newInterceptorSet() } satisfies DoorState);
const { open, set } = state;

function loadNock(): Promise<Nock> {
  state.nock ??= (async () => {
    const problem = nockRuntimeProblem(installedNockVersion() ?? '0', process.versions.node);
    if (problem) throw new NockRuntimeError(problem);
    const m = await import('nock');
    return ((m as { default?: Nock }).default ?? m) as Nock;
  })();
  state.nock.catch(() => (state.nock = undefined));
  return state.nock;
}

function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    throw new InvalidOptionError(`lambda-cassette: option "endpoint" must be an absolute URL, got "${endpoint}"`);
  }
}

/** What a host is to the door: AWS Lambda, an open double's endpoint, a double's own loopback server, or any other. */
function kindOf(where: Destination): HostKind {
  return hostKind(open, where);
}

/** The double a request is for (see shared/destination.ts). */
function doubleFor(where: Destination): DoorPort | undefined {
  return routeTo(open, where);
}

/** Whether a scope key should take `where`: open doubles only, and never over a caller's own scope. */
function claims(kind: HostKind) {
  return (where: Destination): boolean => {
    const nock = state.module;
    if (open.length === 0 || !nock || kindOf(where) !== kind) return false;
    const caller = callerClaims(callerScopeOrigins(nock, set), where);
    if (caller) joinCallerScope(nock, set, caller[0], caller[1], reply);
    return caller === undefined;
  };
}
set.awsKey.claims = claims('aws');
set.endpointKey.claims = claims('endpoint');
set.anyKey.claims = claims('any');

function withoutConnectionHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!CONNECTION_HEADERS.has(name.toLowerCase())) out[name] = value;
  return out;
}

// nock 14 calls reply functions with (path, body) and the request on `this.req`; nock 15 with a
// Fetch API Request. Either way the body is read raw (see nock-request.ts).
async function reply(this: { req?: Nock14Request; method?: string }, first: string | Request): Promise<[number, Buffer, Record<string, string>]> {
  const { wire, url } =
    typeof first === 'string' ? fromNock14(this.req!, first, this.req?.method ?? this.method ?? 'POST') : await fromFetchRequest(first);
  const double = doubleFor({ origin: url.origin, hostname: url.hostname });
  if (!double) throw Object.assign(new Error('lambda-cassette: no open double accepts this request'), { code: 'ECONNREFUSED' });
  const outcome = await double.handle(wire);
  if (outcome) {
    if (outcome.kind === 'fault') throw faultError(outcome.fault);
    if (outcome.kind === 'failure') throw outcome.error;
    return [outcome.status, Buffer.from(outcome.body), outcome.headers];
  }
  const verdict = double.judgeUnhandled(wire);
  if (!verdict.bypass) throw verdict.error;
  const forwarded = await forwardUpstream(wire);
  return [forwarded.status, Buffer.from(forwarded.body), withoutConnectionHeaders(forwarded.headers)];
}

/**
 * Whether nock is on and a scope of the caller's own takes requests for `where`: the door joins
 * such a scope after the caller's interceptors, and other doors leave those requests to nock.
 */
export function callerNockScopeFor(where: Destination): boolean {
  const nock = state.module;
  return nock !== undefined && nock.isActive() && callerClaims(callerScopeOrigins(nock, set), where) !== undefined;
}

/** Lambda traffic nock is about to let through to the network while a double is open. */
function stop(request: PassingRequest, where: Destination): void {
  const kind = kindOf(where);
  if (kind === 'loopback') return;
  const path = request.url.pathname;
  // The same test as the door's interceptors (and the SDK door's claim): broken names included.
  const served = isServedOperation(request.method, path, request.headers);
  const lambda = kind === 'aws' || (kind === 'endpoint' && isLambdaApiRequest(path, request.headers));
  if (!served && !lambda) return;
  const double = doubleFor(where);
  if (!double) return;
  const wire = { method: request.method, url: request.url.href, headers: request.headers, body: new Uint8Array() };
  if (served) {
    const nock = state.module;
    if (nock && !stillInstalled(nock, set)) install(nock, set, reply);
    const error = new InterceptionLostError(
      double.settings.label,
      `an ${INVOKE_ASYNC_FAMILY.test(path) ? 'InvokeAsync' : 'Invoke Event'} request (POST ${request.url.href}) reached nock's pass-through: nock.cleanAll(), or a nock scope of yours for ${request.url.origin}, kept lambda-cassette's interceptor from it`,
    );
    double.noteInterference(error);
    throw error;
  }
  const verdict = double.judgeUnhandled(wire);
  if (!verdict.bypass) throw verdict.error;
}

const hooks = { active: () => open.length > 0, reinstall: () => state.module && install(state.module, set, reply), stop };

/** Starts routing this process's InvokeAsync HTTP traffic (and its Lambda traffic) to `double` until `close()`. */
export async function attachNockDoor(double: DoorPort): Promise<void> {
  double.settings.endpoints.forEach(originOf);
  const nock = await loadNock();
  state.module = nock;
  guardNock(nock, hooks);
  if (!stillInstalled(nock, set)) install(nock, set, reply);
  open.push(double);
  double.attach({
    detach: () => {
      const index = open.indexOf(double);
      if (index >= 0) open.splice(index, 1);
      if (!nock.isActive()) {
        double.noteInterference(new InterceptionLostError(double.settings.label, 'nock.restore() (or nock.back in record mode) turned nock off'));
      }
      if (open.length > 0) return;
      uninstall(nock, set);
      releaseNock(nock);
    },
  });
}
