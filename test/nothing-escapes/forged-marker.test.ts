/**
 * No header lets a request through a double. The header lambda-cassette once put on the requests it
 * forwarded (`x-lambda-cassette-forwarded`) made nock's interceptors and guard step aside for any
 * request carrying it; now a request carrying it is intercepted like any other, and what the double
 * forwards while recording still arrives (from its worker thread, without that header).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockLambda, openCassette, type LambdaDouble } from '../../src/index.js';
import { useCountingNetwork } from '../support/counting-network.js';
import { fetchRequest, nodeRequest } from '../support/raw-request.js';
import { startUpstream } from '../support/upstream-server.js';

const OLD_MARK = { 'x-lambda-cassette-forwarded': '1' };

const network = useCountingNetwork();
let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close().catch(() => undefined);
  lambda = undefined;
});

describe.each([
  ['raw http', nodeRequest],
  ['global fetch', fetchRequest],
] as const)('a request carrying the old forwarding header, through %s', (_label, send) => {
  it('is an InvokeAsync the double answers, on any host: the server counts nothing', async () => {
    lambda = await mockLambda();
    const out = await send({
      url: `${network.url}/2014-11-13/functions/f/invoke-async`,
      headers: OLD_MARK,
      body: '{}',
    });
    expect(out).toMatchObject({ kind: 'response', status: 202 });
    expect(lambda.calls).toHaveLength(1);
    expect(network.hits).toEqual([]);
  });

  it('is an Invoke Event the double answers on a configured endpoint, and its GetFunction is refused', async () => {
    lambda = await mockLambda({ endpoint: network.url, onUnhandledRequest: 'error' });
    const event = await send({
      url: `${network.url}/2015-03-31/functions/f/invocations`,
      headers: { ...OLD_MARK, 'x-amz-invocation-type': 'Event' },
      body: '{}',
    });
    expect(event).toMatchObject({ kind: 'response', status: 202 });
    const get = await send({ url: `${network.url}/2015-03-31/functions/f`, method: 'GET', headers: OLD_MARK });
    expect(get.kind).toBe('error');
    expect(network.hits).toEqual([]);
    await expect(lambda.close()).rejects.toThrow(/GetFunction/);
    lambda = undefined;
  });

  it("to an AWS Lambda host is still the double's", async () => {
    lambda = await mockLambda({ onUnhandledRequest: 'error' });
    const out = await send({
      url: 'https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/',
      method: 'GET',
      headers: OLD_MARK,
    });
    expect(out.kind).toBe('error');
    await expect(lambda.close()).rejects.toThrow(/ListFunctions/);
    lambda = undefined;
  });
});

describe('what the double forwards itself', () => {
  it('still reaches the upstream while recording, and carries no forwarding header', async () => {
    const upstream = await startUpstream();
    try {
      lambda = await openCassette('forwarded', {
        dir: mkdtempSync(join(tmpdir(), 'lc-forged-')),
        mode: 'record',
        allowRecordingInCI: true,
        target: upstream.url,
      });
      const out = await nodeRequest({ url: `${network.url}/2014-11-13/functions/f/invoke-async`, body: '{"a":1}' });
      expect(out).toMatchObject({ kind: 'response', status: 202 });
      await lambda.close();
      lambda = undefined;
      expect(upstream.received).toHaveLength(1);
      expect(Object.keys(upstream.received[0]!.headers)).not.toContain('x-lambda-cassette-forwarded');
      expect(network.hits).toEqual([]);
    } finally {
      await upstream.close();
    }
  });
});
