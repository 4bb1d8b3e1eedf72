import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import { sendOutsideInterceptors } from '../../src/recording/send-outside-interceptors.js';
import { startUpstream } from '../support/upstream-server.js';

describe('sendOutsideInterceptors', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  beforeAll(async () => {
    upstream = await startUpstream(() => ({
      status: 429,
      // Repeated headers, as Node's writeHead sends an array; typed as strings by the helper.
      headers: {
        'content-type': 'application/octet-stream',
        'x-amzn-RequestId': 'real-1',
        'x-multi': ['a', 'b'],
      } as unknown as Record<string, string>,
      body: Buffer.from([0, 255, 1, 254]),
    }));
  });
  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await upstream.close();
  });

  it('reaches the network while nock intercepts that host and forbids net connect in this thread', async () => {
    const scope = nock(upstream.url).post('/fn').reply(200, 'from nock');
    nock.disableNetConnect();
    const res = await sendOutsideInterceptors({
      url: `${upstream.url}/fn`,
      method: 'POST',
      headers: { 'x-a': '1' },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(scope.isDone()).toBe(false);
    expect(res.status).toBe(429);
    expect([...res.body]).toEqual([0, 255, 1, 254]);
    expect(res.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'x-amzn-requestid': 'real-1',
      'x-multi': 'a, b',
    });
    expect(upstream.received.at(-1)).toMatchObject({
      method: 'POST',
      url: '/fn',
      headers: { 'x-a': '1' },
      body: '\u0001\u0002\u0003',
    });
  });

  it('answers requests in flight together, each with its own reply', async () => {
    const replies = await Promise.all(
      ['/a', '/b', '/c'].map((path) =>
        sendOutsideInterceptors({ url: `${upstream.url}${path}`, method: 'POST', headers: {}, body: new Uint8Array() }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual([429, 429, 429]);
    expect(
      upstream.received
        .slice(-3)
        .map((r) => r.url)
        .sort(),
    ).toEqual(['/a', '/b', '/c']);
  });

  it('rejects with the socket error when nothing listens', async () => {
    const closed = await startUpstream();
    await closed.close();
    await expect(
      sendOutsideInterceptors({ url: `${closed.url}/fn`, method: 'POST', headers: {}, body: new Uint8Array() }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
