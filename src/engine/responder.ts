import type { InvocationRequest } from '../wire/parse-request.js';
import type { WireOutcome, WireRequest } from '../wire/wire-types.js';
import type { CallSource } from './call-log.js';
import type { CassetteRun, UnusedInteraction } from '../report/cassette-run.js';
import type { FunctionAnswers } from './function-answers.js';

/** What a responder answers, and which part of the engine it was. */
export interface Answer {
  outcome: WireOutcome;
  source: CallSource;
  /** Set when the request found no answer (a replay miss): `close()` rejects naming it. */
  miss?: string;
}

/** A cassette's part of the run report. */
export type CassetteRunPart = Pick<
  CassetteRun,
  'cassette' | 'created' | 'missing' | 'unused' | 'expired' | 'notRecorded'
>;

/**
 * The part of the engine behind injections: mock answers, a cassette, or the real endpoint.
 * Doors never see it; the double asks it once injections have had their say.
 */
export interface Responder {
  /** Whether some requests are sent on to the real endpoint (record, new-episodes, passthrough). */
  readonly reachesUpstream: boolean;
  /** Whether `close()` wrote a cassette file. */
  readonly wroteCassette: boolean;
  /** After close: recorded interactions this run never played (empty without a cassette). */
  readonly unusedInteractions: readonly UnusedInteraction[];
  /** Whether `close()` accepts unused interactions. */
  readonly allowUnusedInteractions: boolean;
  /** After close: the cassette's part of the run report; `undefined` without a cassette. */
  runReport(): CassetteRunPart | undefined;
  /**
   * Whether `respond` would answer `request` with the service's plain success to an InvokeAsync (202,
   * `{"Status":202}`, a fresh request id) and nothing else: then a door that can give the caller that
   * answer itself may take the engine's `acceptAtOnce` (see door-port.ts) instead. Absent: never.
   */
  acceptsAtOnce?(request: InvocationRequest, answers: FunctionAnswers): boolean;
  /**
   * Answers one request; `answers` is what the test gave the functions (mock mode answers from it).
   * Most requests are answered without waiting: those come back as the answer itself, which spares
   * every call through every door a promise and a turn of the microtask queue. `wire` gives the
   * request as it is sent, for a responder that sends it on to the real endpoint.
   */
  respond(request: InvocationRequest, wire: () => WireRequest, answers: FunctionAnswers): Answer | Promise<Answer>;
  /** Called once by the double's `close()`; writes whatever needs writing. */
  close(): Promise<void>;
}

/** `outcome` answered by `source`, as soon as the outcome is there. */
export function answerOf(source: CallSource, outcome: WireOutcome | Promise<WireOutcome>): Answer | Promise<Answer> {
  return outcome instanceof Promise ? outcome.then((settled) => ({ source, outcome: settled })) : { source, outcome };
}
