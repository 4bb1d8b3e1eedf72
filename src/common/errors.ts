/** Errors `openCassette` raises at open, each with a stable `code`. */

/** `replay` mode and no cassette file. */
export class CassetteNotFoundError extends Error {
  readonly code = 'LC_CASSETTE_NOT_FOUND';
  constructor(readonly file: string) {
    super(
      `lambda-cassette: cassette ${file} does not exist and mode is "replay". ` +
        'Record it first (mode "auto" or "record", or LAMBDA_CASSETTE_MODE=record), then commit it.',
    );
    this.name = 'CassetteNotFoundError';
  }
}

/** A mode that would write a cassette, under `CI=true`, without permission. */
export class RecordingInCIError extends Error {
  readonly code = 'LC_RECORDING_IN_CI';
  constructor(readonly file: string, readonly mode: string) {
    super(
      `lambda-cassette: mode "${mode}" would write cassette ${file}, but CI=true. ` +
        'Commit the cassette and replay it in CI, or allow recording with allowRecordingInCI: true or LAMBDA_CASSETTE_ALLOW_CI_RECORD=1.',
    );
    this.name = 'RecordingInCIError';
  }
}

/** A cassette name that would leave the cassette folder or is not a usable file name. */
export class InvalidCassetteNameError extends Error {
  readonly code = 'LC_INVALID_CASSETTE_NAME';
  constructor(readonly cassetteName: string, reason: string) {
    super(`lambda-cassette: cassette name "${cassetteName}" ${reason}`);
    this.name = 'InvalidCassetteNameError';
  }
}
