/**
 * What a door answers for a request it claimed, the same for every door that stands in for the
 * network: the engine's answer; else, for a Lambda request the engine does not serve, the double's
 * `onUnhandledRequest` verdict (a refusal, or the real endpoint's answer when it lets the request
 * on). A door only turns its client's request into a `WireRequest` and the response (or the
 * rejection) back into what its client expects.
 */
import type { DoorPort } from '../../engine/door-port.js';
import type { WireFailure, WireFault, WireOutcome, WireRequest, WireResponse } from '../../wire/wire-types.js';
import { forwardUpstream } from '../../recording/forward-upstream.js';
import { promised } from '../../common/maybe-promise.js';
import { faultError } from './transport-faults.js';

/** How a door's client sees an outcome that is not a response. */
type Rejection = (outcome: WireFault | WireFailure) => Error;

/** How a door passes on the answers it gets from the real endpoint and the ones it cannot give. */
export interface AnswerForm {
  /** The error for an injected fault or an engine failure; default: the socket's error, the engine's error. */
  reject?: Rejection;
  /** What becomes of a forwarded answer before the client sees it; default: nothing. */
  forwarded?: (response: WireResponse) => WireResponse;
}

/** An injected fault as a Node socket raises it; an engine failure as the engine's error. */
function transportRejection(outcome: WireFault | WireFailure): Error {
  return outcome.kind === 'fault' ? faultError(outcome.fault) : outcome.error;
}

/**
 * The response `double` gives `wire`, as described above. Rejects with the refusal of
 * `onUnhandledRequest`, or with `form.reject(outcome)` for a fault or a failure.
 */
export function answerRequest(double: DoorPort, wire: WireRequest, form: AnswerForm = {}): Promise<WireResponse> {
  return promised(answerRequestNow(double, wire, form));
}

/**
 * {@link answerRequest}, with the response itself when the engine answered without waiting, for
 * the in-process doors, which then hand their caller a single promise. Never throws.
 */
export function answerRequestNow(
  double: DoorPort,
  wire: WireRequest,
  form: AnswerForm = {},
): WireResponse | Promise<WireResponse> {
  const settle = (outcome: WireOutcome): WireResponse => {
    if (outcome.kind !== 'response') throw (form.reject ?? transportRejection)(outcome);
    return outcome;
  };
  const outcome = double.answer(wire);
  if (outcome instanceof Promise)
    return outcome.then((answered) =>
      answered ? settle(answered) : forwardUnhandled(double, wire, form).then(settle),
    );
  if (!outcome) return forwardUnhandled(double, wire, form).then(settle);
  try {
    return settle(outcome);
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/** A Lambda request the engine does not serve: refused, or sent on as `onUnhandledRequest` says. */
function forwardUnhandled(double: DoorPort, wire: WireRequest, form: AnswerForm): Promise<WireOutcome> {
  const verdict = double.judgeUnhandled(wire);
  if (!verdict.bypass) return Promise.reject(verdict.error);
  return forwardUpstream(wire).then((response) => (form.forwarded ? form.forwarded(response) : response));
}
