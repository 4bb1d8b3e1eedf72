/**
 * Errors of cassette files: one `replay` cannot find, a name that cannot be a file, and every load,
 * write or update failure.
 */
import { LambdaCassetteError } from './errors.js';

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
interface CassetteErrorDetails {
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
