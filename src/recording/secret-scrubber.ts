/**
 * Last line of defence before disk: whatever credential material a request carried (access key id,
 * signature, session token) is removed from every string of the recording, wherever an endpoint
 * may have echoed it.
 */
const CREDENTIAL = /Credential=([A-Z0-9]{16,128})\//;
const SIGNATURE = /Signature=([0-9a-f]{64})/;

/** The secrets a request's headers carry, longest first. */
export function secretsOf(headers: Record<string, string>): string[] {
  const found = new Set<string>();
  const auth = headers['authorization'] ?? '';
  const key = CREDENTIAL.exec(auth)?.[1];
  const signature = SIGNATURE.exec(auth)?.[1];
  if (key) found.add(key);
  if (signature) found.add(signature);
  const token = headers['x-amz-security-token'];
  if (token) found.add(token);
  return [...found].sort((a, b) => b.length - a.length);
}

/** Replaces each secret in `text` with a marker naming what it was. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('[REDACTED-CREDENTIAL]');
  return out;
}
