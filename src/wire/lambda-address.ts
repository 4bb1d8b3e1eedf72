/**
 * Where Lambda lives on the wire: the public host pattern, the InvokeAsync and Invoke paths, and the URLs a
 * client would send to. The doors, the request parser and the client-mock door all read these, so
 * a new host form or path is taught here once.
 */

import { boundedMemo } from '../common/bounded-memo.js';
import { LAMBDA_ENDPOINTS } from './lambda-endpoints.generated.js';
import { readSdkEndpointData, type LambdaEndpointData, type PartitionData } from './sdk-endpoint-data.js';

/**
 * The endpoint data every host question is answered from: the installed SDK's, read once at load,
 * else the table generated from the SDK at build time. Partitions the SDK knows and the table does
 * not (a newer SDK) are added, never dropped: a host of either is a Lambda host.
 */
function endpointData(): LambdaEndpointData {
  const sdk = readSdkEndpointData();
  if (!sdk) return LAMBDA_ENDPOINTS;
  const ids = new Set(sdk.partitions.map((p) => p.id));
  return {
    hostTemplates: [...new Set([...sdk.hostTemplates, ...LAMBDA_ENDPOINTS.hostTemplates])],
    partitions: [...sdk.partitions, ...LAMBDA_ENDPOINTS.partitions.filter((p) => !ids.has(p.id))],
  };
}

const ENDPOINTS = endpointData();
const REGION_PATTERNS = ENDPOINTS.partitions.map((p) => ({ partition: p, pattern: new RegExp(p.regionRegex) }));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The SDK's own lookup: a region listed by a partition first, then the partitions' region patterns, then `aws`.
function partitionRow(region: string): PartitionData {
  return (
    ENDPOINTS.partitions.find((p) => p.regions.includes(region)) ??
    REGION_PATTERNS.find((r) => r.pattern.test(region))?.partition ??
    ENDPOINTS.partitions.find((p) => p.id === 'aws') ?? {
      id: 'aws',
      dnsSuffix: 'amazonaws.com',
      dualStackDnsSuffix: 'api.aws',
      regionRegex: '',
      regions: [],
    }
  );
}

/** The partition a region belongs to (`aws`, `aws-cn`, `aws-us-gov`, `aws-eusc`, `aws-iso`, ...). */
export function partitionOf(region: string): string {
  return partitionRow(region).id;
}

/**
 * The host of every Lambda endpoint the SDK can resolve, in every partition: each template of the
 * client's endpoint rules (`lambda.` and `lambda-fips.`, on the partition's `dnsSuffix` or its
 * dual-stack suffix such as `api.aws`), an interface VPC endpoint of Lambda
 * (`vpce-<id>[-<zone>].lambda.<region>.vpce.<dnsSuffix>`), any letter case, with or without the
 * trailing dot of a fully qualified name. Group 1 is the region.
 */
export const LAMBDA_HOST = lambdaHostPattern(ENDPOINTS);

function lambdaHostPattern(data: LambdaEndpointData): RegExp {
  const prefixes = new Set<string>();
  const suffixes = new Set<string>();
  for (const template of data.hostTemplates) {
    const [prefix, , suffix] = template.split('.');
    prefixes.add(escape(prefix!));
    for (const p of data.partitions)
      suffixes.add(escape(suffix === '{dualStackDnsSuffix}' ? p.dualStackDnsSuffix : p.dnsSuffix));
  }
  for (const p of data.partitions) suffixes.add(`vpce\\.${escape(p.dnsSuffix)}`);
  const byLength = (set: Iterable<string>) => [...set].sort((a, b) => b.length - a.length).join('|');
  // One pattern, one group for the region: a VPC endpoint's `vpce-...` label is allowed before any form.
  return new RegExp(
    `^(?:vpce-[a-z0-9]+(?:-[a-z0-9-]+)?\\.)?(?:${byLength(prefixes)})\\.([a-z0-9-]+)\\.(?:${byLength(suffixes)})\\.?$`,
    'i',
  );
}

/**
 * The region part of `host` as written (group 1 of {@link LAMBDA_HOST}, any case), or `undefined`
 * when `host` is not a Lambda host. {@link LAMBDA_HOST} has an alternative per partition and form,
 * and every request asks it twice (claim, then region): a process sends to a few hosts.
 */
export const lambdaHostRegionPart: (host: string) => string | undefined = boundedMemo(
  256,
  (host) => LAMBDA_HOST.exec(host)?.[1],
);

/** The region of a Lambda host (any form of {@link LAMBDA_HOST}), or `undefined` for any other host. */
export function lambdaHostRegion(host: string): string | undefined {
  return lambdaHostRegionPart(host)?.toLowerCase();
}

/** Whether `hostname` is a Lambda host of any partition, in any of its forms (see {@link LAMBDA_HOST}). */
export function isLambdaHost(hostname: string): boolean {
  return lambdaHostRegionPart(hostname) !== undefined;
}

/**
 * What may come before a Lambda API path and still name it, as the service and moto read it: doubled
 * slashes (`//2014-11-13/...`, from an endpoint ending in `/` or a `fetch` base joined with a
 * leading `/`) and a path prefix (`http://host/prefix` as an endpoint: the SDK appends the API path
 * to it). Every repetition takes slashes then a segment without one, so matching stays linear.
 */
const API_PREFIX = String.raw`(?:\/+[^/?#]+)*?\/+`;
const API_VERSION = String.raw`\d{4}-\d\d-\d\d\/`;
const BEFORE_API_PATH = new RegExp(`^${API_PREFIX}(?=${API_VERSION})`);

/**
 * `pathname` from its API version on (`/2014-11-13/functions/f/invoke-async` from
 * `//prefix//2014-11-13/functions/f/invoke-async`), as {@link INVOKE_ASYNC_PATH} and
 * {@link INVOKE_PATH} read it; any other path unchanged.
 */
export function apiPath(pathname: string): string {
  // The SDK's own paths (the common case) already start with the API version.
  return /^\/\d/.test(pathname) ? pathname : pathname.replace(BEFORE_API_PATH, '/');
}

/** The InvokeAsync path (see {@link apiPath}), with or without aws-sdk v2's trailing slash; group 1 is the encoded FunctionName. */
export const INVOKE_ASYNC_PATH = /^\/2014-11-13\/functions\/([^/]+)\/invoke-async\/?$/;

/**
 * Paths of InvokeAsync's API version, after any prefix (see {@link apiPath}). InvokeAsync is the only operation of 2014-11-13, so a POST
 * under it is an InvokeAsync whatever became of its FunctionName segment ('' or dot segments).
 */
export const INVOKE_ASYNC_FAMILY = new RegExp(`^${API_PREFIX}2014-11-13\\/`);

/** The Invoke path (API version 2015-03-31); group 1 is the encoded FunctionName. Served only with `X-Amz-Invocation-Type: Event`. */
export const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/;

/**
 * Invoke paths as the doors test them before parsing, with any query string (`?Qualifier=prod`)
 * still on: a FunctionName segment of any kind, also '' (`/functions//invocations`) and the forms
 * URL parsing leaves of '.' and '..' (`/functions/invocations`, `/invocations`). With
 * `X-Amz-Invocation-Type: Event` such a request is the double's on any host: the service answers the
 * broken names with a validation error, so they must not reach the network.
 */
export const INVOKE_PATH_FAMILY = new RegExp(
  `^${API_PREFIX}2015-03-31\\/(?:functions\\/(?:[^/?]*\\/)?)?invocations\\/?(?:\\?|$)`,
);

/** Paths of Lambda's REST API: an API version first (`/2015-03-31/functions/...`), after any prefix. */
export const LAMBDA_API_PATH = new RegExp(`^${API_PREFIX}${API_VERSION}`);

/** The public Lambda host of `region` (`.com.cn` in China, the partition's own suffix elsewhere). */
export function lambdaHost(region: string): string {
  return `lambda.${region}.${partitionRow(region).dnsSuffix}`;
}

/** The URL an SDK sends InvokeAsync to for `functionName` (already URI-encoded) in `region`. */
export function invokeAsyncUrl(region: string, encodedFunctionName: string): string {
  return `https://${lambdaHost(region)}/2014-11-13/functions/${encodedFunctionName}/invoke-async`;
}

/** The URL an SDK sends `Invoke` to for `functionName` (already URI-encoded), with `?Qualifier=` when given. */
export function invokeUrl(region: string, encodedFunctionName: string, qualifier?: string): string {
  const query = qualifier === undefined ? '' : `?Qualifier=${encodeURIComponent(qualifier)}`;
  return `https://${lambdaHost(region)}/2015-03-31/functions/${encodedFunctionName}/invocations${query}`;
}

/** `name:qualifier`, or the name alone: how every message labels a function. */
export function functionLabel(target: { functionName: string; qualifier?: string | undefined }): string {
  return target.qualifier ? `${target.functionName}:${target.qualifier}` : target.functionName;
}
