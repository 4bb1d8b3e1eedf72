/**
 * undici (every entry point, global and own dispatchers), global fetch and raw http2 in mock mode:
 * InvokeAsync and Invoke (Event) are answered by the double and logged, with no hit on the counting
 * server standing in for the network; other traffic reaches it untouched; after `close()` the same
 * client reaches it again (every patch undone).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { startCountingNetwork, type CountingNetwork } from '../../support/counting-network.js';
import { startCountingHttp2 } from '../../support/counting-http2.js';
import { UNDICI_CLIENTS, type HttpClient } from '../../support/undici-clients.js';

let h1: CountingNetwork;
let h2: CountingNetwork;
beforeAll(async () => {
  [h1, h2] = await Promise.all([startCountingNetwork(), startCountingHttp2()]);
});
afterAll(async () => {
  await Promise.all([h1.close(), h2.close()]);
});

const invokeAsync = (base: string) => ({
  url: `${base}/2014-11-13/functions/orders-fn/invoke-async/`,
  method: 'POST',
  body: '{"order":1}',
});
const invokeEvent = (base: string) => ({
  url: `${base}/2015-03-31/functions/orders-fn/invocations`,
  method: 'POST',
  headers: { 'x-amz-invocation-type': 'Event' },
  body: '{"order":2}',
});

describe.each(UNDICI_CLIENTS)('$name while a double is open', (client: HttpClient) => {
  let lambda: LambdaDouble | undefined;
  const net = () => (client.http2 ? h2 : h1);
  afterEach(async () => {
    await lambda?.close();
    lambda = undefined;
    net().hits.length = 0;
  });

  it('InvokeAsync and Invoke (Event) are answered by the double, logged, and never reach the network', async () => {
    lambda = await mockLambda();
    const a = await client.send(invokeAsync(net().url));
    const e = await client.send(invokeEvent(net().url));
    expect(a).toEqual({ kind: 'response', status: 202, body: '{"Status":202}' });
    expect(e).toEqual({ kind: 'response', status: 202, body: '' });
    expect(lambda.calls.map((c) => [c.functionName, c.payload])).toEqual([
      ['orders-fn', { order: 1 }],
      ['orders-fn', { order: 2 }],
    ]);
    expect(net().hits).toEqual([]);
  });

  it('other traffic reaches the network untouched', async () => {
    lambda = await mockLambda();
    const other = await client.send({ url: `${net().url}/health?x=1`, method: 'GET' });
    expect(other).toEqual({ kind: 'response', status: 418, body: 'the network' });
    expect(net().hits).toEqual(['GET /health?x=1']);
    expect(lambda.calls).toHaveLength(0);
  });

  it('after close() the same client reaches the network again', async () => {
    lambda = await mockLambda();
    await client.send(invokeAsync(net().url));
    await lambda.close();
    lambda = undefined;
    const after = await client.send(invokeAsync(net().url));
    expect(after).toEqual({ kind: 'response', status: 418, body: 'the network' });
    expect(net().hits).toEqual(['POST /2014-11-13/functions/orders-fn/invoke-async/']);
  });
});
