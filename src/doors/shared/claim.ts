/**
 * Which open double a request is for, the one rule every door applies: every request to an AWS
 * Lambda host, Lambda API requests to a double's `endpoint`, InvokeAsync and Invoke to any other
 * host. Left to the client: a double's own loopback server, other Lambda APIs a caller's own nock
 * interceptor takes (a served call it also matches is refused by the door: `nockConflict`), and
 * everything else.
 */
import type { DoorPort } from '../../engine/door-port.js';
import { isLambdaApiRequest, isServedOperation } from '../../wire/lambda-operation.js';
import { doubleFor, hostKind, type Destination } from './destination.js';
import { callerNockTakes } from './caller-nock.js';

/** A request as the claim reads it: where it goes, method, path (query included or not) and lower-case headers. */
interface ClaimedRequest {
  where: Destination;
  method: string;
  path: string;
  headers: Readonly<Record<string, string>>;
  /** `isServedOperation` of the request, when the door already asked (it asks from the whole path). */
  served?: boolean;
}

/** The path of `pathWithQuery`, without its query string. */
function pathnameOf(pathWithQuery: string): string {
  const q = pathWithQuery.indexOf('?');
  return q < 0 ? pathWithQuery : pathWithQuery.slice(0, q);
}

/** Whether a request for `where` could be claimed at all: cheap, before headers are read. */
export function mayClaim(open: readonly DoorPort[], where: Destination, path: string): boolean {
  if (open.length === 0) return false;
  const kind = hostKind(open, where);
  if (kind === 'loopback') return false;
  // InvokeAsync, Invoke and every other Lambda API path have an API version, after any prefix an
  // endpoint or a doubled slash put in front of it (`/stage/2014-11-13/...`, `//2014-11-13/...`).
  return kind !== 'any' || API_VERSION_SEGMENT.test(path);
}

const API_VERSION_SEGMENT = /\/\d{4}-\d\d-\d\d\//;

/**
 * The double that answers `request`, or `undefined` when it is not a double's. `nockSees` says
 * whether nock would see the request if left alone (so a caller's nock interceptor for another
 * Lambda API keeps it); nock never sees `http2` or an undici dispatcher, so those doors pass `false`.
 */
export function claim(open: readonly DoorPort[], request: ClaimedRequest, nockSees = true): DoorPort | undefined {
  if (open.length === 0) return undefined;
  const { where, method } = request;
  const kind = hostKind(open, where);
  if (kind === 'loopback') return undefined;
  const path = pathnameOf(request.path);
  const served = request.served ?? isServedOperation(method, path);
  // Headers are read only here: the http door reads a call's headers only if it comes to this.
  if (!served && kind !== 'aws' && (kind === 'any' || !isLambdaApiRequest(path, request.headers))) return undefined;
  // Another Lambda API a caller's own nock interceptor mocks is theirs to answer; a served call it
  // also matches is refused by the door (nockConflict).
  if (nockSees && !served && where.origin !== undefined && callerNockTakes(where.origin, method, request.path))
    return undefined;
  return doubleFor(open, where);
}
