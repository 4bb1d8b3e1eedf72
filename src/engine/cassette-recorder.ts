/**
 * Recording for a cassette: what a request looks like once kept (payload redacted, the caller's own
 * credentials scrubbed), forwarding it to the real endpoint, and the interactions and failures
 * collected along the way, which the cassette responder writes (or reports) at close.
 */
import type { Answer } from './responder.js';
import { bodyBytes, type InvocationRequest } from '../wire/parse-request.js';
import type { WireRequest, WireResponse } from '../wire/wire-types.js';
import { encodeBody, type Body, type Interaction, type JsonValue } from '../cassette/index.js';
import type { MatchableRequest } from '../matching/request-key.js';
import { forwardUpstream } from '../recording/forward-upstream.js';
import { redactPayload } from '../recording/redaction.js';
import { secretsOf } from '../recording/secret-scrubber.js';
import { scrubInteraction } from '../recording/scrub-interaction.js';
import { withoutOwnCredentials } from '../recording/own-credentials.js';
import { LambdaCassetteError } from '../common/errors.js';
import { UnrecordableRequestError } from '../common/recording-errors.js';
import { UpstreamError } from '../common/upstream-errors.js';
import { recordedResponse } from './recorded-response.js';

/** A request as messages name it. */
export function describeRequest(request: InvocationRequest): string {
  return `${request.functionName} (${request.region})`;
}

function payloadOf(request: InvocationRequest, redact: readonly string[]): Body {
  // Stands for what encodeBody(<canonical JSON bytes>, true) gives, without encoding the value to
  // bytes and parsing it back on every call: matching compares values or canonical keys, cassettes
  // are written canonically, and a recording is copied through JSON before it is kept.
  // The request's own credentials are scrubbed as the recorder scrubs them (own-credentials.ts).
  // The headers, not the secrets they carry: most payloads are shown plain without reading them.
  const secrets = request.headers;
  if (request.json.ok && redact.length === 0)
    return withoutOwnCredentials({ json: request.json.value as JsonValue }, secrets, request.json.text);
  if (request.json.ok)
    return withoutOwnCredentials({ json: redactPayload(request.json.value, redact) as JsonValue }, secrets);
  return withoutOwnCredentials(encodeBody(bodyBytes(request.body), true), secrets);
}

/** `request` as a cassette keeps it, and as replay compares it with what was kept. */
export function cassetteRequest(request: InvocationRequest, redact: readonly string[]): MatchableRequest {
  const m: MatchableRequest = {
    functionName: request.ref?.name ?? request.functionName,
    region: request.region,
    payload: payloadOf(request, redact),
  };
  if (request.ref?.qualifier !== undefined) m.qualifier = request.ref.qualifier;
  // Written for Invoke only, the type for RequestResponse and DryRun only: absent fields mean InvokeAsync, Event.
  if (request.operation === 'Invoke') m.operation = 'Invoke';
  if (request.invocationType !== 'Event') m.invocationType = request.invocationType;
  return m;
}

/** What recording needs, settled by the cassette responder (filters of the loaded cassette merged in). */
interface RecorderOptions {
  file: string;
  /** Where to forward instead of the request's own URL (a custom endpoint). */
  target?: string;
  redact: readonly string[];
  maskAccountIds: boolean;
}

export class CassetteRecorder {
  #recorded: Interaction[] = [];
  readonly #upstreamFailures: string[] = [];
  /** Requests recording could not keep, each with why (see {@link record}). */
  readonly #notRecorded: string[] = [];

  constructor(private readonly options: RecorderOptions) {}

  /** The interactions recorded so far, in order. */
  get recorded(): readonly Interaction[] {
    return this.#recorded;
  }

  /** Recorded requests whose forwarding failed. */
  get upstreamFailures(): readonly string[] {
    return this.#upstreamFailures;
  }

  /** Requests not sent, or sent but not kept, each with why. */
  get notRecorded(): readonly string[] {
    return this.#notRecorded;
  }

  /** Forgets what was recorded (once written): a closed double must not keep it in memory. */
  release(): void {
    this.#recorded = [];
  }

  async forward(
    wire: WireRequest,
    request: InvocationRequest,
    source: 'record' | 'passthrough',
  ): Promise<Answer & { response?: WireResponse }> {
    try {
      const response = await forwardUpstream(wire, this.options.target);
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
  async record(request: InvocationRequest, wire: WireRequest): Promise<Answer> {
    let recordedRequest: MatchableRequest;
    try {
      recordedRequest = cassetteRequest(request, this.options.redact);
    } catch (e) {
      const error = new UnrecordableRequestError(describeRequest(request), this.options.file, e);
      this.#notRecorded.push(
        `${describeRequest(request)}: not sent, not recorded: ${(e as Error)?.message ?? String(e)}`,
      );
      return { source: 'record', outcome: { kind: 'failure', error } };
    }
    const answer = await this.forward(wire, request, 'record');
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
    const { redact, maskAccountIds } = this.options;
    return scrubInteraction(raw, { redact, maskAccountIds, secrets }).interaction;
  }
}
