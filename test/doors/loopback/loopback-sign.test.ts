/**
 * `lambda.listen({ sign: true })` and `serve --sign`: recording from an endpoint that checks SigV4
 * (as real AWS does) through the loopback server. The target here is a local server that re-computes
 * each signature with @smithy/signature-v4 and the credentials it knows (test/support/sigv4-server.ts),
 * and echoes what it received: the credentials of the process (the default chain, from the
 * environment) must reach it, the client's own signature must not, and no credential may reach the
 * cassette file even when the target echoes it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { openCassette, type LambdaDouble } from '../../../src/index.js';
import { caught, lambdaClient } from '../../support/sdk.js';
import { checkSignature, credentialChainEnv } from '../../support/sigv4-server.js';
import { startServe, useCli } from '../../support/cli.js';

// What the process's default credential chain finds (from the environment only).
const PROCESS_CREDENTIALS = {
  accessKeyId: 'AKIAPROCESSKEY000001',
  secretAccessKey: 'processSecret/K7MDENG/bPxRfiCYEXAMPLEKEY1',
  sessionToken: 'FwoGZXIvYXdzPROCESSTOKEN0000000000',
};
// What the client signs with (for 127.0.0.1): never the target's to see.
const CLIENT_CREDENTIALS = {
  accessKeyId: 'AKIACLIENTKEY0000001',
  secretAccessKey: 'clientSecret/K7MDENG/bPxRfiCYEXAMPLEKEY12',
  sessionToken: 'FwoGZXIvYXdzCLIENTTOKEN00000000000',
};
const REGION = 'eu-west-1';
const ENV = credentialChainEnv(PROCESS_CREDENTIALS);

interface Received {
  headers: http.IncomingHttpHeaders;
  valid: boolean;
}

/** A SigV4-checking Lambda endpoint that, when the signature holds, echoes the credentials it was sent. */
async function startEchoingSigV4Server() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void checkSignature(
        { method: req.method!, url: req.url!, headers: req.headers },
        Buffer.concat(chunks),
        PROCESS_CREDENTIALS,
        REGION,
      ).then((valid) => {
        received.push({ headers: req.headers, valid });
        if (!valid) {
          res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'InvalidSignatureException' });
          res.end('{"message":"The request signature we calculated does not match the signature you provided."}');
          return;
        }
        const echo = {
          Status: 202,
          authorization: req.headers['authorization'],
          token: req.headers['x-amz-security-token'],
        };
        res.writeHead(202, {
          'content-type': 'application/json',
          'x-amzn-RequestId': 'signed-0000',
          'x-echo-token': String(req.headers['x-amz-security-token']),
        });
        res.end(JSON.stringify(echo));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const signatureOf = (auth: unknown) => /Signature=([0-9a-f]{64})/.exec(String(auth))?.[1] ?? 'no-signature';

/** Every credential, of the process and of the client, and the signatures sent: none may be in `text`. */
function expectNoCredentials(text: string, signatures: string[]) {
  // (Object.values would see what the SDK adds to a credentials object it is given.)
  const secrets = [PROCESS_CREDENTIALS, CLIENT_CREDENTIALS]
    .flatMap((c) => [c.accessKeyId, c.secretAccessKey, c.sessionToken])
    .concat(signatures);
  for (const secret of secrets) expect(text.includes(secret), `cassette holds ${secret.slice(0, 12)}…`).toBe(false);
}

let target: Awaited<ReturnType<typeof startEchoingSigV4Server>>;
let dir: string;
let lambda: LambdaDouble | undefined;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  for (const [k, v] of Object.entries(ENV)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  target = await startEchoingSigV4Server();
  dir = mkdtempSync(join(tmpdir(), 'lc-sign-loopback-'));
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await lambda?.close().catch(() => {});
  lambda = undefined;
});

const client = (endpoint: string) =>
  lambdaClient({ region: REGION, endpoint, credentials: CLIENT_CREDENTIALS, maxAttempts: 1 });
const invoke = (FunctionName: string, payload: unknown) =>
  new InvokeAsyncCommand({ FunctionName, InvokeArgs: JSON.stringify(payload) });

describe('listen({ sign: true })', () => {
  it('signs each forwarded request for the target with the default credential chain; the recording succeeds and holds no credential', async () => {
    lambda = await openCassette('signed', { dir, mode: 'record', target: target.url, allowRecordingInCI: true });
    const server = await lambda.listen({ sign: true });
    const before = target.received.length;
    const out = await client(server.url).send(
      invoke('arn:aws:lambda:eu-west-1:123456789012:function:orders-fn:prod', { id: 7 }),
    );
    expect(out.Status).toBe(202);
    await lambda.close();
    lambda = undefined;

    const [got] = target.received.slice(before);
    expect(got?.valid).toBe(true);
    // Signed by the process's credentials, in the region of the client's own credential scope.
    expect(String(got!.headers['authorization'])).toContain(`Credential=${PROCESS_CREDENTIALS.accessKeyId}/`);
    expect(String(got!.headers['authorization'])).toContain(`/${REGION}/lambda/aws4_request`);
    expect(got!.headers['x-amz-security-token']).toBe(PROCESS_CREDENTIALS.sessionToken);
    // Nothing of the client's signature went on.
    expect(JSON.stringify(got!.headers)).not.toContain(CLIENT_CREDENTIALS.accessKeyId);
    expect(JSON.stringify(got!.headers)).not.toContain(CLIENT_CREDENTIALS.sessionToken);

    const text = readFileSync(join(dir, 'signed.json'), 'utf8');
    expect(JSON.parse(text).interactions).toMatchObject([
      {
        request: { functionName: 'orders-fn', qualifier: 'prod', payload: { json: { id: 7 } } },
        response: { status: 202 },
      },
    ]);
    expectNoCredentials(text, [signatureOf(got!.headers['authorization'])]);
  });

  it("without sign the target refuses the client's signature: the caller gets the 403 and a warning names sign: true, once", async () => {
    lambda = await openCassette('unsigned', { dir, mode: 'record', target: target.url, allowRecordingInCI: true });
    const warnings: string[] = [];
    const server = await lambda.listen({ onWarning: (message) => warnings.push(message) });
    const before = target.received.length;
    const err = await caught(() => client(server.url).send(invoke('orders-fn', { id: 1 })));
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.$metadata.httpStatusCode).toBe(403);
    await caught(() => client(server.url).send(invoke('orders-fn', { id: 2 })));
    expect(target.received.slice(before).map((r) => r.valid)).toEqual([false, false]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/refused the request's signature \(403\).*sign: true.*serve --sign/s);
    await lambda.close();
    lambda = undefined;
    const text = readFileSync(join(dir, 'unsigned.json'), 'utf8');
    expect(JSON.parse(text).interactions.map((i: { response: { status: number } }) => i.response.status)).toEqual([
      403, 403,
    ]);
    expectNoCredentials(
      text,
      target.received.slice(before).map((r) => signatureOf(r.headers['authorization'])),
    );
  });

  it('a signed forward that the target accepts raises no warning', async () => {
    lambda = await openCassette('signed-quiet', { dir, mode: 'record', target: target.url, allowRecordingInCI: true });
    const warnings: string[] = [];
    const server = await lambda.listen({ sign: true, onWarning: (message) => warnings.push(message) });
    await client(server.url).send(invoke('orders-fn', { id: 3 }));
    expect(warnings).toEqual([]);
  });
});

describe('lambda-cassette serve --sign', () => {
  const cli = useCli();

  it('records from the signature-checking target; without --sign the target refuses and serve says to add --sign', async () => {
    const signed = await startServe(
      cli.path,
      ['orders', '--mode', 'record', '--dir', dir, '--target', target.url, '--sign'],
      { env: ENV },
    );
    const before = target.received.length;
    expect((await client(signed.url).send(invoke('orders-fn', { id: 9 }))).Status).toBe(202);
    const run = await signed.stop('SIGINT');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`forwarding to ${target.url}, signed again with your AWS credentials`);
    expect(run.stderr).toMatch(/orders-fn \(eu-west-1\) -> 202 \[record\]/);
    const got = target.received.slice(before);
    expect(got.map((r) => r.valid)).toEqual([true]);
    const text = readFileSync(join(dir, 'orders.json'), 'utf8');
    expect(JSON.parse(text).interactions).toHaveLength(1);
    expectNoCredentials(
      text,
      got.map((r) => signatureOf(r.headers['authorization'])),
    );

    const unsigned = await startServe(
      cli.path,
      ['orders-unsigned', '--mode', 'record', '--dir', dir, '--target', target.url],
      { env: ENV },
    );
    const err = await caught(() => client(unsigned.url).send(invoke('orders-fn', { id: 9 })));
    expect(err.$metadata.httpStatusCode).toBe(403);
    const refused = await unsigned.stop('SIGINT');
    expect(refused.stderr).toMatch(/warning .*refused the request's signature \(403\).*serve --sign/);
    expect(refused.stderr).toMatch(/orders-fn \(eu-west-1\) -> 403 InvalidSignatureException \[record\]/);
  });
});
