import { randomUUID } from 'node:crypto';
import type { WireResponse } from './wire-types.js';
import type { LambdaErrorSpec } from './error-catalogue.js';
import type { ServedOperation } from './invoke-event.js';

function jsonResponse(status: number, extraHeaders: Record<string, string>, body: unknown): WireResponse {
  return bytesResponse(status, extraHeaders, Buffer.from(JSON.stringify(body), 'utf8'));
}

function bytesResponse(status: number, extraHeaders: Record<string, string>, bytes: Uint8Array): WireResponse {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(bytes.byteLength),
    'x-amzn-RequestId': randomUUID(),
  };
  // Assigned, not spread in: every RequestResponse answer is built here.
  Object.assign(headers, extraHeaders);
  return { kind: 'response', status, headers, body: bytes };
}

const SUCCESS_BODY = Buffer.from(JSON.stringify({ Status: 202 }), 'utf8');
const SUCCESS_LENGTH = String(SUCCESS_BODY.byteLength);

/**
 * The service's success answer: to InvokeAsync 202 and `{"Status":202}`; to an Invoke Event 202
 * with an empty body (the SDK reads `StatusCode` from the status).
 */
export function successResponse(operation: ServedOperation = 'InvokeAsync'): WireResponse {
  if (operation === 'Invoke') {
    return {
      kind: 'response',
      status: 202,
      headers: { 'content-length': '0', 'x-amzn-RequestId': randomUUID() },
      body: new Uint8Array(0),
    };
  }
  // The headers bytesResponse gives, without its spread; a copy of the body, as callers may keep or change it.
  return {
    kind: 'response',
    status: 202,
    headers: { 'content-type': 'application/json', 'content-length': SUCCESS_LENGTH, 'x-amzn-RequestId': randomUUID() },
    body: Buffer.from(SUCCESS_BODY),
  };
}

/** An error answer as the service sends it: status, `x-amzn-ErrorType`, request id, `Type` and message. */
export function errorResponse(spec: LambdaErrorSpec, message: string): WireResponse {
  return jsonResponse(
    spec.status,
    { 'x-amzn-ErrorType': spec.name },
    { Type: spec.type, [spec.messageField]: message },
  );
}

/** Fills `{placeholders}` in a catalogue message from the request's context. */
export function fillMessage(template: string, context: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => context[key] ?? whole);
}

/** What a synchronous invocation's answer carries besides the result bytes. */
export interface ResultHeaders {
  /** `X-Amz-Executed-Version`: the version that ran (`$LATEST` unless a version or alias was named). */
  executedVersion: string;
  /** `X-Amz-Function-Error`: `'Unhandled'` when the function threw. */
  functionError?: string;
  /** `X-Amz-Log-Result`: base64 of the end of the function's log, with `LogType: Tail` only. */
  logResult?: string;
}

/**
 * The service's answer to a RequestResponse invocation: 200 with the function's result (or its error
 * object) as the body, whatever the function did; what happened is in the headers.
 */
export function resultResponse(body: Uint8Array, headers: ResultHeaders): WireResponse {
  const extra: Record<string, string> = { 'X-Amz-Executed-Version': headers.executedVersion };
  if (headers.functionError !== undefined) extra['X-Amz-Function-Error'] = headers.functionError;
  if (headers.logResult !== undefined) extra['X-Amz-Log-Result'] = headers.logResult;
  return bytesResponse(200, extra, body);
}

/** The service's answer to a DryRun invocation of a function the caller may invoke: 204, no body. */
export function dryRunResponse(): WireResponse {
  return {
    kind: 'response',
    status: 204,
    headers: { 'content-length': '0', 'x-amzn-RequestId': randomUUID() },
    body: new Uint8Array(0),
  };
}
