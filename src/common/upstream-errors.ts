/** Errors of forwarding requests to the real endpoint, as recording and passthrough do. */
import { LambdaCassetteError } from './errors.js';

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
