/**
 * Last line of defence before disk: whatever credential material a request carried (access key id,
 * signature, session token) is removed from every string of the recording, wherever an endpoint
 * may have echoed it.
 */
import { CREDENTIAL_MARKER, SESSION_TOKEN_HEADER, SIGV4_CREDENTIAL, SIGV4_SIGNATURE } from './secret-patterns.js';

/** The secrets a request's headers carry, longest first. */
export function secretsOf(headers: Record<string, string>): string[] {
  const found = new Set<string>();
  const auth = headers['authorization'] ?? '';
  const key = SIGV4_CREDENTIAL.exec(auth)?.[1];
  const signature = SIGV4_SIGNATURE.exec(auth)?.[1];
  if (key) found.add(key);
  if (signature) found.add(signature);
  const token = headers[SESSION_TOKEN_HEADER];
  if (token) found.add(token);
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * The forms a secret is echoed in: as it is, and URL-encoded (a session token holds `/`, `+` and
 * `=`, which a form body or query string carries as `%2F`, `%2B`, `%3D`, in either case).
 */
export function secretForms(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  if (encoded === secret) return [secret];
  return [...new Set([encoded, encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), secret])];
}

/** Replaces each secret in `text`, in every form {@link secretForms} lists, with a marker naming what it was. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    for (const form of secretForms(secret)) if (out.includes(form)) out = out.split(form).join(CREDENTIAL_MARKER);
  }
  return out;
}
