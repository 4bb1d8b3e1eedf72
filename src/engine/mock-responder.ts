import { answerOf, type Answer, type CassetteRunPart, type Responder } from './responder.js';
import type { UnusedInteraction } from '../report/cassette-run.js';
import type { InvocationRequest } from '../wire/parse-request.js';
import type { WireResponse } from '../wire/wire-types.js';
import { validateInvocation } from '../wire/validate-request.js';
import { LAMBDA_ERRORS } from '../wire/error-catalogue.js';
import { dryRunResponse, errorResponse, fillMessage, successResponse } from '../wire/build-response.js';
import { functionArn, parseFunctionRef } from '../wire/function-ref.js';
import { NoFunctionAnswerError } from '../common/invocation-errors.js';
import type { FunctionAnswers } from './function-answers.js';
import { answerSync } from './sync-invocation.js';

/** Options of the service-faithful mock. */
interface MockResponderOptions {
  /** Functions that exist; a call to any other is `ResourceNotFoundException`. Default: every function exists. */
  functions?: readonly string[];
  /** Account id used in ARNs the mock prints. Default `123456789012`. */
  accountId: string;
  /** The double's name in messages. */
  label?: string;
}

/**
 * Answers as the service documents: validation errors first, then a function that does not exist,
 * then 202 (Event), 204 (DryRun), or the function's result from what the test gave it (RequestResponse).
 */
export class MockResponder implements Responder {
  readonly #known: Set<string> | undefined;
  // No cassette and no network: nothing is forwarded, written, left unused or reported.
  readonly reachesUpstream = false;
  readonly wroteCassette = false;
  readonly unusedInteractions: readonly UnusedInteraction[] = [];
  readonly allowUnusedInteractions = true;

  constructor(private readonly options: MockResponderOptions) {
    this.#known = options.functions ? new Set(options.functions.map((f) => parseFunctionRef(f)?.name ?? f)) : undefined;
  }

  runReport(): CassetteRunPart | undefined {
    return undefined;
  }

  respond(request: InvocationRequest, _wire: unknown, answers: FunctionAnswers): Answer | Promise<Answer> {
    const refusal = this.#refusal(request, answers);
    if (refusal) return { source: 'mock', outcome: refusal };
    const ref = request.ref!;
    if (request.invocationType === 'DryRun') return { source: 'mock', outcome: dryRunResponse() };
    if (request.invocationType === 'Event') return { source: 'mock', outcome: successResponse(request.operation) };
    const entry = answers.take(ref.name, ref.qualifier);
    if (!entry) {
      return {
        source: 'mock',
        outcome: {
          kind: 'failure',
          error: new NoFunctionAnswerError(this.options.label ?? 'mockLambda', ref.name, ref.qualifier),
        },
      };
    }
    return answerOf('mock', answerSync(entry, request, this.options.accountId));
  }

  acceptsAtOnce(request: InvocationRequest, answers: FunctionAnswers): boolean {
    return request.operation === 'InvokeAsync' && this.#refusal(request, answers) === undefined;
  }

  /** The error the service answers `request` with before running anything: invalid, or a function it does not know. */
  #refusal(request: InvocationRequest, answers: FunctionAnswers): WireResponse | undefined {
    const rejection = validateInvocation(request);
    if (rejection) return errorResponse(LAMBDA_ERRORS[rejection.error], rejection.message);
    const ref = request.ref!;
    // A function the test gave a result or handler exists, listed in `functions` or not.
    if (this.#known && !this.#known.has(ref.name) && !answers.knows(ref.name)) {
      const spec = LAMBDA_ERRORS.ResourceNotFoundException;
      const message = fillMessage(spec.defaultMessage, {
        functionArn: functionArn(ref, request.region, this.options.accountId),
      });
      return errorResponse(spec, message);
    }
    return undefined;
  }

  async close(): Promise<void> {}
}
