import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import nock from 'nock';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { lambdaClient, lambdaClientViaNock } from '../../support/sdk.js';

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
});

function rawRequest(
  mod: typeof http | typeof https,
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = mod.request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the nock door', () => {
  it.each([
    ['plain name', 'orders-fn', { functionName: 'orders-fn' }],
    ['name:qualifier', 'orders-fn:prod', { functionName: 'orders-fn', qualifier: 'prod' }],
    ['$LATEST', 'orders-fn:$LATEST', { functionName: 'orders-fn', qualifier: '$LATEST' }],
    [
      'partial ARN',
      '123456789012:function:orders-fn',
      { functionName: 'orders-fn', arn: '123456789012:function:orders-fn' },
    ],
    [
      'full ARN with alias',
      'arn:aws:lambda:us-east-1:123456789012:function:orders-fn:live',
      {
        functionName: 'orders-fn',
        qualifier: 'live',
        arn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-fn:live',
      },
    ],
  ])('logs a %s reference', async (_label, FunctionName, expected) => {
    lambda = await mockLambda();
    const out = await lambdaClientViaNock().send(new InvokeAsyncCommand({ FunctionName, InvokeArgs: '{"id":7}' }));
    expect(out.Status).toBe(202);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lambda.calls).toEqual([
      {
        operation: 'InvokeAsync',
        invocationType: 'Event',
        region: 'us-east-1',
        payload: { id: 7 },
        attempt: 1,
        status: 202,
        source: 'mock',
        ...expected,
      },
    ]);
    expect(lambda.wasInvoked('orders-fn')).toBe(true);
  });

  it.each(['us-east-1', 'eu-central-1', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1'])(
    'intercepts region %s',
    async (region) => {
      lambda = await mockLambda();
      await lambdaClientViaNock({ region }).send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }));
      expect(lambda.calls.map((c) => c.region)).toEqual([region]);
    },
  );

  it('takes the region from the signature when a custom endpoint is used', async () => {
    const endpoint = 'http://127.0.0.1:4599';
    lambda = await mockLambda({ endpoint });
    await lambdaClientViaNock({ region: 'eu-west-3', endpoint }).send(
      new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }),
    );
    expect(lambda.calls).toMatchObject([{ functionName: 'f', region: 'eu-west-3', status: 202 }]);
  });

  it('serves the SDK fetch handler', async () => {
    lambda = await mockLambda();
    const client = lambdaClient({ requestHandler: new FetchHttpHandler() });
    const out = await client.send(new InvokeAsyncCommand({ FunctionName: 'mailer', InvokeArgs: '{"to":"a@b.c"}' }));
    expect(out.Status).toBe(202);
    expect(lambda.calls).toMatchObject([{ functionName: 'mailer', payload: { to: 'a@b.c' } }]);
  });

  it('serves global fetch with the trailing-slash path', async () => {
    lambda = await mockLambda();
    const res = await fetch('https://lambda.us-west-2.amazonaws.com/2014-11-13/functions/orders-fn/invoke-async/', {
      method: 'POST',
      body: '{"id":1}',
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ Status: 202 });
    expect(lambda.calls).toMatchObject([{ functionName: 'orders-fn', region: 'us-west-2', payload: { id: 1 } }]);
  });

  it('serves raw https the way aws-sdk v2 calls it (trailing slash, binary/octet-stream)', async () => {
    lambda = await mockLambda();
    const fn = encodeURIComponent('arn:aws:lambda:sa-east-1:123456789012:function:legacy-fn');
    const res = await rawRequest(
      https,
      `https://lambda.sa-east-1.amazonaws.com/2014-11-13/functions/${fn}/invoke-async/`,
      '{"v":2}',
      {
        'content-type': 'binary/octet-stream',
      },
    );
    expect(res.status).toBe(202);
    expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lambda.calls).toMatchObject([{ functionName: 'legacy-fn', region: 'sa-east-1', payload: { v: 2 } }]);
  });

  describe('other traffic', () => {
    it('leaves unrelated HTTP traffic untouched while open, takes InvokeAsync on any host, and intercepts nothing after close', async () => {
      const seen: string[] = [];
      const server = http.createServer((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        res.writeHead(200, { 'content-type': 'text/plain' }).end('real');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        lambda = await mockLambda();
        expect((await rawRequest(http, `${base}/hello`, '')).body).toBe('real');
        // Nothing escapes: InvokeAsync is the double's even on a host it was never told about.
        expect((await rawRequest(http, `${base}/2014-11-13/functions/f/invoke-async`, '{}')).status).toBe(202);
        expect((await fetch(`${base}/x`)).status).toBe(200);
        // Other Lambda paths on a host that is neither AWS's nor an endpoint are not Lambda traffic.
        expect((await rawRequest(http, `${base}/2015-03-31/functions/f`, '')).body).toBe('real');
        expect(lambda.calls.map((c) => c.functionName)).toEqual(['f']);
        await lambda.close();

        // After close, the endpoint is a plain server again even for InvokeAsync.
        const after = await mockLambda({ endpoint: base });
        await after.close();
        expect((await rawRequest(http, `${base}/2014-11-13/functions/f/invoke-async`, '{}')).body).toBe('real');
        expect(seen).toEqual([
          'POST /hello',
          'GET /x',
          'POST /2015-03-31/functions/f',
          'POST /2014-11-13/functions/f/invoke-async',
        ]);
      } finally {
        server.close();
      }
    });

    it('other Lambda API paths on a configured endpoint follow onUnhandledRequest; its other services pass', async () => {
      const server = http.createServer((req, res) => res.writeHead(200).end(`real ${req.url}`));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        lambda = await mockLambda({ endpoint: base });
        // An emulator serves other services on the same port: not Lambda paths, not the double's.
        expect((await rawRequest(http, `${base}/my-bucket/key`, 'x')).body).toBe('real /my-bucket/key');
        // Mock mode refuses other Lambda APIs by default...
        await expect(
          rawRequest(http, `${base}/2015-03-31/functions/f/response-streaming-invocations`, '{}'),
        ).rejects.toThrow(/InvokeWithResponseStream/);
        await expect(lambda.close()).rejects.toThrow(/InvokeWithResponseStream/);
        // ...and 'bypass' sends them on.
        lambda = await mockLambda({ endpoint: base, onUnhandledRequest: 'bypass' });
        const other = await rawRequest(http, `${base}/2015-03-31/functions/f/response-streaming-invocations`, '{}');
        expect(other.body).toBe('real /2015-03-31/functions/f/response-streaming-invocations');
        const invokeAsync = await rawRequest(http, `${base}/2014-11-13/functions/f/invoke-async`, '{}');
        expect(invokeAsync.status).toBe(202);
        expect(lambda.calls).toHaveLength(1);
      } finally {
        server.close();
      }
    });

    it('after close() the Lambda host is no longer answered by the double', async () => {
      lambda = await mockLambda();
      await lambda.close();
      const err = await lambdaClientViaNock({ maxAttempts: 1 })
        .send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }))
        .catch((e: Error) => e);
      // No network here: the real host cannot be resolved or reached, which proves the double let go.
      expect(err).toBeInstanceOf(Error);
      expect(lambda.calls).toEqual([]);
    });
  });

  describe("living with the caller's own nock", () => {
    const host = 'https://lambda.eu-north-1.amazonaws.com';
    const path = '/2014-11-13/functions/theirs/invoke-async';
    afterEach(() => {
      nock.cleanAll();
    });

    it("after a double closes, the caller's own nock interceptors for Lambda hosts answer again", async () => {
      const double = await mockLambda();
      await double.close();
      nock(host).post(path).reply(202, '{"Status":202}', { 'x-amzn-requestid': 'from-their-nock' });
      const out = await lambdaClientViaNock({ region: 'eu-north-1', maxAttempts: 1 }).send(
        new InvokeAsyncCommand({ FunctionName: 'theirs', InvokeArgs: '{}' }),
      );
      expect(out.$metadata.requestId).toBe('from-their-nock');
      expect(double.calls).toEqual([]);
    });

    it('a nock.cleanAll() between doubles does not stop the next double from intercepting', async () => {
      const first = await mockLambda();
      nock.cleanAll();
      lambda = await mockLambda();
      await lambdaClientViaNock({ maxAttempts: 1 }).send(
        new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }),
      );
      await first.close();
      await lambdaClientViaNock({ maxAttempts: 1 }).send(
        new InvokeAsyncCommand({ FunctionName: 'g', InvokeArgs: '{}' }),
      );
      expect(lambda.calls.map((c) => c.functionName)).toEqual(['f', 'g']);
    });
  });

  it("two doubles opened one after another never see each other's calls", async () => {
    const client = lambdaClientViaNock();
    const first = await mockLambda();
    await client.send(new InvokeAsyncCommand({ FunctionName: 'one', InvokeArgs: '{}' }));
    await first.close();
    const second = await mockLambda();
    await client.send(new InvokeAsyncCommand({ FunctionName: 'two', InvokeArgs: '{}' }));
    await second.close();
    expect(first.calls.map((c) => c.functionName)).toEqual(['one']);
    expect(second.calls.map((c) => c.functionName)).toEqual(['two']);
  });

  it('supports await using', async () => {
    let seen: LambdaDouble;
    {
      await using double = await mockLambda();
      seen = double;
      await lambdaClientViaNock().send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }));
    }
    expect(seen.closed).toBe(true);
    expect(seen.calls).toHaveLength(1);
  });
});
