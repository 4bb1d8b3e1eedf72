/**
 * Signing for a real endpoint: signRequest() and `verify --sign` produce SigV4 signatures that a
 * local server, re-signing with @smithy/signature-v4, accepts; an unsigned or altered request fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signRequest } from '../../src/recording/sign-request.js';
import { recordedRequest } from '../../src/verify/recorded-request.js';
import type { Cassette } from '../../src/index.js';
import { checkSignature, credentialChainEnv, startSigV4Server } from '../support/sigv4-server.js';
import { runCli, useCli } from '../support/cli.js';

const cli = useCli();
const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN',
};
const region = 'eu-west-1';
let server: Awaited<ReturnType<typeof startSigV4Server>>;
let dir: string;
let file: string;

const cassette: Cassette = {
  version: 1,
  recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20.20.2' },
  interactions: [
    {
      request: {
        functionName: 'orders-fn',
        functionRef: 'arn:aws:lambda:eu-west-1:210987654321:function:orders-fn:prod',
        qualifier: 'prod',
        region,
        payload: { json: { id: 7, note: 'ü' } },
      },
      response: { status: 202, headers: { 'content-type': 'application/json' }, body: { json: { Status: 202 } } },
      recordedAt: '2026-11-22T00:00:00.000Z',
    },
  ],
};

beforeAll(async () => {
  server = await startSigV4Server(credentials, region);
  dir = await mkdtemp(join(tmpdir(), 'lc-sign-'));
  file = join(dir, 'signed.json');
  await writeFile(file, JSON.stringify(cassette));
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('signRequest', () => {
  it('signs an InvokeAsync request (encoded ARN path, UTF-8 body, session token) the way AWS checks it', async () => {
    const request = recordedRequest(cassette.interactions[0]!, server.url);
    const signed = await signRequest(request, { region, credentials });
    expect(signed.headers['x-amz-security-token']).toBe(credentials.sessionToken);
    expect(String(signed.headers['authorization'])).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/\\d{8}/${region}/lambda/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$`,
      ),
    );
    const url = new URL(signed.url);
    const check = (body: Uint8Array, creds = credentials) =>
      checkSignature(
        { method: 'POST', url: url.pathname, headers: { ...signed.headers, host: url.host } as Record<string, string> },
        Buffer.from(body),
        creds,
        region,
      );
    expect(await check(signed.body)).toBe(true);
    // The check can fail: another body, or another secret, does not verify.
    expect(await check(Buffer.from('{"id":8}'))).toBe(false);
    expect(await check(signed.body, { ...credentials, secretAccessKey: 'x' })).toBe(false);
  });
});

describe('lambda-cassette verify --sign', () => {
  // The default credential chain, from the environment only: no files or instance metadata of this machine.
  const env = credentialChainEnv(credentials);

  it('signs with the default credential chain: the server accepts it and the interaction is the same (exit 0)', async () => {
    const before = server.received.length;
    const run = await runCli(cli.path, ['verify', file, '--target', server.url, '--sign'], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 same, 0 drifted');
    expect(run.stdout).toContain('(signed)');
    const got = server.received.slice(before);
    expect(got.map((r) => r.valid)).toEqual([true]);
    expect(got[0]!.url).toBe(
      '/2014-11-13/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A210987654321%3Afunction%3Aorders-fn%3Aprod/invoke-async',
    );
    expect(JSON.parse(got[0]!.body)).toEqual({ id: 7, note: 'ü' });
  });

  it('without --sign the same server refuses the request, which is drift (exit 1)', async () => {
    const run = await runCli(cli.path, ['verify', file, '--target', server.url], { env });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('status 202 → 403; error type none → InvalidSignatureException');
    expect(server.received.at(-1)!.valid).toBe(false);
  });
});
