/**
 * The door's interceptors in nock: on AWS Lambda hosts every method and path, so that requests the
 * double does not serve meet `onUnhandledRequest` instead of the network; on configured endpoints
 * every Lambda API path (`/<api version>/...`: an emulator such as moto or LocalStack serves other
 * services on the same port, and those are not the double's business); on any other host only
 * InvokeAsync (a POST under /2014-11-13/, the API version only InvokeAsync uses) and Invoke with
 * `X-Amz-Invocation-Type: Event`; and on an origin the caller has their own nock scope for, those
 * two interceptors added to the caller's scope, after theirs.
 */
import type { Interceptor, Options, Scope } from 'nock';
import { ClaimKey, callerOrigins, type Destination } from './nock-keys.js';
import { hideContentType } from './nock-request.js';
import { FORWARDED_HEADER } from '../../recording/forward-upstream.js';
import { INVOKE_ASYNC_FAMILY, INVOKE_PATH_FAMILY, LAMBDA_API_PATH } from '../../wire/lambda-address.js';

type Nock = typeof import('nock');
type ReplyFunction = (...args: never[]) => unknown;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
// Requests the door forwards itself carry FORWARDED_HEADER: its interceptors must let them pass.
const OPTIONS: Options = { allowUnmocked: true, badheaders: [FORWARDED_HEADER] };

/** The door's interceptors, and the keys they hang on (one pair of key objects per process). */
export interface InterceptorSet {
  awsKey: ClaimKey;
  endpointKey: ClaimKey;
  anyKey: ClaimKey;
  /** Everything currently added to nock, by the door. */
  added: Interceptor[];
  /** Interceptors added to callers' scopes, by origin. */
  inCallerScopes: Map<string, Interceptor[]>;
}

export function newInterceptorSet(): InterceptorSet {
  return {
    awsKey: new ClaimKey('^lambda-cassette-aws-lambda-hosts$'),
    endpointKey: new ClaimKey('^lambda-cassette-endpoints$'),
    anyKey: new ClaimKey('^lambda-cassette-any-host$'),
    added: [],
    inCallerScopes: new Map(),
  };
}

function keyOf(interceptor: Interceptor): string | undefined {
  return (interceptor as unknown as { _key?: string })._key;
}

function scope(nock: Nock, base: string | RegExp, options: Options): Scope {
  const s = nock(base, options).persist();
  s.on('request', hideContentType);
  return s;
}

/** Whether nock still holds every interceptor of `set` (a `cleanAll()` drops them all). */
export function stillInstalled(nock: Nock, set: InterceptorSet): boolean {
  if (set.added.length === 0) return false;
  const active = new Set(nock.activeMocks());
  return set.added.every((i) => active.has(keyOf(i) ?? ''));
}

/** Origins (and how nock spelt them) of the caller's own scopes: every active mock that is not the door's. */
export function callerScopeOrigins(nock: Nock, set: InterceptorSet): Map<string, string> {
  const ours = new Set(set.added.map(keyOf));
  return callerOrigins(nock.activeMocks().filter((key) => !ours.has(key)));
}

/** The served operations' interceptors on `s`: InvokeAsync, and Invoke of any invocation type (any query string). */
function servedInterceptors(s: Scope, reply: ReplyFunction): Interceptor[] {
  const invokeAsync = s.post(INVOKE_ASYNC_FAMILY);
  invokeAsync.reply(reply as never);
  const invokeEvent = s.post(INVOKE_PATH_FAMILY);
  invokeEvent.reply(reply as never);
  return [invokeAsync, invokeEvent];
}

/** Adds the door's InvokeAsync and Invoke Event interceptors to the caller's scope for `origin` (once). */
export function joinCallerScope(nock: Nock, set: InterceptorSet, origin: string, spelling: string, reply: ReplyFunction): void {
  if (set.inCallerScopes.has(origin)) return;
  // No allowUnmocked here: the caller's scope keeps its own answer to what nobody matches.
  const interceptors = servedInterceptors(scope(nock, spelling, { badheaders: [FORWARDED_HEADER] }), reply);
  set.inCallerScopes.set(origin, interceptors);
  set.added.push(...interceptors);
}

/** Puts every interceptor of `set` into nock (after a `cleanAll()`, or for the first double). */
export function install(nock: Nock, set: InterceptorSet, reply: ReplyFunction): void {
  uninstall(nock, set);
  for (const [key, path] of [[set.awsKey, /.*/], [set.endpointKey, LAMBDA_API_PATH]] as const) {
    const lambda = scope(nock, key, OPTIONS);
    for (const method of METHODS) {
      const interceptor = lambda.intercept(path, method);
      interceptor.reply(reply as never);
      set.added.push(interceptor);
    }
  }
  set.added.push(...servedInterceptors(scope(nock, set.anyKey, OPTIONS), reply));
  for (const [origin, spelling] of callerScopeOrigins(nock, set)) joinCallerScope(nock, set, origin, spelling, reply);
}

/** Takes every interceptor of `set` out of nock. */
export function uninstall(nock: Nock, set: InterceptorSet): void {
  for (const interceptor of set.added.splice(0)) nock.removeInterceptor(interceptor);
  set.inCallerScopes.clear();
}

/** Whether the caller has a scope for `where` (by origin, or by host name when nock gives only that). */
export function callerClaims(origins: Map<string, string>, where: Destination): [origin: string, spelling: string] | undefined {
  if (where.origin !== undefined) {
    const spelling = origins.get(where.origin);
    return spelling === undefined ? undefined : [where.origin, spelling];
  }
  for (const [origin, spelling] of origins) if (new URL(origin).hostname === where.hostname) return [origin, spelling];
  return undefined;
}
