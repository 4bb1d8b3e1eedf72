/**
 * What an answered invocation adds beyond its status: a RequestResponse call's result in the call
 * log, and, for an accepted Event or InvokeAsync call, the delivery of its event to the handler the
 * test gave the function.
 */
import type { InvocationRequest } from '../wire/parse-request.js';
import { lowerCaseName, type WireResponse } from '../wire/wire-types.js';
import { parseJsonBody } from '../wire/parse-request.js';
import type { LambdaCall } from './call-log.js';
import type { FunctionAnswers } from './function-answers.js';
import type { EventDeliveries } from './event-deliveries.js';

function header(headers: Record<string, string>, lower: string): string | undefined {
  // Through the memo: answers' names are mixed-case (X-Amz-Executed-Version), and lowering each anew cost a string a name.
  for (const name in headers) if (lowerCaseName(name) === lower) return headers[name];
  return undefined;
}

export function noteInvocation(
  call: LambdaCall,
  request: InvocationRequest,
  outcome: WireResponse,
  answers: FunctionAnswers,
  deliveries: EventDeliveries,
): void {
  if (request.invocationType === 'RequestResponse' && outcome.status === 200) {
    const json = outcome.body.byteLength === 0 ? { ok: true as const, value: null } : parseJsonBody(outcome.body);
    const functionError = header(outcome.headers, 'x-amz-function-error');
    const response: NonNullable<LambdaCall['response']> = {
      statusCode: outcome.status,
      payload: json.ok ? json.value : Buffer.from(outcome.body).toString('utf8'),
    };
    if (functionError !== undefined) response.functionError = functionError;
    call.response = response;
    return;
  }
  if (request.invocationType !== 'Event' || outcome.status !== 202) return;
  deliverEvent(request, header(outcome.headers, 'x-amzn-requestid') ?? '', answers, deliveries);
}

/** An accepted Event or InvokeAsync call: its event goes to the handler the test gave the function, if any. */
export function deliverEvent(
  request: InvocationRequest,
  requestId: string,
  answers: FunctionAnswers,
  deliveries: EventDeliveries,
): void {
  if (!request.ref) return;
  const entry = answers.take(request.ref.name, request.ref.qualifier);
  if (entry) deliveries.schedule(entry, request, requestId);
}
