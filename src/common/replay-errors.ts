/**
 * Errors of requests a double did not answer (no recording, one too old, a request it does not
 * serve) and of recordings it never played: thrown by the request, or listed by `close()`.
 */
import { LambdaCassetteError } from './errors.js';
import { numbered } from './numbered-lines.js';

/** A request that found no recorded answer (the SDK call fails with it; `close()` lists it). */
export class CassetteMissError extends LambdaCassetteError {
  declare readonly code: 'LC_CASSETTE_MISS';
  /** When the closest recording differs only in a few payload values: where (`$.sentAt`, ...). */ readonly differingPaths?: readonly string[];
  /** The `ignore` entries that would have matched it. */ readonly suggestedIgnore?: readonly string[];
  constructor(message: string, nearMiss?: { paths: readonly string[]; ignore: readonly string[] }) {
    super('LC_CASSETTE_MISS', 'CassetteMissError', message);
    if (nearMiss) {
      this.differingPaths = nearMiss.paths;
      this.suggestedIgnore = nearMiss.ignore;
    }
  }
}

/** `onExpired: 'error'`: a request matched an interaction recorded longer ago than `maxAge`. */
export class CassetteExpiredError extends LambdaCassetteError {
  declare readonly code: 'LC_CASSETTE_EXPIRED';
  constructor(
    readonly file: string,
    readonly index: number,
    readonly recordedAt: string,
    message: string,
  ) {
    super('LC_CASSETTE_EXPIRED', 'CassetteExpiredError', message);
  }
}

/** Thrown by `close()` when requests found no recorded answer. */
export class UnmatchedRequestsError extends LambdaCassetteError {
  declare readonly code: 'LC_UNMATCHED_REQUESTS';
  constructor(
    readonly label: string,
    readonly requests: readonly string[],
  ) {
    super(
      'LC_UNMATCHED_REQUESTS',
      'UnmatchedRequestsError',
      `lambda-cassette: ${requests.length} Lambda invocation request(s) found no recorded answer in ${label}:\n` +
        numbered(requests),
    );
  }
}

/** A Lambda request the double does not serve, stopped by `onUnhandledRequest: 'error'`; `close()` lists them all. */
export class UnhandledRequestError extends LambdaCassetteError {
  declare readonly code: 'LC_UNHANDLED_REQUEST';
  /** @param requests one line per request: operation, method and URL */
  constructor(
    readonly label: string,
    readonly requests: readonly string[],
    closing = false,
  ) {
    super(
      'LC_UNHANDLED_REQUEST',
      'UnhandledRequestError',
      closing
        ? `lambda-cassette: ${requests.length} Lambda request(s) that ${label} does not serve were stopped before the network:\n` +
            requests.map((r, i) => `  ${i + 1}. ${r}`).join('\n') +
            "\nServe them with your own mock, or let them through with onUnhandledRequest: 'bypass' (or 'warn')."
        : `lambda-cassette: ${label} does not serve ${requests[0]}; it was stopped before the network. ` +
            "Serve it with your own mock, or let it through with onUnhandledRequest: 'bypass' (or 'warn').",
    );
  }
}

/** `allowUnusedInteractions: false`: `close()` found recorded interactions the run never played. */
export class UnusedInteractionsError extends LambdaCassetteError {
  declare readonly code: 'LC_UNUSED_INTERACTIONS';
  /** @param interactions `#<position> <function> (recorded <date>)` of each unused interaction */
  constructor(
    readonly file: string,
    readonly interactions: readonly string[],
  ) {
    super(
      'LC_UNUSED_INTERACTIONS',
      'UnusedInteractionsError',
      `lambda-cassette: ${interactions.length} recorded interaction(s) in ${file} were never played (allowUnusedInteractions: false):\n` +
        interactions.map((u) => `  - ${u}`).join('\n') +
        "\nRemove them (record the cassette again, or `lambda-cassette prune` with the vitest reporter's report), or allow them with allowUnusedInteractions: true.",
    );
  }
}
