import { CassetteError } from '../common/cassette-errors.js';
import type { Cassette, Interaction } from '../cassette/index.js';
import type { MatchableRequest } from '../matching/request-key.js';
import type { InteractionIndex, Lookup } from '../matching/interaction-index.js';
import type { Answer } from './responder.js';

/**
 * The requests of a loaded cassette as matching sees them (after `ignore`), made when a lookup first
 * needs each one. A cassette loaded for replay has its interactions checked against the schema one
 * by one (`loadCassetteForReplay`): each is checked here before anything reads it.
 */
export class RecordedRequests {
  readonly #requests: (MatchableRequest | undefined)[] = [];

  constructor(
    private readonly loaded: Cassette | undefined,
    private readonly check: (position: number) => void = () => {},
    private readonly forMatching: (request: MatchableRequest) => MatchableRequest = (request) => request,
  ) {}

  /** The request at `position`, its interaction checked first. */
  at(position: number): MatchableRequest {
    let request = this.#requests[position];
    if (request === undefined) {
      this.check(position);
      request = this.#requests[position] = this.forMatching(this.loaded!.interactions[position]!.request);
    }
    return request;
  }

  /**
   * The interaction at `position` for the list of unused ones, which reads its function and date:
   * checked first unless those are there (no lookup may have reached it).
   */
  reportable(position: number): Interaction {
    const interaction = this.loaded!.interactions[position]!;
    if (typeof interaction?.recordedAt !== 'string' || typeof interaction.request?.functionName !== 'string')
      this.check(position);
    return interaction;
  }

  /**
   * `index.take(request)`, and on a miss (when `listOnMiss`) every loaded request, for the miss
   * report. An interaction checked on the way and found broken makes the answer instead.
   */
  lookUp(
    index: InteractionIndex<Interaction>,
    request: MatchableRequest,
    listOnMiss: boolean,
  ): { found: Lookup<Interaction>; recorded: MatchableRequest[] } | { broken: Answer } {
    try {
      const found = index.take(request);
      return { found, recorded: found.kind === 'miss' && listOnMiss ? this.all() : [] };
    } catch (e) {
      return { broken: brokenInteraction(e) };
    }
  }

  /** Every loaded request (a miss report lists the closest ones). */
  all(): MatchableRequest[] {
    return (this.loaded?.interactions ?? []).map((_, position) => this.at(position));
  }
}

/**
 * A recorded interaction checked on its first use and found broken: the request fails with the error
 * loading would have given (file, JSON path), and close() names it too. Rethrows anything else.
 */
function brokenInteraction(e: unknown): Answer {
  if (!(e instanceof CassetteError) || e.code !== 'LC_CASSETTE_SCHEMA') throw e;
  return { source: 'replay', outcome: { kind: 'failure', error: e }, miss: e.message };
}
