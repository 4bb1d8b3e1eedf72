/**
 * The responder behind a cassette: replays recorded answers, forwards and records misses, or passes
 * everything through, as its mode says; writes what it recorded when the double closes.
 */
import type { Answer, Responder } from './responder.js';
import { ANSWERING_TABLE, type Answering } from './mode-table.js';
import type { InvocationRequest } from '../wire/parse-request.js';
import type { WireRequest } from '../wire/wire-types.js';
import { canonicalJson } from '../common/canonical-json.js';
import path from 'node:path';
import { newCassette, updateCassette, type Cassette, type Interaction } from '../cassette/index.js';
import { InteractionIndex } from '../matching/interaction-index.js';
import { describeExhausted, describeMiss } from '../matching/miss-report.js';
import { ignoringPaths } from '../matching/ignore-paths.js';
import { nearMiss } from '../matching/ignore-suggestion.js';
import { requestKey, type MatchableRequest, type MatchOption } from '../matching/request-key.js';
import { RecordingIncompleteError } from '../common/recording-errors.js';
import { CassetteExpiredError, CassetteMissError } from '../common/replay-errors.js';
import { replayedResponse, type LastJsonBody } from './recorded-response.js';
import { RecordedRequests } from './recorded-requests.js';
import { ExpiryPolicy, type ExpirySettings } from './expiry-policy.js';
import { asEntry, unusedEntry, type CassetteRun, type UnusedInteraction } from '../report/cassette-run.js';
import { CassetteRecorder, cassetteRequest, describeRequest } from './cassette-recorder.js';

/** What a cassette responder does with each request: a row of the mode table other than mock. */
type CassetteBehaviour = Exclude<Answering, 'mock'>;

/** Everything a cassette responder needs, settled by `openCassette`. */
interface CassetteResponderOptions {
  behaviour: CassetteBehaviour;
  /** Mode `rerecord`: drop every interaction loaded at open, not only those recorded again. */ startsAfresh?: boolean;
  file: string;
  /** The cassette folder `file` must stay inside (see updateCassette's `root`). */
  dir?: string;
  /** The cassette as loaded at open (undefined when there was none). */
  loaded: Cassette | undefined;
  /** Set when `loaded` came from `loadCassetteForReplay`: checks an interaction before its first use. */
  checkInteraction?: (position: number) => void;
  match: MatchOption;
  allowPlaybackRepeats: boolean;
  redact: readonly string[];
  maskAccountIds: boolean;
  /** Where to forward instead of the request's own URL (a custom endpoint). */
  target?: string;
  /** Payload JSONPaths left out of matching (the file keeps them). */
  ignore?: readonly string[];
  /** Set when `maxAge` is. */
  expiry?: ExpirySettings;
  /** Whether `close()` accepts recorded interactions that were never played (default true). */
  allowUnusedInteractions?: boolean;
}

export class CassetteResponder implements Responder {
  #index: InteractionIndex<Interaction>;
  #recordedRequests: RecordedRequests;
  readonly #recorder: CassetteRecorder;
  /** The cassette as loaded; let go of after close(), see {@link #release}. */
  #loaded: Cassette | undefined;
  readonly #redact: string[];
  readonly #maskAccountIds: boolean;

  readonly #options: Omit<CassetteResponderOptions, 'loaded'>;
  #wrote = false;
  #created = false;
  readonly #ignore: readonly string[];
  readonly #expiry: ExpiryPolicy | undefined;
  /**
   * 1 at the positions of loaded interactions that answered a request (or were recorded again): one
   * byte each, set on every replayed call, where a Set's add cost more in a CPU profile of replay.
   */
  readonly #played: Uint8Array;
  /** Expired interactions recorded again: the write drops them (canonical JSON). */
  readonly #replaced = new Set<string>();
  #unused: UnusedInteraction[] = [];
  /** The last `json` body replayed, whose text an equal one reuses. */
  readonly #lastBody: { body?: LastJsonBody } = {};

  constructor(options: CassetteResponderOptions) {
    const { loaded, checkInteraction, ...rest } = options;
    this.#options = rest;
    this.#recordedRequests = new RecordedRequests(loaded, checkInteraction, (request) => this.#forMatching(request));
    this.#loaded = loaded;
    this.#played = new Uint8Array(loaded?.interactions.length ?? 0);
    // Filters the cassette was recorded with stay in force, so its redacted payloads keep matching.
    this.#redact = [...new Set([...(options.loaded?.filters?.redact ?? []), ...options.redact])];
    this.#maskAccountIds = options.maskAccountIds || options.loaded?.filters?.maskAccountIds === true;
    this.#recorder = new CassetteRecorder({
      file: options.file,
      ...(options.target !== undefined ? { target: options.target } : {}),
      redact: this.#redact,
      maskAccountIds: this.#maskAccountIds,
    });
    this.#ignore = options.ignore ?? [];
    this.#expiry = options.expiry ? new ExpiryPolicy(options.file, options.expiry) : undefined;
    this.#index = new InteractionIndex(options.match, options.allowPlaybackRepeats);
    const replays = options.behaviour === 'replay' || options.behaviour === 'new-episodes';
    if (replays && loaded)
      this.#index.addLazily(loaded.interactions.length, (at) => ({
        request: this.#recordedRequests.at(at),
        value: loaded.interactions[at]!,
      }));
  }

  /** After close: the loaded interactions this run never played (record mode: never recorded again). */
  get unusedInteractions(): readonly UnusedInteraction[] {
    return this.#unused;
  }

  get allowUnusedInteractions(): boolean {
    return this.#options.allowUnusedInteractions !== false;
  }

  /** After close: this cassette's part of the run report. */
  runReport(): Pick<CassetteRun, 'cassette' | 'created' | 'missing' | 'unused' | 'expired' | 'notRecorded'> {
    return {
      cassette: path.resolve(this.#options.file),
      created: this.#created,
      missing: false,
      unused: this.#unused.map(asEntry),
      expired: this.#expiry?.expiredCount ?? 0,
      notRecorded: new Set([...this.#recorder.upstreamFailures, ...this.#recorder.notRecorded]).size,
    };
  }

  /** Whether `close()` wrote the cassette file. */
  get wroteCassette(): boolean {
    return this.#wrote;
  }

  get reachesUpstream(): boolean {
    return ANSWERING_TABLE[this.#options.behaviour].network !== 'never' || this.#expiry?.mayRecord === true;
  }

  /** The answer to `request`: replayed, recorded, forwarded, or a miss. */
  respond(request: InvocationRequest, wire: () => WireRequest): Answer | Promise<Answer> {
    const { behaviour } = this.#options;
    if (behaviour === 'passthrough') return this.#recorder.forward(wire(), request, 'passthrough');
    if (behaviour === 'record') return this.#recorder.record(request, wire());
    let matchable: MatchableRequest;
    try {
      matchable = this.#forMatching(cassetteRequest(request, this.#redact));
    } catch (e) {
      // Say so, and let close() say so too, rather than throw out of the door unlogged.
      const message = `lambda-cassette: ${describeRequest(request)} could not be matched against ${this.#options.file}: ${(e as Error)?.message ?? String(e)}`;
      return { source: 'replay', outcome: { kind: 'failure', error: new CassetteMissError(message) }, miss: message };
    }
    const looked = this.#recordedRequests.lookUp(this.#index, matchable, behaviour !== 'new-episodes');
    if ('broken' in looked) return looked.broken;
    const { found, recorded } = looked;
    if (found.kind === 'hit') return this.#play(found.value, found.position, request, wire);
    if (behaviour === 'new-episodes') return this.#recorder.record(request, wire());
    const suggestion = found.kind === 'miss' ? nearMiss(matchable, recorded) : undefined;
    const { file } = this.#options;
    const message =
      found.kind === 'exhausted'
        ? describeExhausted(file, matchable, found.played)
        : describeMiss(file, matchable, recorded, suggestion);
    return {
      source: 'replay',
      outcome: { kind: 'failure', error: new CassetteMissError(message, suggestion) },
      miss: message,
    };
  }

  async close(): Promise<void> {
    try {
      const stale = this.#staleInteractions();
      this.#unused = this.#collectUnused(stale);
      await this.#write(stale);
    } finally {
      this.#release();
    }
  }

  /** Answers with a recorded interaction, unless it expired and `onExpired` says otherwise. */
  #play(
    interaction: Interaction,
    position: number,
    request: InvocationRequest,
    wire: () => WireRequest,
  ): Answer | Promise<Answer> {
    this.#played[position] = 1;
    const action = this.#expiry?.decide(interaction, position) ?? { kind: 'play' };
    if (action.kind === 'refuse') {
      const error = new CassetteExpiredError(this.#options.file, position, interaction.recordedAt, action.message);
      return { source: 'replay', outcome: { kind: 'failure', error }, miss: action.message };
    }
    if (action.kind === 'record') {
      this.#replaced.add(canonicalJson(interaction));
      return this.#recorder.record(request, wire());
    }
    return { source: 'replay', outcome: replayedResponse(interaction, this.#lastBody) };
  }

  #forMatching(request: MatchableRequest): MatchableRequest {
    return ignoringPaths(request, this.#ignore);
  }

  #collectUnused(stale: ReadonlySet<string>): UnusedInteraction[] {
    const { behaviour } = this.#options;
    if (!this.#loaded || behaviour === 'passthrough') return [];
    const file = path.resolve(this.#options.file);
    const used = (interaction: Interaction, position: number) =>
      behaviour === 'record' ? stale.has(canonicalJson(interaction)) : this.#played[position] === 1;
    const entry = (position: number) => unusedEntry(file, position, this.#recordedRequests.reportable(position));
    return this.#loaded.interactions.flatMap((interaction, position) =>
      used(interaction, position) ? [] : [entry(position)],
    );
  }

  /**
   * Lets go of the cassette once closed. A closed double keeps its call log for assertions, and may
   * itself be kept longer than its test (a variable in a closure, an aws-sdk-client-mock stub's record
   * of its last call's stack): that must not keep thousands of interactions in memory too.
   */
  #release(): void {
    this.#loaded = undefined;
    this.#lastBody.body = undefined;
    this.#index = new InteractionIndex(this.#options.match, this.#options.allowPlaybackRepeats);
    this.#recordedRequests = new RecordedRequests(undefined);
    this.#recorder.release();
  }

  async #write(stale: ReadonlySet<string>): Promise<void> {
    const { behaviour, file } = this.#options;
    const { writes } = ANSWERING_TABLE[behaviour];
    // Expired interactions recorded again are written whatever the mode (onExpired: 'record').
    if (writes === 'never' && this.#replaced.size === 0) return;
    const { upstreamFailures, notRecorded, recorded } = this.#recorder;
    if (notRecorded.length > 0)
      throw new RecordingIncompleteError(file, [...upstreamFailures, ...notRecorded], 'were not recorded');
    if (upstreamFailures.length > 0) throw new RecordingIncompleteError(file, upstreamFailures);
    if (writes !== 'always' && recorded.length === 0 && this.#loaded) return;
    await updateCassette(
      file,
      (current) => {
        this.#created = current === undefined;
        const base = current ?? newCassette();
        const kept = base.interactions.filter((i) => !stale.has(canonicalJson(i)));
        const filters = this.#filters();
        return {
          ...base,
          ...(filters ? { filters } : {}),
          recordedWith: newCassette().recordedWith,
          interactions: [...kept, ...recorded],
        };
      },
      this.#options.dir !== undefined ? { root: this.#options.dir } : {},
    );
    this.#wrote = true;
  }

  /**
   * What a record run replaces: the answers it loaded for requests it recorded again. Answers for
   * requests it did not see stay, so vitest workers recording into one cassette never drop each
   * other's interactions, whichever opened first.
   */
  #staleInteractions(): Set<string> {
    if (this.#options.behaviour !== 'record') return new Set(this.#replaced);
    if (this.#options.startsAfresh) return new Set((this.#loaded?.interactions ?? []).map((i) => canonicalJson(i)));
    const key = (request: MatchableRequest) => requestKey(this.#forMatching(request), this.#options.match);
    const rerecorded = new Set(this.#recorder.recorded.map((i) => key(i.request)));
    return new Set(
      (this.#loaded?.interactions ?? []).filter((i) => rerecorded.has(key(i.request))).map((i) => canonicalJson(i)),
    );
  }

  #filters(): Cassette['filters'] | undefined {
    if (this.#redact.length === 0 && !this.#maskAccountIds) return undefined;
    return {
      ...(this.#redact.length ? { redact: this.#redact } : {}),
      ...(this.#maskAccountIds ? { maskAccountIds: true } : {}),
    };
  }
}
