import type { Answer, Responder } from './responder.js';
import type { InvokeAsyncRequest } from '../wire/parse-request.js';
import { validateInvokeAsync } from '../wire/validate-request.js';
import { LAMBDA_ERRORS } from '../wire/error-catalogue.js';
import { errorResponse, fillMessage, successResponse } from '../wire/build-response.js';
import { functionArn, parseFunctionRef } from '../wire/function-ref.js';

/** Options of the service-faithful mock. */
export interface MockResponderOptions {
  /** Functions that exist; a call to any other is `ResourceNotFoundException`. Default: every function exists. */
  functions?: readonly string[];
  /** Account id used in ARNs the mock prints. Default `123456789012`. */
  accountId: string;
}

/** Answers as the service documents: validation errors first, then 202. */
export class MockResponder implements Responder {
  readonly #known: Set<string> | undefined;

  constructor(private readonly options: MockResponderOptions) {
    this.#known = options.functions ? new Set(options.functions.map((f) => parseFunctionRef(f)?.name ?? f)) : undefined;
  }

  async respond(request: InvokeAsyncRequest): Promise<Answer> {
    const rejection = validateInvokeAsync(request);
    if (rejection) {
      return { source: 'mock', outcome: errorResponse(LAMBDA_ERRORS[rejection.error], rejection.message) };
    }
    const ref = request.ref!;
    if (this.#known && !this.#known.has(ref.name)) {
      const spec = LAMBDA_ERRORS.ResourceNotFoundException;
      const message = fillMessage(spec.defaultMessage, { functionArn: functionArn(ref, request.region, this.options.accountId) });
      return { source: 'mock', outcome: errorResponse(spec, message) };
    }
    return { source: 'mock', outcome: successResponse(request.operation) };
  }

  async close(): Promise<void> {}
}
