/** Errors of features whose optional packages are not installed. */
import { LambdaCassetteError } from './errors.js';

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
