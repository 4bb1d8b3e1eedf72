import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetFunctionCommand, InvokeAsyncCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { startMoto, type MotoServer } from './moto.js';
import { caught } from './sdk.js';

const FN = 'orders-fn';
const ARN = `arn:aws:lambda:us-east-1:123456789012:function:${FN}`;
const notFound = (name: string) => `Function not found: arn:aws:lambda:us-east-1:123456789012:function:${name}`;

describe('moto 5.2.1 answers InvokeAsync as the module header says', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
    await moto.createFunction(FN);
  });
  afterAll(async () => {
    await moto?.stop();
  });

  it('is configured before any function exists, and the function is there', async () => {
    const config = await (await fetch(`${moto.url}/moto-api/config`)).json();
    expect(config.lambda).toEqual({ use_docker: false });
    expect(moto.url).toBe(`http://127.0.0.1:${moto.port}`);
    const client = moto.lambdaClient();
    const fn = await client.send(new GetFunctionCommand({ FunctionName: FN }));
    expect(fn.Configuration).toMatchObject({ FunctionArn: ARN, Runtime: 'python3.12', State: 'Active' });
  });

  it('(a) existing function: 202 with an HTML body about Docker; the SDK resolves Status 202', async () => {
    const raw = await moto.invokeAsyncRaw(FN, '{"orderId":1}');
    expect(raw.status).toBe(202);
    expect(raw.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      status: '202',
      'x-amz-function-error': 'Handled',
    });
    expect(raw.headers['x-amzn-requestid']).toMatch(/^[A-Za-z0-9]{52}$/);
    expect(raw.body.toString('utf8')).toMatch(/^error running docker: /);

    const out = await moto
      .lambdaClient()
      .send(new InvokeAsyncCommand({ FunctionName: FN, InvokeArgs: '{"orderId":1}' }));
    expect(out.Status).toBe(202);
    expect(out.$metadata).toMatchObject({ httpStatusCode: 202, attempts: 1 });
    expect(out.$metadata.requestId).toMatch(/^[A-Za-z0-9]{52}$/);
  });

  it('(b) unknown function: 404 ResourceNotFoundException with the ARN in the message', async () => {
    const raw = await moto.invokeAsyncRaw('nope', '{}');
    expect(raw.status).toBe(404);
    expect(raw.headers).toMatchObject({
      'x-amzn-errortype': 'ResourceNotFoundException',
      'content-type': 'application/json',
    });
    expect(JSON.parse(raw.body.toString('utf8'))).toEqual({
      __type: 'ResourceNotFoundException',
      message: notFound('nope'),
    });

    const err = await caught(() =>
      moto.lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'nope', InvokeArgs: '{}' })),
    );
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.name).toBe('ResourceNotFoundException');
    expect(err.message).toBe(notFound('nope'));
    expect(err.$fault).toBe('client');
    expect(err.$metadata.httpStatusCode).toBe(404);
  });

  it('(c) a body that is not JSON: an HTML 500, which the SDK retries and then fails to parse (SyntaxError)', async () => {
    const raw = await moto.invokeAsyncRaw(FN, 'not json');
    expect(raw.status).toBe(500);
    expect(raw.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(raw.headers['x-amzn-requestid']).toBeUndefined();
    expect(raw.body.toString('utf8')).toContain('<title>500 Internal Server Error</title>');

    const err = await caught(() =>
      moto.lambdaClient({ maxAttempts: 3 }).send(new InvokeAsyncCommand({ FunctionName: FN, InvokeArgs: 'not json' })),
    );
    expect(err).toBeInstanceOf(SyntaxError);
    expect(err.message).toMatch(
      /^Unexpected token '<', "<!doctype "\.\.\. is not valid JSON\n\s+Deserialization error/,
    );
    expect(err.$fault).toBeUndefined();
    expect(err.$metadata).toMatchObject({ httpStatusCode: 500, attempts: 3 });
    expect(err.$metadata.requestId).toBeUndefined();
  });

  it('(d) the recorder lists each InvokeAsync request that reached a route, retries included, path decoded', async () => {
    await moto.startRecording();
    const client = moto.lambdaClient({ maxAttempts: 3 });
    await client.send(new InvokeAsyncCommand({ FunctionName: FN, InvokeArgs: '{"a":1}' }));
    await caught(() => client.send(new InvokeAsyncCommand({ FunctionName: 'nope', InvokeArgs: '{}' })));
    await caught(() => client.send(new InvokeAsyncCommand({ FunctionName: FN, InvokeArgs: 'not json' })));
    await client.send(new InvokeAsyncCommand({ FunctionName: ARN, InvokeArgs: '{"b":2}' }));
    // Matches no moto route (HTML 404), so it is not recorded.
    const latest = await caught(() =>
      client.send(new InvokeAsyncCommand({ FunctionName: `${FN}:$LATEST`, InvokeArgs: '{}' })),
    );
    await moto.stopRecording();
    await client.send(new InvokeAsyncCommand({ FunctionName: FN, InvokeArgs: '{"after":"stop"}' }));

    expect(latest).toBeInstanceOf(SyntaxError);
    expect(latest.$metadata.httpStatusCode).toBe(404);
    const recorded = await moto.recordedRequests();
    const base = '/2014-11-13/functions';
    expect(recorded.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'POST', path: `${base}/${FN}/invoke-async`, body: '{"a":1}' },
      { method: 'POST', path: `${base}/nope/invoke-async`, body: '{}' },
      ...Array.from({ length: 3 }, () => ({ method: 'POST', path: `${base}/${FN}/invoke-async`, body: 'not json' })),
      { method: 'POST', path: `${base}/${ARN}/invoke-async`, body: '{"b":2}' },
    ]);
    expect(recorded[0]?.headers['amz-sdk-request']).toBe('attempt=1; max=3');
    expect(recorded[4]?.headers['amz-sdk-request']).toBe('attempt=3; max=3');

    await moto.startRecording();
    expect(await moto.recordedRequests()).toEqual([]);
    await moto.stopRecording();
  });

  it('name:qualifier is a 404 ResourceNotFoundException when the qualifier does not exist', async () => {
    const err = await caught(() =>
      moto.lambdaClient().send(new InvokeAsyncCommand({ FunctionName: `${FN}:prod`, InvokeArgs: '{}' })),
    );
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.message).toBe(notFound(`${FN}:prod`));
  });

  it('reset() drops functions; createFunction works again afterwards (role recreated)', async () => {
    await moto.reset();
    const err = await caught(() =>
      moto.lambdaClient().send(new InvokeAsyncCommand({ FunctionName: FN, InvokeArgs: '{}' })),
    );
    expect(err.name).toBe('ResourceNotFoundException');
    await moto.createFunction(FN);
    const out = await moto.lambdaClient().send(new InvokeAsyncCommand({ FunctionName: FN, InvokeArgs: '{}' }));
    expect(out.Status).toBe(202);
  });
});

describe('startMoto lifecycle', () => {
  it('runs two more servers at once on other ports, each with its own state and recording', async () => {
    const [a, b] = await Promise.all([startMoto(), startMoto()]);
    try {
      expect(a.port).not.toBe(b.port);
      await a.createFunction('only-in-a', { region: 'eu-west-2' });
      await Promise.all([a.startRecording(), b.startRecording()]);
      const inA = await a
        .lambdaClient({ region: 'eu-west-2' })
        .send(new InvokeAsyncCommand({ FunctionName: 'only-in-a', InvokeArgs: '{}' }));
      expect(inA.Status).toBe(202);
      const inB = await caught(() =>
        b
          .lambdaClient({ region: 'eu-west-2' })
          .send(new InvokeAsyncCommand({ FunctionName: 'only-in-a', InvokeArgs: '{}' })),
      );
      expect(inB.message).toBe('Function not found: arn:aws:lambda:eu-west-2:123456789012:function:only-in-a');
      expect((await a.recordedRequests()).map((r) => r.body)).toEqual(['{}']);
      expect((await b.recordedRequests()).map((r) => r.body)).toEqual(['{}']);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    await expect(fetch(`${a.url}/moto-api/`)).rejects.toThrow();
    await a.stop(); // twice is fine
  });

  it('fails loudly, with the output tail, when there is no Python to run', async () => {
    await expect(startMoto({ python: '/nonexistent/python3' })).rejects.toThrow(
      /^MOTO DID NOT START: could not run[\s\S]*ENOENT/,
    );
  });

  it('fails loudly, with the output tail, when the process exits early', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'no-moto-'));
    const fake = path.join(dir, 'python3');
    writeFileSync(fake, `#!/bin/sh\necho "ModuleNotFoundError: No module named 'moto'" >&2\nexit 1\n`);
    chmodSync(fake, 0o755);
    try {
      await expect(startMoto({ python: fake })).rejects.toThrow(
        /^MOTO DID NOT START: the process exited early \(code 1[\s\S]*No module named 'moto'/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails loudly when the port never answers in time', async () => {
    await expect(startMoto({ readyTimeoutMs: 1 })).rejects.toThrow(
      /^MOTO DID NOT START: GET http:\/\/127\.0\.0\.1:\d+\/moto-api\/ did not answer within 1 ms/,
    );
  });
});
