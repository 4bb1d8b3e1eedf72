/**
 * Where Lambda lives on the wire: the public host pattern, the InvokeAsync and Invoke paths, and the URLs a
 * client would send to. The doors, the request parser and the client-mock door all read these, so
 * a new host form or path is taught here once.
 */

/**
 * AWS partitions by region prefix, with their DNS suffix (the SDK's partition table); the first
 * matching row wins, `aws` when none does.
 */
const PARTITIONS: ReadonlyArray<{ prefix: string; partition: string; dnsSuffix: string }> = [
  { prefix: 'cn-', partition: 'aws-cn', dnsSuffix: 'amazonaws.com.cn' },
  { prefix: 'us-gov-', partition: 'aws-us-gov', dnsSuffix: 'amazonaws.com' },
  { prefix: 'us-iso-', partition: 'aws-iso', dnsSuffix: 'c2s.ic.gov' },
  { prefix: 'us-isob-', partition: 'aws-iso-b', dnsSuffix: 'sc2s.sgov.gov' },
  { prefix: 'eu-isoe-', partition: 'aws-iso-e', dnsSuffix: 'cloud.adc-e.uk' },
  { prefix: 'us-isof-', partition: 'aws-iso-f', dnsSuffix: 'csp.hci.ic.gov' },
];

function partitionRow(region: string) {
  return PARTITIONS.find((row) => region.startsWith(row.prefix));
}

/** The partition a region belongs to (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`, ...). */
export function partitionOf(region: string): string {
  return partitionRow(region)?.partition ?? 'aws';
}

/**
 * Host of every public Lambda endpoint, all regions and partitions (`amazonaws.com`, `.com.cn`, and
 * the `-iso*` partitions' own suffixes); group 1 is the region.
 */
export const LAMBDA_HOST =
  /^lambda\.([a-z0-9-]+)\.(?:amazonaws\.com(?:\.cn)?|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/;

/** The InvokeAsync path, with or without aws-sdk v2's trailing slash; group 1 is the encoded FunctionName. */
export const INVOKE_ASYNC_PATH = /^\/2014-11-13\/functions\/([^/]+)\/invoke-async\/?$/;

/**
 * Paths of InvokeAsync's API version. InvokeAsync is the only operation of 2014-11-13, so a POST
 * under it is an InvokeAsync whatever became of its FunctionName segment ('' or dot segments).
 */
export const INVOKE_ASYNC_FAMILY = /^\/2014-11-13\//;

/** The Invoke path (API version 2015-03-31); group 1 is the encoded FunctionName. Served only with `X-Amz-Invocation-Type: Event`. */
export const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/;

/**
 * Invoke paths as the doors test them before parsing, with any query string (`?Qualifier=prod`)
 * still on: a FunctionName segment of any kind, also '' (`/functions//invocations`) and the forms
 * URL parsing leaves of '.' and '..' (`/functions/invocations`, `/invocations`). With
 * `X-Amz-Invocation-Type: Event` such a request is the double's on any host: the service answers the
 * broken names with a validation error, so they must not reach the network.
 */
export const INVOKE_PATH_FAMILY = /^\/2015-03-31\/(?:functions\/(?:[^/?]*\/)?)?invocations\/?(?:\?|$)/;

/** Paths of Lambda's REST API: an API version first (`/2015-03-31/functions/...`). */
export const LAMBDA_API_PATH = /^\/\d{4}-\d\d-\d\d\//;

/** The public Lambda host of `region` (`.com.cn` in China, the partition's own suffix elsewhere). */
export function lambdaHost(region: string): string {
  return `lambda.${region}.${partitionRow(region)?.dnsSuffix ?? 'amazonaws.com'}`;
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
