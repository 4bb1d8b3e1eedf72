/**
 * HTTP/2 clients: the SDK with `NodeHttp2Handler` (made before or after the double opened) and raw
 * `http2` to an AWS Lambda authority. Proved against an HTTP/2 counting server: the clients are
 * pointed at it (the Lambda authority through a `lookup` that resolves to it), so an escape is a hit.
 */
import type { LookupFunction } from 'node:net';
import http2 from 'node:http2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvokeAsyncCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { startCountingHttp2 } from '../../support/counting-http2.js';
import type { CountingNetwork } from '../../support/counting-network.js';
import { caught, lambdaClient } from '../../support/sdk.js';

let net: CountingNetwork;
let lambda: LambdaDouble | undefined;
beforeAll(async () => {
  net = await startCountingHttp2();
});
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
  net.hits.length = 0;
});
afterAll(() => net.close());

const http2Client = () => lambdaClient({ endpoint: net.url, requestHandler: new NodeHttp2Handler(), maxAttempts: 1 });
const event = new InvokeCommand({ FunctionName: 'orders-fn', InvocationType: 'Event', Payload: '{"order":2}' });

describe('the SDK with NodeHttp2Handler', () => {
  it('InvokeAsync and Invoke (Event) are answered by the double, from clients made before and after it opened', async () => {
    const before = http2Client();
    lambda = await mockLambda();
    const after = http2Client();
    const a = await before.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"order":1}' }));
    const e = await after.send(event);
    expect(a.Status).toBe(202);
    expect(e.StatusCode).toBe(202);
    expect(lambda.calls.map((c) => [c.operation, c.payload])).toEqual([
      ['InvokeAsync', { order: 1 }],
      ['Invoke', { order: 2 }],
    ]);
    expect(net.hits).toEqual([]);
    before.destroy();
    after.destroy();
  });

  it('after close() the same client reaches the network again', async () => {
    const client = http2Client();
    lambda = await mockLambda();
    await client.send(event);
    await lambda.close();
    lambda = undefined;
    const error = await caught(() => client.send(event));
    expect(error.$metadata.httpStatusCode).toBe(418);
    expect(net.hits).toEqual(['POST /2015-03-31/functions/orders-fn/invocations']);
    client.destroy();
  });
});

describe('raw http2 to an AWS Lambda authority', () => {
  // The Lambda host name, resolved to the counting server: what reaches a socket is a hit.
  const lookup: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: '127.0.0.1', family: 4 },
      ]);
    else callback(null, '127.0.0.1', 4);
  };
  const authority = () => `http://lambda.us-east-1.amazonaws.com:${new URL(net.url).port}`;

  function send(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const session = http2.connect(authority(), { lookup });
      session.on('error', reject);
      const stream = session.request({ ':method': 'POST', ':path': path, ...headers });
      let status = 0;
      const chunks: Buffer[] = [];
      stream.on('response', (h) => (status = Number(h[':status'])));
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => {
        session.close();
        resolve({ status, body: Buffer.concat(chunks).toString('utf8') });
      });
      stream.end('{"order":3}');
    });
  }

  it('every stream is answered by the double (other Lambda APIs meet onUnhandledRequest) and no socket is opened', async () => {
    lambda = await mockLambda();
    expect(await send('/2014-11-13/functions/orders-fn/invoke-async/')).toEqual({
      status: 202,
      body: '{"Status":202}',
    });
    await expect(send('/2015-03-31/functions/orders-fn/configuration')).rejects.toThrow(/does not serve/);
    expect(lambda.calls).toHaveLength(1);
    expect(net.hits).toEqual([]);
    await expect(lambda.close()).rejects.toThrow(/GetFunctionConfiguration|configuration/);
    lambda = undefined;
    expect(await send('/2014-11-13/functions/orders-fn/invoke-async/')).toEqual({ status: 418, body: 'the network' });
    expect(net.hits).toEqual(['POST /2014-11-13/functions/orders-fn/invoke-async/']);
  });
});
