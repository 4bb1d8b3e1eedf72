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

/** Replaces each secret in `text` with a marker naming what it was. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(CREDENTIAL_MARKER);
  return out;
}
