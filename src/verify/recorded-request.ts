/**
 * A recorded interaction's request, rebuilt as the SDK would send it to `target`: the path with the
 * function reference URI-encoded, the recorded payload bytes, and a credential scope naming the
 * recorded region (emulators such as moto and LocalStack route on it; `--sign` replaces it with a
 * real signature).
 */
import { decodeBody, type Interaction } from '../cassette/index.js';
import { MASKED_ACCOUNT_ID } from '../recording/redaction.js';
import type { WireRequest } from '../wire/wire-types.js';
import { functionLabel, invokeAsyncUrl, invokeUrl } from '../wire/lambda-address.js';

/** The reference the request names: as the caller sent it, unless masking made it useless. */
function functionRefOf(request: Interaction['request']): string {
  const plain = functionLabel(request);
  // A masked ARN names account 000000000000, which no real endpoint has.
  if (request.functionRef === undefined || request.functionRef.includes(MASKED_ACCOUNT_ID)) return plain;
  return request.functionRef;
}

function scopeDate(now: Date): string {
  return now.toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * The recorded request as an unsigned request to `target` (an origin, any path dropped): as recorded
 * (InvokeAsync, or Invoke Event), or with `dryRun` as an `Invoke` with `InvocationType: DryRun`, which
 * checks the function, qualifier and permission without running anything.
 */
export function recordedRequest(
  interaction: Interaction,
  target: string,
  now: Date = new Date(),
  dryRun = false,
): WireRequest {
  const { request } = interaction;
  const encoded = encodeURIComponent(functionRefOf(request));
  const invoke = request.operation === 'Invoke' || dryRun;
  const url = new URL(
    new URL(invoke ? invokeUrl(request.region, encoded) : invokeAsyncUrl(request.region, encoded)).pathname,
    target,
  );
  return {
    method: 'POST',
    url: url.href,
    headers: {
      ...(invoke ? { 'x-amz-invocation-type': dryRun ? 'DryRun' : (request.invocationType ?? 'Event') } : {}),
      'content-type': 'application/octet-stream',
      // Not a signature: the scope alone, for endpoints that route on it and check nothing.
      authorization: `AWS4-HMAC-SHA256 Credential=lambda-cassette/${scopeDate(now)}/${request.region}/lambda/aws4_request, SignedHeaders=host, Signature=unsigned`,
    },
    body: decodeBody(request.payload),
  };
}
