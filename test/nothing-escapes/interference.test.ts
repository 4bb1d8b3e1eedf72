/**
 * A caller's nock.cleanAll(), nock.restore() (through any reference), recorder, nock.back record
 * mode or own nock scope while a double is open never lets InvokeAsync or Invoke (Event) reach the
 * network: the double does not stand on nock, so nothing nock does takes its traffic away; and the
 * caller's disableNetConnect() keeps guarding every other host.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { InvokeAsyncCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { mockLambda, NockScopeConflictError, type LambdaDouble } from '../../src/index.js';
import { lambdaClient, lambdaClientViaNock } from '../support/sdk.js';
import { useCountingNetwork } from '../support/counting-network.js';
import { nodeRequest } from '../support/raw-request.js';

const network = useCountingNetwork();

function invoke(name: string): Promise<unknown> {
  // Through nock (not the SDK fast path, which nock's state never touches): what is tested here is the nock door.
  return lambdaClientViaNock({ endpoint: network.url, maxAttempts: 1 }).send(
    new InvokeAsyncCommand({ FunctionName: name, InvokeArgs: '{}' }),
  );
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

  it("while a double is open: InvokeAsync is still the double's", async () => {
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
    expect(await nodeRequest({ url: `${network.url}/theirs`, method: 'GET' })).toMatchObject({
      status: 200,
      body: 'theirs',
    });
    await lambda.close().catch(() => undefined);
  });

  it('for another host, keeps answering: the double does not shadow it', async () => {
    const lambda = await mockLambda();
    nock('http://example.test').get('/x').reply(200, 'mocked by the caller');
    expect(await nodeRequest({ url: 'http://example.test/x', method: 'GET' })).toMatchObject({
      status: 200,
      body: 'mocked by the caller',
    });
    await lambda.close();
  });

  it("for another host, after the caller's own restore() then activate(), answers http and fetch again while a double is open", async () => {
    // nock's own rule: restore() switches nock off until activate(); the double neither turns it
    // back on nor keeps it off, so the caller's scopes answer as soon as the caller re-activates.
    nock.restore();
    nock.activate();
    const lambda = await mockLambda();
    nock('http://example.test').get('/x').times(2).reply(200, 'mocked by the caller');
    expect(await nodeRequest({ url: 'http://example.test/x', method: 'GET' })).toMatchObject({
      status: 200,
      body: 'mocked by the caller',
    });
    const viaFetch = await fetch('http://example.test/x');
    expect({ status: viaFetch.status, body: await viaFetch.text() }).toEqual({
      status: 200,
      body: 'mocked by the caller',
    });
    await lambda.close();
  });
});

describe("the caller's own nock interceptor for a call the double serves: refused loudly", () => {
  afterEach(() => {
    nock.cleanAll();
  });

  const invokeAsyncPath = '/2014-11-13/functions/f/invoke-async/';
  const invokePath = '/2015-03-31/functions/f/invocations';

  it.each([
    [
      'InvokeAsync over HTTP (SDK)',
      () => nock(network.url).post(invokeAsyncPath).reply(202, '{"Status":202}'),
      () => invoke('f'),
    ],
    [
      'Invoke (Event) over HTTP (SDK)',
      () => nock(network.url).post(invokePath).reply(202, ''),
      () =>
        lambdaClientViaNock({ endpoint: network.url, maxAttempts: 1 }).send(
          new InvokeCommand({ FunctionName: 'f', InvocationType: 'Event', Payload: '{}' }),
        ),
    ],
    [
      'InvokeAsync, zero-config SDK client',
      () => nock(network.url).post(invokeAsyncPath).reply(202, '{"Status":202}'),
      () =>
        lambdaClient({ endpoint: network.url, maxAttempts: 1 }).send(
          new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }),
        ),
    ],
    [
      'Invoke (Event), raw http',
      () => nock(network.url).post(invokePath).reply(202, ''),
      async () => {
        const out = await nodeRequest({
          url: `${network.url}${invokePath}`,
          headers: { 'x-amz-invocation-type': 'Event' },
          body: '{}',
        });
        if (out.kind === 'error') throw out.error;
        return out;
      },
    ],
  ])(
    '%s: the call fails with NockScopeConflictError, nothing is sent, close() rejects naming it',
    async (_name, scope, call) => {
      const theirs = scope();
      const lambda = await mockLambda({ endpoint: network.url });
      const err = await call().then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err).toBeInstanceOf(NockScopeConflictError);
      expect((err as NockScopeConflictError).code).toBe('LC_NOCK_SCOPE_CONFLICT');
      expect(network.hits).toEqual([]);
      expect(theirs.isDone()).toBe(false);
      await expect(lambda.close()).rejects.toBeInstanceOf(NockScopeConflictError);
    },
  );

  it("another Lambda API the double does not serve stays the caller's to answer", async () => {
    nock(network.url)
      .get('/2015-03-31/functions/f')
      .reply(200, { Configuration: { FunctionName: 'f' } });
    const lambda = await mockLambda({ endpoint: network.url });
    const out = await nodeRequest({ url: `${network.url}/2015-03-31/functions/f`, method: 'GET' });
    expect(out).toMatchObject({ kind: 'response', status: 200 });
    await invoke('g');
    expect(network.hits).toEqual([]);
    await lambda.close();
  });
});

describe('nock switched off through ways the double cannot wrap: nothing leaves, the double keeps answering', () => {
  let fixtures: string;
  beforeAll(() => {
    fixtures = mkdtempSync(join(tmpdir(), 'lc-nock-back-'));
  });
  afterAll(() => rmSync(fixtures, { recursive: true, force: true }));
  afterEach(() => {
    nock.recorder.clear();
    nock.back.setMode('dryrun');
    nock.cleanAll();
    if (!nock.isActive()) nock.activate();
  });

  // InvokeAsync through the SDK over HTTP, and Invoke (Event) as raw http, both to the counting network.
  async function bothServed(lambda: LambdaDouble): Promise<void> {
    await invoke('sdk-invoke-async');
    const raw = await nodeRequest({
      url: `${network.url}/2015-03-31/functions/raw-event/invocations`,
      headers: { 'x-amz-invocation-type': 'Event', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(raw).toMatchObject({ kind: 'response', status: 202 });
    expect(network.hits).toEqual([]);
    expect(lambda.calls.map((c) => c.functionName)).toEqual(['sdk-invoke-async', 'raw-event']);
  }

  it('cleanAll() saved before the double opened', async () => {
    const cleanAll = nock.cleanAll;
    const lambda = await mockLambda({ endpoint: network.url });
    cleanAll();
    await bothServed(lambda);
    await lambda.close();
  });

  it('restore() saved before the double opened', async () => {
    const restore = nock.restore;
    const lambda = await mockLambda({ endpoint: network.url });
    restore();
    expect(nock.isActive()).toBe(false);
    await bothServed(lambda);
    await lambda.close();
  });

  it("nock.recorder.rec() records nothing of the double's traffic", async () => {
    const lambda = await mockLambda({ endpoint: network.url });
    nock.recorder.rec({ dont_print: true, output_objects: true });
    await bothServed(lambda);
    expect(nock.recorder.play()).toEqual([]);
    await lambda.close();
  });

  it('nock.back in record mode, before and while the double is open', async () => {
    nock.back.fixtures = fixtures;
    nock.back.setMode('record');
    const before = await nock.back('before-open.json');
    const lambda = await mockLambda({ endpoint: network.url });
    const during = await nock.back('while-open.json');
    await bothServed(lambda);
    during.nockDone();
    before.nockDone();
    await lambda.close();
  });

  it('the double leaves nock as it found it: off stays off, on stays on', async () => {
    nock.restore();
    const lambda = await mockLambda();
    expect(nock.isActive()).toBe(false);
    await lambda.close();
    expect(nock.isActive()).toBe(false);
    nock.activate();
    const again = await mockLambda();
    await again.close();
    expect(nock.isActive()).toBe(true);
  });
});

describe('nock.disableNetConnect() set by the caller keeps holding while a double is open', () => {
  afterEach(() => {
    nock.enableNetConnect();
    nock.cleanAll();
  });

  it("a request to another host fails with NetConnectNotAllowedError and reaches nothing; Lambda traffic is the double's", async () => {
    nock.disableNetConnect();
    const lambda = await mockLambda();
    const other = await nodeRequest({ url: `${network.url}/not-lambda`, method: 'GET' });
    expect(other.kind).toBe('error');
    expect(other.kind === 'error' && other.error.name).toBe('NetConnectNotAllowedError');
    await invoke('f');
    expect(network.hits).toEqual([]);
    expect(lambda.calls).toHaveLength(1);
    await lambda.close();
    // And after the double closed, as before it opened.
    expect((await nodeRequest({ url: `${network.url}/not-lambda`, method: 'GET' })).kind).toBe('error');
    expect(network.hits).toEqual([]);
  });
});
