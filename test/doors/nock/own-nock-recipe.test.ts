/**
 * The recipe "Living with your own nock, msw or Polly" (docs/recipes.md): what a suite that also
 * uses nock itself can do while a double is open. `nock.disableNetConnect()` stops neither
 * InvokeAsync (answered by the double) nor a recording's forward to the real endpoint, and the
 * caller's own scopes keep answering; `nock.cleanAll()` called at any time, through any reference,
 * leaves the double intercepting: lambda-cassette does not stand on nock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { mockLambda, openCassette } from '../../../src/index.js';
import { lambdaClientViaNock } from '../../support/sdk.js';
import { nodeRequest } from '../../support/raw-request.js';
import { startUpstream } from '../../support/upstream-server.js';

// As a setup file might: a reference to nock.cleanAll taken before any double opened in this process.
const { cleanAll: savedCleanAll } = nock;

// Clients over HTTP, as aws-sdk v2, fetch or a custom handler send: a plain v3 client takes the
// zero-configuration path and never meets nock at all.
const invoke = (endpoint?: string) =>
  lambdaClientViaNock({ maxAttempts: 1, ...(endpoint ? { endpoint } : {}) }).send(
    new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }),
  );

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('living with your own nock', () => {
  it("disableNetConnect(): InvokeAsync is the double's, and your own scopes answer", async () => {
    nock.disableNetConnect();
    nock('http://api.example.test').get('/users/1').reply(200, { id: 1 });
    const lambda = await mockLambda();
    expect((await invoke()).Status).toBe(202);
    expect(await nodeRequest({ url: 'http://api.example.test/users/1', method: 'GET' })).toMatchObject({ status: 200 });
    await lambda.close();
  });

  it('disableNetConnect() does not stop a recording from reaching its endpoint', async () => {
    const upstream = await startUpstream();
    const dir = mkdtempSync(join(tmpdir(), 'lc-own-nock-'));
    try {
      nock.disableNetConnect();
      const lambda = await openCassette('rec', {
        dir,
        mode: 'record',
        endpoint: upstream.url,
        allowRecordingInCI: true,
      });
      expect((await invoke(upstream.url)).Status).toBe(202);
      await lambda.close();
      expect(upstream.received).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await upstream.close();
    }
  });

  it('nock.cleanAll() between tests keeps the double, even through a reference saved before open', async () => {
    const lambda = await mockLambda();
    nock.cleanAll();
    expect((await invoke()).Status).toBe(202);
    await lambda.close();

    const second = await mockLambda();
    savedCleanAll();
    expect((await invoke()).Status).toBe(202);
    expect(second.calls).toHaveLength(1);
    await second.close();
  });
});
