/**
 * Which open double an http/https or fetch request is for: every request to an AWS Lambda host,
 * Lambda API requests to a double's `endpoint`, InvokeAsync and Invoke Event to any other host (the
 * SDK door claims the same, shared/destination.ts). A caller's own nock interceptor keeps the
 * Lambda calls a double does not serve; on a call a double serves it is a conflict, refused loudly.
 */
import type { DoorPort } from '../../engine/door-port.js';
import { isLambdaApiRequest, isServedOperation } from '../../wire/lambda-operation.js';
import { doubleFor, hostKind } from '../shared/destination.js';
import { callerNockTakes } from '../shared/caller-nock.js';
import type { RequestTarget } from './request-target.js';

/** The double that answers `target`, or `undefined` when the request is not a double's. */
export function claimHttpRequest(open: readonly DoorPort[], target: RequestTarget): DoorPort | undefined {
  const where = { origin: target.origin, hostname: target.hostname };
  const kind = hostKind(open, where);
  if (kind === 'loopback') return undefined;
  const served = isServedOperation(target.method, target.pathname, target.headers);
  if (!served) {
    if (kind === 'any' || (kind === 'endpoint' && !isLambdaApiRequest(target.pathname, target.headers))) return undefined;
    // Another Lambda API on a host the caller mocks with nock: theirs to answer.
    if (callerNockTakes(target.origin, target.method, target.path)) return undefined;
  }
  return doubleFor(open, where);
}
