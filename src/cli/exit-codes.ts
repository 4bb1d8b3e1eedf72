/** Exit codes of the `lambda-cassette` command: scripts and pre-commit hooks rely on them. */

/** Everything went well, nothing to report. */
export const EXIT_OK = 0;
/** Findings or failures on the input: an invalid cassette, a secret, a failed migration, unmatched requests. */
export const EXIT_FINDINGS = 1;
/** The command was used wrongly: unknown command or option, a bad value, a missing argument or path. */
export const EXIT_USAGE = 2;

/** Help text shared by every command. */
export const EXIT_CODES_HELP = `
Exit codes:
  0  success, nothing to report
  1  findings or failures: invalid or unreadable cassettes, secrets found, a
     migration that failed, requests that found no answer while serving
  2  usage error: unknown command or option, bad option value, missing
     argument, a path that does not exist`;
