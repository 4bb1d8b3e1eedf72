/** Errors of the test-runner integrations (`lambda-cassette/jest`, `/vitest`, `/node-test`). */
import { LambdaCassetteError } from './errors.js';

/** The test runner in use is older than the integration supports. */
export class RunnerVersionError extends LambdaCassetteError {
  declare readonly code: 'LC_RUNNER_VERSION';
  constructor(
    readonly runner: string,
    readonly found: string,
    readonly minimum: number,
    readonly install: string,
  ) {
    super(
      'LC_RUNNER_VERSION',
      'RunnerVersionError',
      `lambda-cassette: ${runner} ${minimum} or newer is needed; this project has ${runner} ${found}. ` +
        `Upgrade it (${install}), or open doubles yourself with openCassette()/mockLambda() from 'lambda-cassette', which need no test runner.`,
    );
  }
}
