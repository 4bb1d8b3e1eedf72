/**
 * The one contract between the engine and its doors. A door (http/https, the SDK request handler, the
 * client-mock adapter, the loopback server, ...) turns its own request shape into a `WireRequest`,
 * hands it to {@link DoorPort.handle}, and turns the outcome back; it registers a detach hook with
 * {@link DoorPort.attach} so `close()` undoes it. Doors import this interface, never the double, so
 * adding a door touches no engine file.
 */
import type { WireOutcome, WireRequest } from '../wire/wire-types.js';
import type { InvocationRequest } from '../wire/parse-request.js';
import type { LambdaCall } from './call-log.js';
import type { OnUnhandledRequest, UnhandledVerdict } from './unhandled-policy.js';

/** Settings every double has, whatever its mode. */
export interface DoubleSettings {
  /** Region assumed when neither the host nor the signature names one. */
  region: string;
  /** Account id used in ARNs the double prints. */
  accountId: string;
  /** Custom endpoints whose InvokeAsync traffic is intercepted too. */
  endpoints: readonly string[];
  /** Name used in error messages (the cassette's name, or "mockLambda"). */
  label: string;
  /** What becomes of Lambda requests the double does not serve (already resolved for the mode). */
  onUnhandledRequest: OnUnhandledRequest;
  /** How long `close()` waits for forwarded requests still in flight (ms; default 10,000). */
  closeTimeout?: number;
}

/** What a door leaves behind when it attaches: `close()` of the double calls `detach` once. */
export interface DoorAttachment {
  detach(): Promise<void> | void;
}

/** What a door sees of a double. */
export interface DoorPort {
  /**
   * Answers one request and logs it; `undefined` when the request is not one the engine serves
   * (the door then leaves it alone or refuses it, as its transport allows).
   */
  handle(wire: WireRequest): Promise<WireOutcome | undefined>;
  /**
   * {@link DoorPort.handle}, with the outcome itself when the engine answered without waiting (nearly
   * every mocked or replayed call), so an in-process door hands its caller one promise instead of a
   * chain. Never throws: a failure is a rejected promise.
   */
  answer(wire: WireRequest): WireOutcome | undefined | Promise<WireOutcome | undefined>;
  /**
   * {@link DoorPort.answer} for a door that builds the parsed request itself (the client-mock door,
   * which is handed the command's input, not a request): `request` must be exactly what
   * `parseInvocation(wire(), settings.region)` gives, and `wire()` is called only when the double
   * sends the request on to the real endpoint.
   */
  answerParsed(request: InvocationRequest, wire: () => WireRequest): WireOutcome | Promise<WireOutcome>;
  /**
   * For a door that gives its caller the answer itself, not a response to convert (the client-mock
   * door): when the double would answer `request`, an InvokeAsync, with the service's plain success
   * (202, `{"Status":202}`) and nothing else, logs the call as {@link answerParsed} would and returns
   * the request id of that answer; otherwise does nothing and returns `undefined` (then call
   * `answerParsed`).
   */
  acceptAtOnce(request: InvocationRequest): string | undefined;
  /** Registers a door so the double's `close()` detaches it. */
  attach(attachment: DoorAttachment): void;
  /** Whether `close()` has been called. */
  readonly closed: boolean;
  readonly settings: DoubleSettings;
  /** Every attempt answered so far, in order. */
  readonly calls: readonly LambdaCall[];
  /** Whether some requests are sent on to the real endpoint (record, new-episodes, passthrough). */
  readonly reachesUpstream: boolean;
  /**
   * A Lambda request the engine does not serve (`handle` gave `undefined`): applies the double's
   * `onUnhandledRequest`; a refused request is listed by `close()`.
   */
  judgeUnhandled(wire: WireRequest): UnhandledVerdict;
  /** A door noticed that something took interception away or conflicted with it; `close()` rejects with `error`. */
  noteInterference(error: Error): void;
  /**
   * A binding of this double's (an aws-sdk-client-mock stub) was taken by another double, `by`,
   * while this one was open: calls through it now reach that one. An assertion that finds too few
   * calls says so.
   */
  noteBindingTaken(by: string): void;
}
