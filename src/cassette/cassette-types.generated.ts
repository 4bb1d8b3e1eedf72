/* eslint-disable */
/**
 * GENERATED FILE, DO NOT EDIT.
 * Generated from schema/cassette.schema.json by scripts/gen-types.mjs (`npm run gen`).
 * Change the schema and regenerate; test/cassette/generated-types.test.ts fails while this file is stale.
 */

/**
 * A byte sequence, stored in the most readable form that gives the same bytes back: exactly one of `json`, `text` or `base64`.
 */
export type Body = JsonBody | TextBody | Base64Body;
/**
 * Any JSON value: object, array, string, number, boolean or null.
 */
export type JsonValue =
  | {
      [k: string]: JsonValue;
    }
  | JsonValue[]
  | string
  | number
  | boolean
  | null;

/**
 * A lambda-cassette cassette: AWS Lambda InvokeAsync calls recorded in order, replayed byte-for-byte. This schema is the source of truth; the TypeScript types in src/cassette/cassette-types.generated.ts are generated from it (npm run gen).
 */
export interface Cassette {
  /**
   * Cassette format version. Bumped only on incompatible changes; older cassettes are migrated in memory when loaded, newer ones are refused with a request to upgrade lambda-cassette.
   */
  version: 1;
  /**
   * What wrote this cassette (library, its version, Node.js version); informational, never used for matching.
   */
  recordedWith: RecordedWith;
  /**
   * Every recorded call, in the order it was recorded. Order matters: repeated identical calls replay their answers in this order.
   */
  interactions: Interaction[];
  /**
   * Scrubbing applied to every interaction before it was written. Replay applies the same to incoming requests, so redacted payloads still match.
   */
  filters?: Filters;
}
/**
 * What wrote the cassette, to explain differences between recordings made on different machines.
 */
export interface RecordedWith {
  /**
   * Name of the library that wrote the cassette, "lambda-cassette".
   */
  library: string;
  /**
   * Version of that library (its package.json version).
   */
  libraryVersion: string;
  /**
   * Node.js version that wrote the cassette (process.version, e.g. "v20.20.2").
   */
  node: string;
}
/**
 * One InvokeAsync call: what the caller sent and what the service answered.
 */
export interface Interaction {
  /**
   * What the caller sent, minus credentials and per-call headers.
   */
  request: RecordedRequest;
  /**
   * What the service answered, replayed byte-for-byte.
   */
  response: RecordedResponse;
  /**
   * When the call was recorded: an RFC 3339 date-time, written in UTC by lambda-cassette (e.g. "2026-11-22T00:00:00.000Z").
   */
  recordedAt: string;
}
/**
 * The parts of an InvokeAsync or Invoke request that identify it. Credentials, signatures, dates and other per-call headers are never stored.
 */
export interface RecordedRequest {
  /**
   * The function's plain name (no ARN prefix, no qualifier), e.g. "orders-fn".
   */
  functionName: string;
  /**
   * Version or alias the call named, e.g. "prod" or "$LATEST"; absent when the call named none.
   */
  qualifier?: string;
  /**
   * The function reference exactly as the caller sent it (URI-decoded), when it was not the plain name: a full or partial ARN, or a name with a qualifier.
   */
  functionRef?: string;
  /**
   * AWS region the call went to, e.g. "us-east-1".
   */
  region: string;
  /**
   * The operation the call was: "Invoke" for an Invoke of any invocation type. Absent means InvokeAsync (what every cassette written before Invoke was served holds), so it is written only for Invoke. Replay matches on it.
   */
  operation?: 'InvokeAsync' | 'Invoke';
  /**
   * How an Invoke ran the function: "RequestResponse" (synchronous, the answer holds the result) or "DryRun". Absent means Event (InvokeAsync calls and asynchronous Invokes, what every cassette written before synchronous Invoke was served holds), so it is written only for the other two. Replay matches on it.
   */
  invocationType?: 'Event' | 'RequestResponse' | 'DryRun';
  /**
   * The InvokeArgs bytes (for Invoke, the Payload bytes). Stored as `json` whenever they parse as JSON, so the cassette stays readable and matching can compare payloads by value.
   */
  payload: Body;
}
/**
 * Bytes that are JSON, stored as the JSON value itself. Their bytes are the value's canonical JSON text (sorted keys, no whitespace).
 */
export interface JsonBody {
  /**
   * Any JSON value.
   */
  json: JsonValue;
}
/**
 * Bytes that are valid UTF-8 but not stored as JSON, stored as the decoded string.
 */
export interface TextBody {
  /**
   * The bytes decoded as UTF-8 (a byte-order mark, if any, is kept).
   */
  text: string;
}
/**
 * Bytes that are not valid UTF-8, stored base64-encoded.
 */
export interface Base64Body {
  /**
   * The bytes, standard base64 with padding (RFC 4648 section 4).
   */
  base64: string;
}
/**
 * The answer the service gave, replayed exactly.
 */
export interface RecordedResponse {
  /**
   * HTTP status code, e.g. 202.
   */
  status: number;
  /**
   * Response headers to replay: lower-case names, string values (repeated headers joined with ", ").
   */
  headers: {
    [k: string]: string;
  };
  /**
   * The response body. Stored as `json` only when its canonical JSON text is exactly the bytes received, otherwise as `text` or `base64`, so replay gives the caller identical bytes.
   */
  body: Body;
}
/**
 * How recordings in this cassette were scrubbed.
 */
export interface Filters {
  /**
   * JSONPath expressions (e.g. "$.card.number", "$..password") whose payload values were replaced with "[REDACTED]".
   */
  redact?: string[];
  /**
   * Whether 12-digit AWS account ids in function references, response headers and bodies were replaced with 000000000000.
   */
  maskAccountIds?: boolean;
}
