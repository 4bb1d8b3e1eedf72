/**
 * What the in-process doors (undici, fetch, http2) answer for a request they claimed by the one
 * claim rule of every door (shared/claim.ts).
 */
import type { DoorPort } from '../../engine/door-port.js';
import type { WireOutcome, WireRequest, WireResponse } from '../../wire/wire-types.js';
import { faultError } from '../shared/transport-faults.js';
import { forwardUpstream } from '../../recording/forward-upstream.js';

/**
 * The answer `double` gives `wire`: the engine's, or (for a Lambda request it does not serve, when
 * its `onUnhandledRequest` lets the request on) the real endpoint's. Rejects with the error the
 * client should see: the refusal, an injected transport fault, an engine failure.
 */
export async function answerOf(double: DoorPort, wire: WireRequest): Promise<WireResponse> {
  let outcome: WireOutcome | undefined = await double.handle(wire);
  if (!outcome) {
    const verdict = double.judgeUnhandled(wire);
    if (!verdict.bypass) throw verdict.error;
    outcome = await forwardUpstream(wire);
  }
  if (outcome.kind === 'fault') throw faultError(outcome.fault);
  if (outcome.kind === 'failure') throw outcome.error;
  return outcome;
}
