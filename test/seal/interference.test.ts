/**
 * Issue 9 item 5 (API §8 "Interference is loud"): a caller's nock.cleanAll(), nock.restore() or own
 * nock scope while a double is open never lets InvokeAsync reach the network silently.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { InterceptionLostError, mockLambda, type LambdaDouble } from '../../src/index.js';
import { lambdaClientViaNock } from '../support/sdk.js';
import { startCountingNetwork, type CountingNetwork } from '../support/counting-network.js';
import { nodeRequest } from '../support/raw-request.js';

let network: CountingNetwork;
beforeAll(async () => {
  network = await startCountingNetwork();
});
afterAll(async () => {
  await network.close();
});
beforeEach(() => {
  network.hits.length = 0;
});

function invoke(name: string): Promise<unknown> {
  // Through nock (not the SDK fast path, which nock's state never touches): what is tested here is the nock door.
  return lambdaClientViaNock({ endpoint: network.url, maxAttempts: 1 }).send(new InvokeAsyncCommand({ FunctionName: name, InvokeArgs: '{}' }));
}

describe('afterEach(nock.cleanAll) with the double opened in beforeAll', () => {
  let lambda: LambdaDouble;
  beforeAll(async () => {
    lambda = await mockLambda({ endpoint: network.url });
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(async () => {
    await lambda.close();
  });

  it('first test', async () => {
    await invoke('one');
    expect(network.hits).toEqual([]);
  });
  it('second test, after a cleanAll', async () => {
    await invoke('two');
    expect(network.hits).toEqual([]);
    expect(lambda.calls.map((c) => c.functionName)).toEqual(['one', 'two']);
  });
});

describe('nock.restore()', () => {
  afterEach(() => {
    if (!nock.isActive()) nock.activate();
  });

  it('while a double is open: InvokeAsync is still the double\'s', async () => {
    const lambda = await mockLambda({ endpoint: network.url });
    nock.restore();
    await invoke('after-restore');
    expect(network.hits).toEqual([]);
    expect(lambda.calls.map((c) => c.functionName)).toEqual(['after-restore']);
    await lambda.close();
  });

  it('before the double opened (what nock.back record mode leaves behind): open activates nock', async () => {
    nock.restore();
    expect(nock.isActive()).toBe(false);
    const lambda = await mockLambda();
    await invoke('opened-after-restore');
    expect(network.hits).toEqual([]);
    expect(lambda.calls).toHaveLength(1);
    await lambda.close();
    // The double leaves nock as it found it.
    expect(nock.isActive()).toBe(false);
  });
});

describe("the caller's own nock scope on a Lambda host", () => {
  afterEach(() => {
    nock.cleanAll();
  });

  it('with allowUnmocked, InvokeAsync still never reaches the network', async () => {
    nock(network.url, { allowUnmocked: true }).get('/theirs').reply(200, 'theirs');
    const lambda = await mockLambda({ endpoint: network.url });
    await invoke('f').catch(() => undefined);
    expect(network.hits).toEqual([]);
    expect((await nodeRequest({ url: `${network.url}/theirs`, method: 'GET' }))).toMatchObject({ status: 200, body: 'theirs' });
    await lambda.close().catch(() => undefined);
  });

  it('for another host, keeps answering: the double does not shadow it', async () => {
    const lambda = await mockLambda();
    nock('http://example.test').get('/x').reply(200, 'mocked by the caller');
    expect(await nodeRequest({ url: 'http://example.test/x', method: 'GET' })).toMatchObject({ status: 200, body: 'mocked by the caller' });
    await lambda.close();
  });
});

describe('nock.cleanAll() through a reference taken before the double opened (the door cannot wrap it)', () => {
  it('the next InvokeAsync is stopped before the network, and close() names what happened', async () => {
    const cleanAll = nock.cleanAll;
    const lambda = await mockLambda({ endpoint: network.url });
    cleanAll();
    const err = await invoke('f').catch((e: Error) => e);
    expect(err).toBeInstanceOf(InterceptionLostError);
    expect(network.hits).toEqual([]);
    // The door put its interceptors back: the next call is the double's again.
    await invoke('g');
    expect(lambda.calls.map((c) => c.functionName)).toEqual(['g']);
    await expect(lambda.close()).rejects.toThrow(/nock\.cleanAll\(\)/);
  });

  it('a nock.restore() through such a reference is named at close()', async () => {
    const restore = nock.restore;
    const lambda = await mockLambda({ endpoint: network.url });
    restore();
    await expect(lambda.close()).rejects.toBeInstanceOf(InterceptionLostError);
    nock.activate();
  });
});
