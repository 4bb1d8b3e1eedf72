/**
 * Errors for callers' mistakes that the runner integrations and option checks catch: two tests
 * recording into one cassette, a double left open by an earlier test, an option of the wrong type.
 */
import { LambdaCassetteError } from './errors.js';

/** Two different tests of one run map to the same cassette file: their recordings would mix. */
export class CassetteNameCollisionError extends LambdaCassetteError {
  declare readonly code: 'LC_CASSETTE_NAME_COLLISION';
  constructor(
    readonly cassetteName: string,
    readonly tests: readonly [first: string, second: string],
  ) {
    super(
      'LC_CASSETTE_NAME_COLLISION',
      'CassetteNameCollisionError',
      `lambda-cassette: tests "${tests[0]}" and "${tests[1]}" both record into cassette "${cassetteName}" (their names differ only in characters a file name cannot hold); rename one of them, or give useLambdaCassette a name function`,
    );
  }
}

/** An option or argument of the wrong type or value: the message says what was given and what is accepted. */
export class InvalidOptionError extends LambdaCassetteError {
  declare readonly code: 'LC_INVALID_OPTION';
  constructor(message: string) {
    super('LC_INVALID_OPTION', 'InvalidOptionError', message);
  }
}

/** A call made where it cannot work (a closed double, outside a test): the message says where it can. */
export class MisuseError extends LambdaCassetteError {
  declare readonly code: 'LC_MISUSE';
  constructor(message: string, options?: ErrorOptions) {
    super('LC_MISUSE', 'MisuseError', message, options);
  }
}

/** A double still open when the next one opens, or when a test ends: it would answer the next test's calls. */
export class LeakedDoubleError extends LambdaCassetteError {
  declare readonly code: 'LC_LEAKED_DOUBLE';
  constructor(
    readonly label: string,
    readonly openedAt: string,
    when: string,
    hint?: string,
  ) {
    super(
      'LC_LEAKED_DOUBLE',
      'LeakedDoubleError',
      `lambda-cassette: ${label} is still open ${when}; it was opened at:\n${openedAt}\nClose it (await lambda.close()) in an afterEach or a finally block${hint === undefined ? '' : `. ${hint}`}`,
    );
  }
}
