import { boundedMemo } from '../common/bounded-memo.js';

/** A request as any door hands it to the engine: transport-neutral. */
export interface WireRequest {
  method: string;
  /** Absolute URL, e.g. `https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/f/invoke-async`. */
  url: string;
  /** Header names in any case; a door may pass repeated headers as arrays. */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
  /**
   * The string `body` was encoded from, when a door had one (the SDK serializes `InvokeArgs` to a
   * string): the engine parses it instead of decoding `body` back. Unset when there was no string.
   */
  text?: string;
  /**
   * Forward it signed again (SigV4, the default AWS credential chain) for the host it is sent to,
   * instead of with the caller's signature: the loopback server's `sign: true`, whose callers sign
   * for 127.0.0.1.
   */
  signForTarget?: boolean;
}

/** An HTTP answer, exactly as it is to reach the caller. */
export interface WireResponse {
  kind: 'response';
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /**
   * @internal Forwarded answers only: credentials the forwarded request carried that the caller never sent
   * (a new signature's key id, signature and session token), which the recorder scrubs as it scrubs
   * the caller's own. Never sent to the caller.
   */
  sentSecrets?: readonly string[];
}

/** A transport failure instead of an answer. */
export interface WireFault {
  kind: 'fault';
  fault: TransportFault;
}

/** The engine could not answer (a replay miss, an unreachable endpoint): the caller gets `error` as a transport error. */
export interface WireFailure {
  kind: 'failure';
  error: Error;
}

/** Transport failures a double can simulate. */
export type TransportFault = 'timeout' | 'connection-reset';

/** What the engine gives back to a door. */
export type WireOutcome = WireResponse | WireFault | WireFailure;

/**
 * Headers that describe one connection, not the message (plus `content-length`, which follows from
 * the body): every hop sets its own, so none is copied from one connection to another.
 */
export const CONNECTION_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'content-length',
]);

/**
 * `name.toLowerCase()`, for a header name. Every request and response has the same few header names:
 * each is lower-cased once (toLowerCase makes a new string for a name with a capital, every time).
 */
export const lowerCaseName: (name: string) => string = boundedMemo(512, (name) => name.toLowerCase());

/** One header's value as one string: repeated values joined the way HTTP joins them. */
export function headerValue(value: unknown): string {
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : String(value);
}

/** Lower-cases header names and joins repeated values the way HTTP does. */
export function normalizeHeaders(headers: WireRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    out[lowerCaseName(name)] = headerValue(value);
  }
  return out;
}
