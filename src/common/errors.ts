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

/**
 * A Lambda request the double does not serve (another Lambda API, `Invoke`, ...) stopped by
 * `onUnhandledRequest: 'error'` before it reached the network. The request fails with one, and
 * `close()` rejects with one listing every such request.
 */
export class UnhandledRequestError extends Error {
  readonly code = 'LC_UNHANDLED_REQUEST';
  constructor(
    readonly label: string,
    /** One line per request: operation, method and URL. */
    readonly requests: readonly string[],
    closing = false,
  ) {
    super(
      closing
        ? `lambda-cassette: ${requests.length} Lambda request(s) that ${label} does not serve were stopped before the network:\n` +
            requests.map((r, i) => `  ${i + 1}. ${r}`).join('\n') +
            "\nServe them with your own mock, or let them through with onUnhandledRequest: 'bypass' (or 'warn')."
        : `lambda-cassette: ${label} does not serve ${requests[0]}; it was stopped before the network. ` +
            "Serve it with your own mock, or let it through with onUnhandledRequest: 'bypass' (or 'warn').",
    );
    this.name = 'UnhandledRequestError';
  }
}

/**
 * nock's interceptors were taken away while a double was open (a caller's `nock.cleanAll()` or
 * `nock.restore()` imported by name, or nock.back's record mode), and InvokeAsync traffic may have
 * gone unintercepted. The request that noticed fails with one; `close()` rejects with one.
 */
export class InterceptionLostError extends Error {
  readonly code = 'LC_INTERCEPTION_LOST';
  constructor(readonly label: string, readonly what: string) {
    super(
      `lambda-cassette: ${what} while ${label} was open, so lambda-cassette's nock interceptor was gone. ` +
        'Call nock.cleanAll()/nock.restore() only after closing the double (e.g. in afterAll, after close()), ' +
        'or open the double per test (useLambdaCassette).',
    );
    this.name = 'InterceptionLostError';
  }
}

/** nock 15 on Node before 22: every intercepted request would fail. */
export class NockRuntimeError extends Error {
  readonly code = 'LC_NOCK_RUNTIME';
  constructor(message: string) {
    super(message);
    this.name = 'NockRuntimeError';
  }
}
