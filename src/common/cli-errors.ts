/** Errors of the `lambda-cassette` command line. */
import { LambdaCassetteError } from './errors.js';

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
