/**
 * The responder behind a cassette: replays recorded answers, forwards and records misses, or passes
 * everything through, as its mode says; writes what it recorded when the double closes.
 */
import type { Answer, Responder } from './responder.js';
import { ANSWERING_TABLE, type Answering } from './mode-table.js';
import type { InvokeAsyncRequest } from '../wire/parse-request.js';
import { CONNECTION_HEADERS, type WireRequest, type WireResponse } from '../wire/wire-types.js';
import { canonicalJson } from '../common/canonical-json.js';
import {
  decodeBody,
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
import { requestKey, type MatchableRequest, type MatchOption } from '../matching/request-key.js';
import { forwardUpstream } from '../recording/forward-upstream.js';
import { redactPayload } from '../recording/redaction.js';
import { secretsOf } from '../recording/secret-scrubber.js';
import { scrubInteraction } from '../recording/scrub-interaction.js';
import { CassetteMissError, RecordingIncompleteError, UpstreamError } from '../common/errors.js';

/** What a cassette responder does with each request: a row of the mode table other than mock. */
export type CassetteBehaviour = Exclude<Answering, 'mock'>;

/** Everything a cassette responder needs, settled by `openCassette`. */
export interface CassetteResponderOptions {
  behaviour: CassetteBehaviour;
  file: string;
  /** The cassette as loaded at open (undefined when there was none). */
  loaded: Cassette | undefined;
  match: MatchOption;
  allowPlaybackRepeats: boolean;
  redact: readonly string[];
  maskAccountIds: boolean;
  /** Where to forward instead of the request's own URL (a custom endpoint). */
  target?: string;
}

// Per-connection or per-moment headers: replay recomputes or omits them.
const UNRECORDED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([...CONNECTION_HEADERS, 'date', 'set-cookie']);

function recordedResponse(res: WireResponse): Interaction['response'] {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    const lower = name.toLowerCase();
    if (!UNRECORDED_RESPONSE_HEADERS.has(lower)) headers[lower] = value;
  }
  return { status: res.status, headers, body: encodeBody(res.body, false) };
}

/** The response a recorded interaction stands for, bytes as recorded. */
function replayedResponse(interaction: Interaction): WireResponse {
  // As a Buffer, like every other body the engine hands out (and like Node's own): the SDK code that
  // reads bodies then sees one kind of object, not two.
  const bytes = decodeBody(interaction.response.body);
  const body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    kind: 'response',
    status: interaction.response.status,
    headers: { ...interaction.response.headers, 'content-length': String(body.byteLength) },
    body,
  };
}

function describeRequest(request: InvokeAsyncRequest): string {
  return `${request.functionName} (${request.region})`;
}

export class CassetteResponder implements Responder {
  #index: InteractionIndex<Interaction>;
  #recordedRequests: MatchableRequest[] = [];
  #recorded: Interaction[] = [];
  /** The cassette as loaded; let go of after close(), see {@link #release}. */
  #loaded: Cassette | undefined;
  readonly #upstreamFailures: string[] = [];
  readonly #redact: string[];
  readonly #maskAccountIds: boolean;

  readonly #options: Omit<CassetteResponderOptions, 'loaded'>;
  #wrote = false;

  constructor(options: CassetteResponderOptions) {
    const { loaded, ...rest } = options;
    this.#options = rest;
    this.#loaded = loaded;
    // Filters the cassette was recorded with stay in force, so its redacted payloads keep matching.
    this.#redact = [...new Set([...(options.loaded?.filters?.redact ?? []), ...options.redact])];
    this.#maskAccountIds = options.maskAccountIds || options.loaded?.filters?.maskAccountIds === true;
    this.#index = new InteractionIndex(options.match, options.allowPlaybackRepeats);
    if (options.behaviour === 'replay' || options.behaviour === 'new-episodes') {
      options.loaded?.interactions.forEach((interaction, position) => {
        this.#index.add(interaction.request, interaction, position);
        this.#recordedRequests.push(interaction.request);
      });
    }
  }

  /** Whether `close()` wrote the cassette file. */
  get wroteCassette(): boolean {
    return this.#wrote;
  }

  get reachesUpstream(): boolean {
    return ANSWERING_TABLE[this.#options.behaviour].network !== 'never';
  }

  async respond(request: InvokeAsyncRequest, wire: WireRequest): Promise<Answer> {
    const { behaviour } = this.#options;
    if (behaviour === 'passthrough') return this.#forward(wire, request, 'passthrough');
    if (behaviour === 'record') return this.#record(request, wire);
    const matchable = this.#matchable(request);
    const found = this.#index.take(matchable);
    if (found.kind === 'hit') return { source: 'replay', outcome: replayedResponse(found.value) };
    if (behaviour === 'new-episodes') return this.#record(request, wire);
    const message =
      found.kind === 'exhausted'
        ? describeExhausted(this.#options.file, matchable, found.played)
        : describeMiss(this.#options.file, matchable, this.#recordedRequests);
    return { source: 'replay', outcome: { kind: 'failure', error: new CassetteMissError(message) }, miss: message };
  }

  async close(): Promise<void> {
    try {
      await this.#write();
    } finally {
      this.#release();
    }
  }

  /**
   * Lets go of the cassette once closed. A closed double keeps its call log for assertions, and may
   * itself be kept longer than its test (a variable in a closure, an aws-sdk-client-mock stub's record
   * of its last call's stack): that must not keep thousands of interactions in memory too.
   */
  #release(): void {
    this.#loaded = undefined;
    this.#index = new InteractionIndex(this.#options.match, this.#options.allowPlaybackRepeats);
    this.#recordedRequests = [];
    this.#recorded = [];
  }

  async #write(): Promise<void> {
    const { behaviour, file } = this.#options;
    const { writes } = ANSWERING_TABLE[behaviour];
    if (writes === 'never') return;
    if (this.#upstreamFailures.length > 0) throw new RecordingIncompleteError(file, this.#upstreamFailures);
    if (writes === 'when-something-was-recorded' && this.#recorded.length === 0 && this.#loaded) return;
    const stale = this.#staleInteractions();
    await updateCassette(file, (current) => {
      const base = current ?? newCassette();
      const kept = base.interactions.filter((i) => !stale.has(canonicalJson(i)));
      const filters = this.#filters();
      return { ...base, ...(filters ? { filters } : {}), recordedWith: newCassette().recordedWith, interactions: [...kept, ...this.#recorded] };
    });
    this.#wrote = true;
  }

  /**
   * What a record run replaces: the answers it loaded for requests it recorded again. Answers for
   * requests it did not see stay, so vitest workers recording into one cassette never drop each
   * other's interactions, whichever opened first.
   */
  #staleInteractions(): Set<string> {
    if (this.#options.behaviour !== 'record') return new Set();
    const { match } = this.#options;
    const rerecorded = new Set(this.#recorded.map((i) => requestKey(i.request, match)));
    return new Set((this.#loaded?.interactions ?? []).filter((i) => rerecorded.has(requestKey(i.request, match))).map((i) => canonicalJson(i)));
  }

  #filters(): Cassette['filters'] | undefined {
    if (this.#redact.length === 0 && !this.#maskAccountIds) return undefined;
    return { ...(this.#redact.length ? { redact: this.#redact } : {}), ...(this.#maskAccountIds ? { maskAccountIds: true } : {}) };
  }

  #payload(request: InvokeAsyncRequest): Body {
    // Stands for what encodeBody(<canonical JSON bytes>, true) gives, without encoding the value to
    // bytes and parsing it back on every call: matching compares values or canonical keys, cassettes
    // are written canonically, and a recording is copied through JSON before it is kept.
    if (request.json.ok) return { json: redactPayload(request.json.value, this.#redact) as JsonValue };
    return encodeBody(request.body, true);
  }

  #matchable(request: InvokeAsyncRequest): MatchableRequest {
    const m: MatchableRequest = { functionName: request.ref?.name ?? request.functionName, region: request.region, payload: this.#payload(request) };
    if (request.ref?.qualifier !== undefined) m.qualifier = request.ref.qualifier;
    return m;
  }

  async #forward(wire: WireRequest, request: InvokeAsyncRequest, source: 'record' | 'passthrough'): Promise<Answer & { response?: WireResponse }> {
    try {
      const response = await forwardUpstream(wire, this.#options.target);
      return { source, outcome: response, response };
    } catch (e) {
      const error = e instanceof UpstreamError ? e : new UpstreamError(wire.url, e);
      if (source === 'record') this.#upstreamFailures.push(`${describeRequest(request)}: ${error.message}`);
      return { source, outcome: { kind: 'failure', error } };
    }
  }

  async #record(request: InvokeAsyncRequest, wire: WireRequest): Promise<Answer> {
    const answer = await this.#forward(wire, request, 'record');
    if (answer.response) this.#recorded.push(this.#interaction(request, answer.response));
    return answer;
  }

  #interaction(request: InvokeAsyncRequest, response: WireResponse): Interaction {
    const raw: Interaction = { request: this.#matchable(request), response: recordedResponse(response), recordedAt: new Date().toISOString() };
    if (request.functionName !== raw.request.functionName) raw.request.functionRef = request.functionName;
    return scrubInteraction(raw, { redact: this.#redact, maskAccountIds: this.#maskAccountIds, secrets: secretsOf(request.headers) }).interaction;
  }
}
