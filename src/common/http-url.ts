/**
 * The one check for the URLs users give (`target`, `endpoint`, `--target`, a verify target): an
 * absolute http: or https: URL, since that is all the double intercepts or forwards to. A bare
 * `localhost:4566` parses as a URL of scheme `localhost:`, so parsing alone is not enough.
 */
import { InvalidOptionError } from './seal-errors.js';

/** Why `value` is not an absolute http(s) URL, or undefined when it is one. */
function urlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'it is not a string';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'it does not parse as an absolute URL';
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : `its scheme is "${url.protocol}"`;
}

/** Whether `value` is an absolute http(s) URL. */
export function isHttpUrl(value: unknown): value is string {
  return urlProblem(value) === undefined;
}

/**
 * `<name> must be an absolute http(s) URL (e.g. <example>), got <value>: ...why not`: the one
 * wording, for an option (`option "target"`) or a command-line flag (`--target`).
 */
export function notHttpUrl(name: string, value: unknown, example = 'http://127.0.0.1:4566'): string {
  const why = urlProblem(value) ?? 'it is one';
  return `${name} must be an absolute http(s) URL (e.g. ${example}), got ${JSON.stringify(value)}: not an absolute http(s) URL, as ${why}`;
}

/**
 * Checks an option that holds a URL.
 * @param option how the message names it: `option "target"`, `verify target`.
 * @throws {InvalidOptionError} naming `option` and the value given.
 */
export function checkHttpUrlOption(option: string, value: unknown, example?: string): asserts value is string {
  if (!isHttpUrl(value)) throw new InvalidOptionError(`lambda-cassette: ${notHttpUrl(option, value, example)}`);
}
