/**
 * What fetch and undici callers see when the double does not answer 202: an injected fault is the
 * socket error (inside fetch's `TypeError`), a documented error is the service's answer, a Lambda
 * request the double does not serve is refused (and listed by close()), an aborted fetch rejects
 * with its signal's reason. Nothing reaches the counting server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { request as undiciRequest } from 'undici';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { useCountingNetwork } from '../../support/counting-network.js';

const net = useCountingNetwork();
let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close().catch(() => {});
  lambda = undefined;
});

const invokeAsync = () => `${net.url}/2014-11-13/functions/orders-fn/invoke-async/`;
const AWS = 'https://lambda.us-east-1.amazonaws.com';

describe('fetch and undici answers other than 202', () => {
  it('an injected connection reset is the socket error: inside TypeError for fetch, as is for undici.request', async () => {
    lambda = await mockLambda();
    lambda.injectFault('connection-reset', { times: 2 });
    const viaFetch = await fetch(invokeAsync(), { method: 'POST', body: '{}' }).catch((e: Error) => e);
    expect(viaFetch).toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNRESET' } });
    const viaUndici = await undiciRequest(invokeAsync(), { method: 'POST', body: '{}' }).catch((e: Error) => e);
    expect(viaUndici).toMatchObject({ code: 'ECONNRESET' });
    expect(net.hits).toEqual([]);
  });

  it("a documented error is the service's answer, with its error type header", async () => {
    lambda = await mockLambda({ functions: ['other-fn'] });
    const res = await fetch(invokeAsync(), { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toMatch(/^ResourceNotFoundException/);
    expect(await res.json()).toMatchObject({ Type: 'User' });
    expect(net.hits).toEqual([]);
  });

  it('another Lambda API on a Lambda host is refused with UnhandledRequestError, and close() lists it', async () => {
    lambda = await mockLambda();
    const viaFetch = await fetch(`${AWS}/2015-03-31/functions/orders-fn`).catch((e: Error) => e);
    expect(viaFetch).toMatchObject({ name: 'TypeError', cause: { name: 'UnhandledRequestError' } });
    const viaUndici = await undiciRequest(`${AWS}/2015-03-31/functions/orders-fn/configuration`).catch((e: Error) => e);
    expect(viaUndici).toMatchObject({ name: 'UnhandledRequestError' });
    await expect(lambda.close()).rejects.toThrow(/GetFunction/);
    lambda = undefined;
  });

  it("an aborted fetch rejects with its signal's reason and is not sent", async () => {
    lambda = await mockLambda();
    const controller = new AbortController();
    controller.abort();
    await expect(fetch(invokeAsync(), { method: 'POST', body: '{}', signal: controller.signal })).rejects.toMatchObject(
      { name: 'AbortError' },
    );
    expect(lambda.calls).toEqual([]);
    expect(net.hits).toEqual([]);
  });

  it('the Response names its URL and carries the answer', async () => {
    lambda = await mockLambda();
    const res = await fetch(invokeAsync(), { method: 'POST', body: '{"a":1}' });
    expect(res.url).toBe(invokeAsync());
    expect(await res.json()).toEqual({ Status: 202 });
  });
});
