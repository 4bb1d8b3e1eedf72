/**
 * Who may talk to the loopback server: processes on this machine that name it by a loopback host.
 *
 * Listening on 127.0.0.1 keeps other machines out, not web pages: a page the developer opens can
 * make the browser send "simple" cross-origin POSTs (no preflight) to 127.0.0.1, and a page on a
 * name the attacker re-points at 127.0.0.1 (DNS rebinding) can even read the answers. Every browser
 * request carries one of these tells: a `Host` that is not a loopback name (rebinding), an `Origin`
 * (any cross-origin POST, and every fetch), or `Sec-Fetch-Site` (every request of a modern browser).
 * AWS SDKs, the CLI and boto3 send none of them, so refusing them costs no real client anything.
 */
import type { IncomingHttpHeaders } from 'node:http';

const LOOPBACK_NAMES = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|\[0*:(?:0*:){0,6}0*1\])$/i;

/** Why the request is refused, or undefined when it may be served. */
export function refusalOf(headers: IncomingHttpHeaders): string | undefined {
  const host = headers.host;
  if (host !== undefined) {
    const name = host.replace(/:\d*$/, '');
    if (!LOOPBACK_NAMES.test(name)) {
      return `lambda-cassette's loopback server only answers requests whose Host is 127.0.0.1, localhost or [::1] (got "${host}"): point the client's endpoint URL at the address listen() printed.`;
    }
  }
  if (headers.origin !== undefined) {
    return "lambda-cassette's loopback server refuses requests with an Origin header: browser pages may not call it. Use an AWS SDK, the AWS CLI or another non-browser client.";
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'none') {
    return "lambda-cassette's loopback server refuses browser requests (Sec-Fetch-Site): use an AWS SDK, the AWS CLI or another non-browser client.";
  }
  return undefined;
}
