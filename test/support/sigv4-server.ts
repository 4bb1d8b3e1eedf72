/**
 * A local endpoint that checks SigV4 the way AWS does, with @smithy/signature-v4: it re-signs what it
 * received (the signed headers only, at the request's own x-amz-date) with the credentials it knows
 * and compares. A valid request gets Lambda's 202; anything else AWS's 403 IncompleteSignature-style
 * error, so a drift check sees the difference.
 */
import http from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignatureV4 } from '@smithy/signature-v4';
// The SDK's pure-JS SHA-256: the check shares no hashing code with the signer under test.
import { Sha256Js as Sha256 } from '@smithy/core/checksum';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * The environment under which the default credential chain finds `credentials` and nothing of this
 * machine's: no config or credentials files, no instance metadata, no profile.
 */
export function credentialChainEnv(credentials: Credentials): Record<string, string | undefined> {
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
    AWS_CONFIG_FILE: join(tmpdir(), 'lc-no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), 'lc-no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PROFILE: undefined,
  };
}

export interface CheckedRequest {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Whether the signature is what these credentials give for this request. */
  valid: boolean;
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Whether `req` (with `body`) carries the SigV4 signature `credentials` give it for `region`/lambda. */
export async function checkSignature(
  req: { method: string; url: string; headers: http.IncomingHttpHeaders },
  body: Buffer,
  credentials: Credentials,
  region: string,
): Promise<boolean> {
  const auth = String(req.headers['authorization'] ?? '');
  const signedHeaders = /SignedHeaders=([^,\s]+)/.exec(auth)?.[1]?.split(';');
  const date = AMZ_DATE.exec(String(req.headers['x-amz-date'] ?? ''));
  if (!signedHeaders || !date) return false;
  // As AWS: the payload hash the signature covers must be this body's.
  const claimed = req.headers['x-amz-content-sha256'];
  if (claimed !== undefined && claimed !== createHash('sha256').update(body).digest('hex')) return false;
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = req.headers[name];
    if (value === undefined) return false;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const url = new URL(req.url, `http://${req.headers.host}`);
  const signer = new SignatureV4({ service: 'lambda', region, credentials, sha256: Sha256 });
  const expected = await signer.sign(
    {
      method: req.method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    },
    { signingDate: new Date(Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!, +date[4]!, +date[5]!, +date[6]!)) },
  );
  return expected.headers['authorization'] === auth;
}

/** Starts the checking endpoint on 127.0.0.1. */
export async function startSigV4Server(
  credentials: Credentials,
  region: string,
): Promise<{ url: string; received: CheckedRequest[]; close(): Promise<void> }> {
  const received: CheckedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      void checkSignature({ method: req.method!, url: req.url!, headers: req.headers }, body, credentials, region).then(
        (valid) => {
          received.push({ url: req.url!, headers: req.headers, body: body.toString('utf8'), valid });
          if (valid) res.writeHead(202, { 'content-type': 'application/json' }).end('{"Status":202}');
          else
            res
              .writeHead(403, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'InvalidSignatureException' })
              .end('{"message":"The request signature we calculated does not match the signature you provided."}');
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
