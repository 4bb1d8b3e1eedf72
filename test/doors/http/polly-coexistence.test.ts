/**
 * Polly.js (node-http adapter, which patches `http` with its own copy of nock 13) and a double in
 * one process, in both orders: Polly's intercepts keep answering, Polly's passthrough keeps
 * reaching the network, the double keeps answering InvokeAsync and Invoke (Event) over http, and
 * none of the double's calls reaches the counting network.
 */
import { describe, expect, it } from 'vitest';
import { Polly } from '@pollyjs/core';
import NodeHttpAdapter from '@pollyjs/adapter-node-http';
import { InvokeAsyncCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { lambdaClientViaNock } from '../../support/sdk.js';
import { useCountingNetwork } from '../../support/counting-network.js';
import { nodeRequest } from '../../support/raw-request.js';

// The adapter's types name a copy of @pollyjs/adapter other than core's; at run time it is the class core expects.
Polly.register(NodeHttpAdapter as unknown as Parameters<typeof Polly.register>[0]);

const network = useCountingNetwork();

function startPolly(): Polly {
  const polly = new Polly('coexistence', { adapters: ['node-http'], mode: 'passthrough', logLevel: 'silent' });
  polly.server.get(`${network.url}/polly`).intercept((_req, res) => {
    res.status(200).send('from polly');
  });
  return polly;
}

async function pollyAnswers(): Promise<void> {
  expect(await nodeRequest({ url: `${network.url}/polly`, method: 'GET' })).toMatchObject({
    kind: 'response',
    status: 200,
    body: 'from polly',
  });
  // Polly's passthrough: a real request, counted.
  const before = network.hits.length;
  expect(await nodeRequest({ url: `${network.url}/passes`, method: 'GET' })).toMatchObject({
    kind: 'response',
    status: 418,
  });
  expect(network.hits.slice(before)).toEqual(['GET /passes']);
}

async function doubleAnswers(lambda: LambdaDouble): Promise<void> {
  const before = network.hits.length;
  const client = lambdaClientViaNock({ endpoint: network.url, maxAttempts: 1 });
  expect((await client.send(new InvokeAsyncCommand({ FunctionName: 'over-http', InvokeArgs: '{}' }))).Status).toBe(202);
  expect(
    (await client.send(new InvokeCommand({ FunctionName: 'event', InvocationType: 'Event', Payload: '{}' })))
      .StatusCode,
  ).toBe(202);
  expect(lambda.calls.slice(-2).map((c) => c.functionName)).toEqual(['over-http', 'event']);
  expect(network.hits.length).toBe(before);
}

describe('Polly and a double', () => {
  it('Polly first, then the double', async () => {
    const polly = startPolly();
    try {
      const lambda = await mockLambda({ endpoint: network.url });
      await pollyAnswers();
      await doubleAnswers(lambda);
      await lambda.close();
      await pollyAnswers();
    } finally {
      await polly.stop();
    }
    expect(network.hits.filter((h) => !h.endsWith('/passes'))).toEqual([]);
  });

  it('the double first, then Polly; the double outlives Polly', async () => {
    const lambda = await mockLambda({ endpoint: network.url });
    const polly = startPolly();
    try {
      await doubleAnswers(lambda);
      await pollyAnswers();
    } finally {
      await polly.stop();
    }
    await doubleAnswers(lambda);
    await lambda.close();
    expect(network.hits.filter((h) => !h.endsWith('/passes'))).toEqual([]);
  });
});
