/** The values a double assumes when the caller does not say; one place, so messages and ARNs agree. */
export const DEFAULTS = {
  /** Region assumed when neither the host nor the signature names one. */
  region: 'us-east-1',
  /** Account id printed in ARNs by mock answers. */
  accountId: '123456789012',
  /** Folder of cassette files, relative to the working directory. */
  cassetteDir: 'cassettes',
} as const;
