/**
 * The nock door and Invoke Event on hosts that are not AWS's: any host (no `endpoint` needed), with a
 * `?Qualifier=`; a RequestResponse Invoke to such a host is the double's too (it never reaches the host); and a host the
 * caller has their own nock scope for still reaches the double with an Invoke Event.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { lambdaClient } from '../../support/sdk.js';

let lambda: LambdaDouble | undefined;
let server: http.Server;
let url: string;
const hits: string[] = [];
beforeAll(async () => {
  // A stand-in for an emulator the client is pointed at: it answers whatever reaches it with 200.
  server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers['x-amz-invocation-type'] ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"from":"server"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(async () => {
  nock.cleanAll();
  hits.length = 0;
  await lambda?.close();
  lambda = undefined;
});

const invoke = (InvocationType: 'Event' | 'RequestResponse', Qualifier?: string) =>
  lambdaClient({ endpoint: url, maxAttempts: 1 }).send(
    new InvokeCommand({
      FunctionName: 'orders-fn',
      InvocationType,
      Payload: '{"id":1}',
      ...(Qualifier ? { Qualifier } : {}),
    }),
  );

describe('Invoke Event through nock on any host', () => {
  it('is answered by the double on a host it was not told about, Qualifier included; nothing reaches the host', async () => {
    lambda = await mockLambda();
    const out = await invoke('Event', 'live');
    expect(out.StatusCode).toBe(202);
    expect(lambda.calls).toMatchObject([
      { operation: 'Invoke', functionName: 'orders-fn', qualifier: 'live', status: 202 },
    ]);
    expect(hits).toEqual([]);
  });

  it('a RequestResponse Invoke to a host nobody declared never reaches it: NoFunctionAnswerError, or the respond() result', async () => {
    lambda = await mockLambda();
    await expect(invoke('RequestResponse')).rejects.toMatchObject({
      code: 'LC_NO_FUNCTION_ANSWER',
      message: expect.stringContaining('lambda.respond("orders-fn"'),
    });
    lambda.respond('orders-fn', { from: 'double' });
    const out = await invoke('RequestResponse');
    expect(out.StatusCode).toBe(200);
    expect(Buffer.from(out.Payload!).toString()).toBe('{"from":"double"}');
    expect(hits).toEqual([]);
    expect(lambda.calls.map((c) => [c.invocationType, c.status])).toEqual([
      ['RequestResponse', 0],
      ['RequestResponse', 200],
    ]);
  });

  it("joins the caller's own nock scope for the host: their interceptors answer theirs, the double the Invoke Event", async () => {
    const theirs = nock(url).get('/health').reply(200, 'ok').persist();
    lambda = await mockLambda();
    expect((await invoke('Event')).StatusCode).toBe(202);
    expect(await (await fetch(`${url}/health`)).text()).toBe('ok');
    expect(lambda.calls.map((c) => c.operation)).toEqual(['Invoke']);
    expect(hits).toEqual([]);
    theirs.persist(false);
  });
});
