/**
 * Every public error lambda-cassette throws, in one place. Each has a stable `code` that never
 * changes meaning, so callers (and CI scripts) can branch on it instead of on message text; each
 * message says what to do. This module imports nothing: any layer may throw these.
 */

/**
 * The base of every lambda-cassette error: `instanceof LambdaCassetteError` catches them all, and
 * `code` says which one it is.
 */
export class LambdaCassetteError extends Error {
  constructor(
    /** Stable error code (`LC_...`). */
    readonly code: string,
    name: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = name;
  }
}

/** `replay` mode and no cassette file. */
export class CassetteNotFoundError extends LambdaCassetteError {
  declare readonly code: 'LC_CASSETTE_NOT_FOUND';
  constructor(readonly file: string) {
    super(
      'LC_CASSETTE_NOT_FOUND',
      'CassetteNotFoundError',
      `lambda-cassette: cassette ${file} does not exist and mode is "replay". ` +
        'Record it first (mode "auto" or "record", or LAMBDA_CASSETTE_MODE=record), then commit it.',
    );
  }
}

/** A mode that would write a cassette, under `CI=true`, without permission. */
export class RecordingInCIError extends LambdaCassetteError {
  declare readonly code: 'LC_RECORDING_IN_CI';
  constructor(
    readonly file: string,
    readonly mode: string,
  ) {
    super(
      'LC_RECORDING_IN_CI',
      'RecordingInCIError',
      `lambda-cassette: mode "${mode}" would write cassette ${file}, but CI=true. ` +
        'Commit the cassette and replay it in CI, or allow recording with allowRecordingInCI: true or LAMBDA_CASSETTE_ALLOW_CI_RECORD=1.',
    );
  }
}

/** A cassette name that would leave the cassette folder or is not a usable file name. */
export class InvalidCassetteNameError extends LambdaCassetteError {
  declare readonly code: 'LC_INVALID_CASSETTE_NAME';
  constructor(
    readonly cassetteName: string,
    reason: string,
  ) {
    super(
      'LC_INVALID_CASSETTE_NAME',
      'InvalidCassetteNameError',
      `lambda-cassette: cassette name "${cassetteName}" ${reason}`,
    );
  }
}

/** The codes of {@link CassetteError}. */
export type CassetteErrorCode =
  /** The file exists but could not be read (permissions, a directory, ...). */
  | 'LC_CASSETTE_READ'
  /** The file is not JSON: hand-edited badly, truncated, or empty. */
  | 'LC_CASSETTE_INVALID_JSON'
  /** The JSON does not follow schema/cassette.schema.json (or a cassette about to be written would not). */
  | 'LC_CASSETTE_SCHEMA'
  /** The cassette was written by a newer lambda-cassette whose format this version cannot read. */
  | 'LC_CASSETTE_FUTURE_VERSION'
  /** The cassette is older than any format this version can migrate from. */
  | 'LC_CASSETTE_NO_MIGRATION'
  /** A migration step failed or produced the wrong version. */
  | 'LC_CASSETTE_MIGRATION'
  /** The cassette (or its directory, or its temporary file) could not be written. */
  | 'LC_CASSETTE_WRITE'
  /** Another process held the cassette's lock for longer than the lock timeout. */
  | 'LC_CASSETTE_LOCK_TIMEOUT'
  /** The lock was lost (taken over as stale, or its directory removed) while this process held it. */
  | 'LC_CASSETTE_LOCK_COMPROMISED';

/** Where in a cassette file a problem is, when it is known. */
export interface CassetteErrorDetails {
  /** JSON Pointer (RFC 6901) of the value at fault, e.g. `/interactions/3/response/status`; `""` is the whole document. */ jsonPath?: string;
  /** 1-based line of a JSON syntax error. */ line?: number;
  /** 1-based column (in UTF-16 code units) of a JSON syntax error. */ column?: number;
  /** The underlying error, when there is one. */ cause?: unknown;
}

/** Every cassette load, write or update failure. The message always starts with the file path. */
export class CassetteError extends LambdaCassetteError {
  declare readonly code: CassetteErrorCode;
  /** JSON Pointer of the value at fault, for schema errors. */ readonly jsonPath?: string;
  /** 1-based line of a JSON syntax error. */ readonly line?: number;
  /** 1-based column of a JSON syntax error. */ readonly column?: number;

  constructor(
    code: CassetteErrorCode,
    /** The cassette path, as the caller gave it. */
    readonly file: string,
    /** What went wrong, without the file name: the constructor prefixes `file: `. */
    problem: string,
    details: CassetteErrorDetails = {},
  ) {
    super(
      code,
      'CassetteError',
      `${file}: ${problem}`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    if (details.jsonPath !== undefined) this.jsonPath = details.jsonPath;
    if (details.line !== undefined) this.line = details.line;
    if (details.column !== undefined) this.column = details.column;
  }
}

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

/** One numbered entry per distinct line; a line met again (an SDK retry) says how often instead. */ function numbered(
  lines: readonly string[],
): string {
  const counts = lines.reduce((m, line) => m.set(line, (m.get(line) ?? 0) + 1), new Map<string, number>());
  return [...counts].map(([line, n], i) => `  ${i + 1}. ${line}${n > 1 ? ` (${n} attempts)` : ''}`).join('\n');
}

/** Recording could not finish, so the cassette was left as it was. */
export class RecordingIncompleteError extends LambdaCassetteError {
  declare readonly code: 'LC_RECORDING_INCOMPLETE';
  constructor(
    readonly file: string,
    readonly failures: readonly string[],
    what = 'could not reach the real endpoint',
  ) {
    super(
      'LC_RECORDING_INCOMPLETE',
      'RecordingIncompleteError',
      `lambda-cassette: ${new Set(failures).size} request(s) ${what}, so ${file} was left untouched:\n` +
        numbered(failures),
    );
  }
}

/**
 * A request that recording could not turn into an interaction (say, a `redact` path that cannot be
 * evaluated on a payload nested thousands deep). It was not sent: sending what cannot be recorded
 * would lose it silently.
 */
export class UnrecordableRequestError extends LambdaCassetteError {
  declare readonly code: 'LC_UNRECORDABLE_REQUEST';
  constructor(
    readonly request: string,
    readonly file: string,
    cause: unknown,
  ) {
    super(
      'LC_UNRECORDABLE_REQUEST',
      'UnrecordableRequestError',
      `lambda-cassette: ${request} was not sent: it could not be recorded into ${file} (${(cause as Error)?.message ?? String(cause)}). ` +
        'Simplify the payload, or change the `redact` paths (a `$..` path walks every level of the payload).',
      { cause },
    );
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

/** Thrown when the real endpoint could not be reached while recording or passing through. */
export class UpstreamError extends LambdaCassetteError {
  declare readonly code: 'LC_UPSTREAM_UNREACHABLE';
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(
      'LC_UPSTREAM_UNREACHABLE',
      'UpstreamError',
      `lambda-cassette: could not reach the real endpoint ${new URL(url).origin} to record: ${(cause as Error)?.message ?? String(cause)}. Make it reachable, or record from an emulator with the option target: 'http://127.0.0.1:PORT'; to run with no network, replay a recorded cassette (mode 'replay') or use mode 'mock'.`,
      { cause },
    );
  }
}

/** Thrown when a recording loopback server is asked to forward to itself. */
export class LoopbackForwardLoopError extends LambdaCassetteError {
  declare readonly code: 'LC_LOOPBACK_LOOP';
  constructor(readonly url: string) {
    super(
      'LC_LOOPBACK_LOOP',
      'LoopbackForwardLoopError',
      `lambda-cassette: the loopback server ${url} received a request it had forwarded itself. Recording (or ` +
        'passthrough) through listen() needs somewhere real to forward to: pass `target` to openCassette ' +
        '(CLI: --target URL), e.g. a moto or LocalStack endpoint.',
    );
  }
}

/** Thrown when asked for an error AWS does not document (`inject('Nope')`). */
export class UnknownLambdaErrorName extends LambdaCassetteError {
  declare readonly code: 'LC_UNKNOWN_ERROR_NAME';
  constructor(
    readonly errorName: string,
    known: readonly string[],
  ) {
    super(
      'LC_UNKNOWN_ERROR_NAME',
      'UnknownLambdaErrorName',
      `lambda-cassette: "${errorName}" is not an error AWS documents for InvokeAsync or Invoke. Known errors: ${known.join(', ')}`,
    );
  }
}

/** CLI: a mistake in how a command was called; reported without a stack, exit code 2. */
export class UsageError extends LambdaCassetteError {
  declare readonly code: 'LC_CLI_USAGE';
  constructor(message: string) {
    super('LC_CLI_USAGE', 'UsageError', message);
  }
}

/** CLI `typegen`: a schema folder or file it cannot use. */
export class PayloadSchemaError extends LambdaCassetteError {
  declare readonly code: 'LC_PAYLOAD_SCHEMA';
  constructor(message: string) {
    super('LC_PAYLOAD_SCHEMA', 'PayloadSchemaError', message);
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

/** Thrown when a feature needs an optional peer dependency that is not installed. */
export class MissingPeerDependencyError extends LambdaCassetteError {
  declare readonly code: 'LC_MISSING_PEER_DEPENDENCY';
  /** @param installCommand the command that installs the missing package as a dev dependency */
  constructor(
    readonly packageName: string,
    readonly installCommand: string,
    feature: string,
    cause: unknown,
  ) {
    super(
      'LC_MISSING_PEER_DEPENDENCY',
      'MissingPeerDependencyError',
      `${feature} needs ${packageName}, an optional peer dependency of lambda-cassette that is not installed. Install it with:\n  ${installCommand}`,
      { cause },
    );
  }
}

/** Other code took an open double's interception away (redefined `http.request`, say): `close()` fails with it. */
export class InterceptionLostError extends LambdaCassetteError {
  declare readonly code: 'LC_INTERCEPTION_LOST';
  constructor(
    readonly label: string,
    readonly what: string,
  ) {
    super(
      'LC_INTERCEPTION_LOST',
      'InterceptionLostError',
      `lambda-cassette: ${what} while ${label} was open, so lambda-cassette's interception may not have seen every request. ` +
        'Leave those functions alone while a double is open (assigning over them, as nock, msw and Polly do, is fine), ' +
        'or open the double per test (useLambdaCassette).',
    );
  }
}

/** No longer thrown: lambda-cassette does not load nock. Kept so code that names it still compiles. */
export class NockRuntimeError extends LambdaCassetteError {
  declare readonly code: 'LC_NOCK_RUNTIME';
  constructor(message: string) {
    super('LC_NOCK_RUNTIME', 'NockRuntimeError', message);
  }
}

/** Signing a request (`verify --sign`, `listen({ sign: true })`) needs a package that is not installed. */
export class SigningUnavailableError extends LambdaCassetteError {
  declare readonly code: 'LC_SIGNING_UNAVAILABLE';
  constructor(pkg: string, cause: unknown) {
    super(
      'LC_SIGNING_UNAVAILABLE',
      'SigningUnavailableError',
      `lambda-cassette: signing requests needs ${pkg}, which is not installed. ` +
        'Install the signer and the credential chain next to lambda-cassette: npm install --save-dev @smithy/signature-v4 @aws-sdk/credential-provider-node',
      { cause },
    );
  }
}
