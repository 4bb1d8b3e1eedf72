/**
 * What a call caught by an injection is answered: the documented error exactly as the service
 * sends it (its message filled in with the call's function, region and account), or a transport fault.
 */
import type { InvocationRequest } from '../wire/parse-request.js';
import { errorResponse, fillMessage } from '../wire/build-response.js';
import { LAMBDA_ERRORS } from '../wire/error-catalogue.js';
import { functionArn } from '../wire/function-ref.js';
import type { InjectedAnswer } from './injections.js';
import type { Answer } from './responder.js';

/** The answer of `injected` to `request`, with ARNs in `accountId`. */
export function injectedAnswer(injected: InjectedAnswer, request: InvocationRequest, accountId: string): Answer {
  if (injected.kind === 'fault') return { source: 'injected', outcome: { kind: 'fault', fault: injected.fault } };
  const spec = LAMBDA_ERRORS[injected.name];
  const context: Record<string, string> = {
    functionName: request.functionName,
    region: request.region,
    accountId,
  };
  if (request.ref) context['functionArn'] = functionArn(request.ref, request.region, accountId);
  return {
    source: 'injected',
    outcome: errorResponse(spec, injected.message ?? fillMessage(spec.defaultMessage, context)),
  };
}
