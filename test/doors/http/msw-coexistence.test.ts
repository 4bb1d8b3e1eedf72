/**
 * msw and a double in one process, in both orders: msw keeps answering its handlers (over http and
 * fetch), the double keeps answering InvokeAsync and Invoke (Event), nothing reaches the counting
 * network, and no error escapes (vitest fails the file on an uncaught one). lambda-cassette never
 * loads nock, whose interceptors broke msw's ClientRequest interception. This file imports no nock.
 */
import { describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http as mswHttp, HttpResponse } from 'msw';
import { InvokeAsyncCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { lambdaClient, lambdaClientViaNock } from '../../support/sdk.js';
import { useCountingNetwork } from '../../support/counting-network.js';
import { fetchRequest, nodeRequest } from '../../support/raw-request.js';

const network = useCountingNetwork();

function mswServer() {
  return setupServer(mswHttp.get(`${network.url}/msw`, () => HttpResponse.text('from msw')));
}

async function mswAnswers(): Promise<void> {
  expect(await nodeRequest({ url: `${network.url}/msw`, method: 'GET' })).toMatchObject({
    kind: 'response',
    status: 200,
    body: 'from msw',
  });
  expect(await fetchRequest({ url: `${network.url}/msw`, method: 'GET' })).toMatchObject({
    kind: 'response',
    status: 200,
    body: 'from msw',
  });
}

async function doubleAnswers(lambda: LambdaDouble): Promise<void> {
  const before = lambda.calls.length;
  expect(
    (await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'zero-config', InvokeArgs: '{}' }))).Status,
  ).toBe(202);
  expect(
    (
      await lambdaClientViaNock({ endpoint: network.url }).send(
        new InvokeAsyncCommand({ FunctionName: 'over-http', InvokeArgs: '{}' }),
      )
    ).Status,
  ).toBe(202);
  expect(
    (
      await lambdaClientViaNock({ endpoint: network.url }).send(
        new InvokeCommand({ FunctionName: 'event', InvocationType: 'Event', Payload: '{}' }),
      )
    ).StatusCode,
  ).toBe(202);
  const raw = await nodeRequest({ url: `${network.url}/2014-11-13/functions/raw/invoke-async/`, body: '{}' });
  expect(raw).toMatchObject({ kind: 'response', status: 202 });
  const viaFetch = await fetchRequest({ url: `${network.url}/2014-11-13/functions/fetched/invoke-async/`, body: '{}' });
  expect(viaFetch).toMatchObject({ kind: 'response', status: 202 });
  expect(lambda.calls.slice(before).map((c) => c.functionName)).toEqual([
    'zero-config',
    'over-http',
    'event',
    'raw',
    'fetched',
  ]);
}

describe('msw and a double', () => {
  it('msw first, then the double: both answer; after close() msw still does', async () => {
    const server = mswServer();
    server.listen({ onUnhandledRequest: 'bypass' });
    try {
      await mswAnswers();
      const lambda = await mockLambda({ endpoint: network.url });
      await mswAnswers();
      await doubleAnswers(lambda);
      await lambda.close();
      await mswAnswers();
    } finally {
      server.close();
    }
    expect(network.hits).toEqual([]);
  });

  it('the double first, then msw: both answer; after msw closes the double still does', async () => {
    const lambda = await mockLambda({ endpoint: network.url });
    const server = mswServer();
    server.listen({ onUnhandledRequest: 'bypass' });
    try {
      await doubleAnswers(lambda);
      await mswAnswers();
    } finally {
      server.close();
    }
    await doubleAnswers(lambda);
    await lambda.close();
    expect(network.hits).toEqual([]);
  });

  it("msw's onUnhandledRequest: 'error' still refuses other traffic while a double is open", async () => {
    const server = mswServer();
    server.listen({ onUnhandledRequest: 'error' });
    const lambda = await mockLambda({ endpoint: network.url });
    try {
      const out = await nodeRequest({ url: `${network.url}/not-mocked`, method: 'GET' });
      expect(out.kind).toBe('error');
      await doubleAnswers(lambda);
    } finally {
      await lambda.close();
      server.close();
    }
    expect(network.hits).toEqual([]);
  });
});
