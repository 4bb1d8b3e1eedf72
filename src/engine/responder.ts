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
  /** Answers one request; `answers` is what the test gave the functions (mock mode answers from it). */
  respond(request: InvocationRequest, wire: WireRequest, answers: FunctionAnswers): Promise<Answer>;
  /** Called once by the double's `close()`; writes whatever needs writing. */
  close(): Promise<void>;
}

/**
 * `answer()` as the promise `Responder.respond` returns; a throw becomes a rejection. Responders
 * answer most requests without waiting, and an async function would add a promise to each.
 */
export function promisedAnswer(answer: () => Answer | Promise<Answer>): Promise<Answer> {
  try {
    const given = answer();
    return given instanceof Promise ? given : Promise.resolve(given);
  } catch (error) {
    return Promise.reject(error as Error);
  }
}
