/**
 * The responder behind a cassette: replays recorded answers, forwards and records misses, or passes
 * everything through, as its mode says; writes what it recorded when the double closes.
 */
import type { Answer, Responder } from './responder.js';
import { ANSWERING_TABLE, type Answering } from './mode-table.js';
import type { InvocationRequest } from '../wire/parse-request.js';
import type { WireRequest, WireResponse } from '../wire/wire-types.js';
import { canonicalJson } from '../common/canonical-json.js';
import path from 'node:path';
import {
  encodeBody,
  newCassette,
  updateCassette,
  type Body,
  type Cassette,
  type Interaction,
  type JsonValue,
} from '../cassette/index.js';
import { InteractionIndex } from '../matching/interaction-index.js';
import { describeExhausted, describeMiss } from '../matching/miss-report.js';
import { ignoringPaths } from '../matching/ignore-paths.js';
import { nearMiss } from '../matching/ignore-suggestion.js';
import { requestKey, type MatchableRequest, type MatchOption } from '../matching/request-key.js';
import { forwardUpstream } from '../recording/forward-upstream.js';
import { redactPayload } from '../recording/redaction.js';
import { secretsOf } from '../recording/secret-scrubber.js';
import { scrubInteraction } from '../recording/scrub-interaction.js';
import { LambdaCassetteError } from '../common/errors.js';
import { RecordingIncompleteError, UnrecordableRequestError } from '../common/recording-errors.js';
import { CassetteExpiredError, CassetteMissError } from '../common/replay-errors.js';
import { UpstreamError } from '../common/upstream-errors.js';
import { recordedResponse, replayedResponse } from './recorded-response.js';
import { RecordedRequests } from './recorded-requests.js';
import { ExpiryPolicy, type ExpirySettings } from './expiry-policy.js';
import { asEntry, unusedEntry, type CassetteRun, type UnusedInteraction } from '../report/cassette-run.js';
import { withoutOwnCredentials } from '../recording/own-credentials.js';

/** What a cassette responder does with each request: a row of the mode table other than mock. */
export type CassetteBehaviour = Exclude<Answering, 'mock'>;

/** Everything a cassette responder needs, settled by `openCassette`. */
export interface CassetteResponderOptions {
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

function describeRequest(request: InvocationRequest): string {
  return `${request.functionName} (${request.region})`;
}

export class CassetteResponder implements Responder {
  #index: InteractionIndex<Interaction>;
  #recordedRequests: RecordedRequests;
  #recorded: Interaction[] = [];
  /** The cassette as loaded; let go of after close(), see {@link #release}. */
  #loaded: Cassette | undefined;
  readonly #upstreamFailures: string[] = [];
  /** Requests recording could not keep, each with why (see {@link #record}). */
  readonly #notRecorded: string[] = [];
  readonly #redact: string[];
  readonly #maskAccountIds: boolean;

  readonly #options: Omit<CassetteResponderOptions, 'loaded'>;
  #wrote = false;
  #created = false;
  readonly #ignore: readonly string[];
  readonly #expiry: ExpiryPolicy | undefined;
  /** Positions of loaded interactions that answered a request (or were recorded again). */
  readonly #played = new Set<number>();
  /** Expired interactions recorded again: the write drops them (canonical JSON). */
  readonly #replaced = new Set<string>();
  #unused: UnusedInteraction[] = [];

  constructor(options: CassetteResponderOptions) {
    const { loaded, checkInteraction, ...rest } = options;
    this.#options = rest;
    this.#recordedRequests = new RecordedRequests(loaded, checkInteraction, (request) => this.#forMatching(request));
    this.#loaded = loaded;
    // Filters the cassette was recorded with stay in force, so its redacted payloads keep matching.
    this.#redact = [...new Set([...(options.loaded?.filters?.redact ?? []), ...options.redact])];
    this.#maskAccountIds = options.maskAccountIds || options.loaded?.filters?.maskAccountIds === true;
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
      notRecorded: new Set([...this.#upstreamFailures, ...this.#notRecorded]).size,
    };
  }

  /** Whether `close()` wrote the cassette file. */
  get wroteCassette(): boolean {
    return this.#wrote;
  }

  get reachesUpstream(): boolean {
    return ANSWERING_TABLE[this.#options.behaviour].network !== 'never' || this.#expiry?.mayRecord === true;
  }

  async respond(request: InvocationRequest, wire: WireRequest): Promise<Answer> {
    const { behaviour } = this.#options;
    if (behaviour === 'passthrough') return this.#forward(wire, request, 'passthrough');
    if (behaviour === 'record') return this.#record(request, wire);
    let matchable: MatchableRequest;
    try {
      matchable = this.#forMatching(this.#matchable(request));
    } catch (e) {
      // Say so, and let close() say so too, rather than throw out of the door unlogged.
      const message = `lambda-cassette: ${describeRequest(request)} could not be matched against ${this.#options.file}: ${(e as Error)?.message ?? String(e)}`;
      return { source: 'replay', outcome: { kind: 'failure', error: new CassetteMissError(message) }, miss: message };
    }
    const looked = this.#recordedRequests.lookUp(this.#index, matchable, behaviour !== 'new-episodes');
    if ('broken' in looked) return looked.broken;
    const { found, recorded } = looked;
    if (found.kind === 'hit') return this.#play(found.value, found.position, request, wire);
    if (behaviour === 'new-episodes') return this.#record(request, wire);
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
  async #play(
    interaction: Interaction,
    position: number,
    request: InvocationRequest,
    wire: WireRequest,
  ): Promise<Answer> {
    this.#played.add(position);
    const action = this.#expiry?.decide(interaction, position) ?? { kind: 'play' };
    if (action.kind === 'refuse') {
      const error = new CassetteExpiredError(this.#options.file, position, interaction.recordedAt, action.message);
      return { source: 'replay', outcome: { kind: 'failure', error }, miss: action.message };
    }
    if (action.kind === 'record') {
      this.#replaced.add(canonicalJson(interaction));
      return this.#record(request, wire);
    }
    return { source: 'replay', outcome: replayedResponse(interaction) };
  }

  #forMatching(request: MatchableRequest): MatchableRequest {
    return ignoringPaths(request, this.#ignore);
  }

  #collectUnused(stale: ReadonlySet<string>): UnusedInteraction[] {
    const { behaviour } = this.#options;
    if (!this.#loaded || behaviour === 'passthrough') return [];
    const file = path.resolve(this.#options.file);
    const used = (interaction: Interaction, position: number) =>
      behaviour === 'record' ? stale.has(canonicalJson(interaction)) : this.#played.has(position);
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
    this.#index = new InteractionIndex(this.#options.match, this.#options.allowPlaybackRepeats);
    this.#recordedRequests = new RecordedRequests(undefined);
    this.#recorded = [];
  }

  async #write(stale: ReadonlySet<string>): Promise<void> {
    const { behaviour, file } = this.#options;
    const { writes } = ANSWERING_TABLE[behaviour];
    // Expired interactions recorded again are written whatever the mode (onExpired: 'record').
    if (writes === 'never' && this.#replaced.size === 0) return;
    if (this.#notRecorded.length > 0)
      throw new RecordingIncompleteError(file, [...this.#upstreamFailures, ...this.#notRecorded], 'were not recorded');
    if (this.#upstreamFailures.length > 0) throw new RecordingIncompleteError(file, this.#upstreamFailures);
    if (writes !== 'always' && this.#recorded.length === 0 && this.#loaded) return;
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
          interactions: [...kept, ...this.#recorded],
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
    const rerecorded = new Set(this.#recorded.map((i) => key(i.request)));
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

  #payload(request: InvocationRequest): Body {
    // Stands for what encodeBody(<canonical JSON bytes>, true) gives, without encoding the value to
    // bytes and parsing it back on every call: matching compares values or canonical keys, cassettes
    // are written canonically, and a recording is copied through JSON before it is kept.
    // The request's own credentials are scrubbed as the recorder scrubs them (own-credentials.ts).
    const secrets = secretsOf(request.headers);
    if (request.json.ok)
      return withoutOwnCredentials({ json: redactPayload(request.json.value, this.#redact) as JsonValue }, secrets);
    return withoutOwnCredentials(encodeBody(request.body, true), secrets);
  }

  #matchable(request: InvocationRequest): MatchableRequest {
    const m: MatchableRequest = {
      functionName: request.ref?.name ?? request.functionName,
      region: request.region,
      payload: this.#payload(request),
    };
    if (request.ref?.qualifier !== undefined) m.qualifier = request.ref.qualifier;
    // Written for Invoke only, the type for RequestResponse and DryRun only: absent fields mean InvokeAsync, Event.
    if (request.operation === 'Invoke') m.operation = 'Invoke';
    if (request.invocationType !== 'Event') m.invocationType = request.invocationType;
    return m;
  }

  async #forward(
    wire: WireRequest,
    request: InvocationRequest,
    source: 'record' | 'passthrough',
  ): Promise<Answer & { response?: WireResponse }> {
    try {
      const response = await forwardUpstream(wire, this.#options.target);
      return { source, outcome: response, response };
    } catch (e) {
      // Our own errors (signing unavailable) say what is wrong as they are.
      const error = e instanceof LambdaCassetteError ? e : new UpstreamError(wire.url, e);
      if (source === 'record') this.#upstreamFailures.push(`${describeRequest(request)}: ${error.message}`);
      return { source, outcome: { kind: 'failure', error } };
    }
  }

  /**
   * Forwards and records. What is recorded of the request is settled before anything is sent: a
   * request that cannot be recorded is not sent either, and `close()` names it. Should recording the
   * answer fail after all, the caller still gets it and `close()` names the request.
   */
  async #record(request: InvocationRequest, wire: WireRequest): Promise<Answer> {
    let recordedRequest: MatchableRequest;
    try {
      recordedRequest = this.#matchable(request);
    } catch (e) {
      const error = new UnrecordableRequestError(describeRequest(request), this.#options.file, e);
      this.#notRecorded.push(
        `${describeRequest(request)}: not sent, not recorded: ${(e as Error)?.message ?? String(e)}`,
      );
      return { source: 'record', outcome: { kind: 'failure', error } };
    }
    const answer = await this.#forward(wire, request, 'record');
    if (!answer.response) return answer;
    try {
      this.#recorded.push(this.#interaction(request, recordedRequest, answer.response));
    } catch (e) {
      this.#notRecorded.push(
        `${describeRequest(request)}: sent, but its answer could not be recorded: ${(e as Error)?.message ?? String(e)}`,
      );
    }
    return answer;
  }

  #interaction(request: InvocationRequest, recordedRequest: MatchableRequest, response: WireResponse): Interaction {
    const raw: Interaction = {
      request: recordedRequest,
      response: recordedResponse(response),
      recordedAt: new Date().toISOString(),
    };
    if (request.functionName !== raw.request.functionName) raw.request.functionRef = request.functionName;
    // A request signed again on the way (the loopback server's `sign: true`) carried credentials of its own.
    const secrets = [...secretsOf(request.headers), ...(response.sentSecrets ?? [])].sort(
      (a, b) => b.length - a.length,
    );
    return scrubInteraction(raw, { redact: this.#redact, maskAccountIds: this.#maskAccountIds, secrets }).interaction;
  }
}
