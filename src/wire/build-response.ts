import { randomUUID } from 'node:crypto';
import type { WireResponse } from './wire-types.js';
import type { LambdaErrorSpec } from './error-catalogue.js';
import type { ServedOperation } from './invoke-event.js';

function jsonResponse(status: number, extraHeaders: Record<string, string>, body: unknown): WireResponse {
  return bytesResponse(status, extraHeaders, Buffer.from(JSON.stringify(body), 'utf8'));
}

function bytesResponse(status: number, extraHeaders: Record<string, string>, bytes: Uint8Array): WireResponse {
  return {
    kind: 'response',
    status,
    headers: {
      'content-type': 'application/json',
      'content-length': String(bytes.byteLength),
      'x-amzn-RequestId': randomUUID(),
      ...extraHeaders,
    },
    body: bytes,
  };
}

const SUCCESS_BODY = JSON.stringify({ Status: 202 });

/**
 * The service's success answer: to InvokeAsync 202 and `{"Status":202}`; to an Invoke Event 202
 * with an empty body (the SDK reads `StatusCode` from the status).
 */
export function successResponse(operation: ServedOperation = 'InvokeAsync'): WireResponse {
  if (operation === 'Invoke') {
    return { kind: 'response', status: 202, headers: { 'content-length': '0', 'x-amzn-RequestId': randomUUID() }, body: new Uint8Array(0) };
  }
  return bytesResponse(202, {}, Buffer.from(SUCCESS_BODY, 'utf8'));
}

/** An error answer as the service sends it: status, `x-amzn-ErrorType`, request id, `Type` and message. */
export function errorResponse(spec: LambdaErrorSpec, message: string): WireResponse {
  return jsonResponse(spec.status, { 'x-amzn-ErrorType': spec.name }, { Type: spec.type, [spec.messageField]: message });
}

/** Fills `{placeholders}` in a catalogue message from the request's context. */
export function fillMessage(template: string, context: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => context[key] ?? whole);
}
