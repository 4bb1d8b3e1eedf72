/**
 * Where a request is going, as the doors that intercept this process's traffic (http/https, the SDK's
 * node handler) judge it: a public AWS Lambda host, the `endpoint` of an open double, an open
 * double's own loopback server, or any other host. Both doors claim the same requests and pick
 * the same double for them, so they share these rules.
 */
import type { DoorPort } from '../../engine/door-port.js';
import { isLambdaHost } from '../../wire/lambda-address.js';
import { isLoopbackOrigin } from './loopback-origins.js';
import { ambientDouble, contextDouble } from './route-by-context.js';

/** Where a request is going: an origin when the transport gives one, always a host name. */
export interface Destination {
  origin?: string;
  hostname: string;
}

/** What a host is to the doors: AWS Lambda, an open double's endpoint, a double's own loopback server, or any other. */
type HostKind = 'aws' | 'endpoint' | 'any' | 'loopback';

/** Whether `hostname` is a public AWS Lambda host (every region and partition). */
function isAwsLambdaHost(hostname: string): boolean {
  return isLambdaHost(hostname);
}

// A double's endpoints never change: their origins are parsed once.
const endpointUrls = new WeakMap<DoorPort, URL[]>();

function endpointsOf(double: DoorPort): URL[] {
  let urls = endpointUrls.get(double);
  if (!urls) endpointUrls.set(double, (urls = double.settings.endpoints.map((e) => new URL(e))));
  return urls;
}

/** Whether `where` is one of `double`'s configured endpoints (by origin, or by host name when that is all there is). */
function servesEndpoint(double: DoorPort, where: Destination): boolean {
  const urls = double.settings.endpoints.length === 0 ? undefined : endpointsOf(double);
  return (
    urls !== undefined &&
    urls.some((url) => (where.origin !== undefined ? url.origin === where.origin : url.hostname === where.hostname))
  );
}

/** What `where` is, given the doubles that are `open`. */
export function hostKind(open: readonly DoorPort[], where: Destination): HostKind {
  if (isLoopbackOrigin(where.origin)) return 'loopback';
  if (isAwsLambdaHost(where.hostname)) return 'aws';
  return open.some((d) => servesEndpoint(d, where)) ? 'endpoint' : 'any';
}

/**
 * The double a request for `where` belongs to: the double bound to the caller's async context; else
 * (the ambient double's flow, or outside every double) the double given this endpoint, the ambient
 * one first, then the newest; else the ambient double, else the newest (route-by-context.ts).
 */
export function doubleFor<D extends DoorPort>(open: readonly D[], where: Destination): D | undefined {
  const own = contextDouble(open);
  if (own) return own;
  const ambient = ambientDouble(open);
  const serving = open.findLast((d) => servesEndpoint(d, where));
  if (!serving) return ambient ?? open.at(-1);
  return ambient && servesEndpoint(ambient, where) ? ambient : serving;
}
