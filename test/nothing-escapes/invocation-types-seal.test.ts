/**
 * Every invocation type stays inside the process, proved with a counting server as the endpoint:
 * a RequestResponse nobody answers fails naming `lambda.respond(...)` on a declared endpoint, on a
 * host nobody declared, and under `onUnhandledRequest: 'bypass'`; and the real-world shapes that
 * had no answer before (an Event with no payload under fake timers through a client with its own
 * NodeHttpHandler, aws-sdk v2's raw `invoke` with InvocationType Event and no payload).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { mockLambda, NoFunctionAnswerError, type LambdaDouble } from '../../src/index.js';
import { caught, lambdaClient } from '../support/sdk.js';
import { startCountingNetwork, type CountingNetwork } from '../support/counting-network.js';
import { nodeRequest } from '../support/raw-request.js';

let network: CountingNetwork;
let lambda: LambdaDouble | undefined;
beforeEach(async () => {
  network = await startCountingNetwork();
});
afterEach(async () => {
  vi.useRealTimers();
  await lambda?.close().catch(() => undefined);
  lambda = undefined;
  await network.close();
});

describe('RequestResponse with nothing to answer never reaches the network', () => {
  it.each<[string, { declared: boolean; bypass?: boolean }]>([
    ['a declared endpoint', { declared: true }],
    ['a host nobody declared', { declared: false }],
    ["a declared endpoint with onUnhandledRequest 'bypass'", { declared: true, bypass: true }],
  ])('%s: NoFunctionAnswerError naming lambda.respond, 0 requests at the server', async (_label, options) => {
    lambda = await mockLambda({
      ...(options.declared ? { endpoint: network.url } : {}),
      ...(options.bypass ? { onUnhandledRequest: 'bypass' as const } : {}),
    });
    const client = lambdaClient({ endpoint: network.url, maxAttempts: 1 });
    const err = await caught(() =>
      client.send(new InvokeCommand({ FunctionName: 'pricing-fn', Payload: '{"qty":1}' })),
    );
    expect(err).toBeInstanceOf(NoFunctionAnswerError);
    expect(err.message).toContain('lambda.respond("pricing-fn", resultOrHandler)');
    const raw = await nodeRequest({ url: `${network.url}/2015-03-31/functions/pricing-fn/invocations`, body: '{}' });
    expect(raw.kind).toBe('error');
    expect(network.hits).toEqual([]);
  });
});

describe('real-world shapes', () => {
  it('an Event invoke with no payload under fake timers, through a client with its own NodeHttpHandler', async () => {
    vi.useFakeTimers();
    const delivered: unknown[] = [];
    lambda = await mockLambda({ handlers: { 'cdk-trigger': (event: unknown) => void delivered.push(event) } });
    const client = lambdaClient({ requestHandler: new NodeHttpHandler({ connectionTimeout: 1000 }) });
    const out = await client.send(new InvokeCommand({ FunctionName: 'cdk-trigger', InvocationType: 'Event' }));
    expect(out.StatusCode).toBe(202);
    await lambda.settled();
    expect(delivered).toEqual([{}]);
    expect(lambda.deliveries('cdk-trigger')).toMatchObject([{ attempt: 1, outcome: 'success', event: {} }]);
    lambda.expectInvoked('cdk-trigger', {}, { invocationType: 'Event' });
  });

  it('a handler that keeps failing is retried without real delays under fake timers', async () => {
    vi.useFakeTimers();
    lambda = await mockLambda({
      handlers: {
        flaky: () => {
          throw new Error('nope');
        },
      },
    });
    await lambdaClient().send(new InvokeCommand({ FunctionName: 'flaky', InvocationType: 'Event' }));
    await lambda.settled();
    expect(lambda.deliveries().map((d) => d.attempt)).toEqual([1, 2, 3]);
  });

  it("aws-sdk v2's raw invoke with InvocationType Event and no payload: 202, logged, no request leaves", async () => {
    lambda = await mockLambda({ endpoint: network.url });
    const out = await nodeRequest({
      url: `${network.url}/2015-03-31/functions/cdk-trigger/invocations`,
      headers: {
        'User-Agent': 'aws-sdk-nodejs/2.1692.0 linux/v20.0.0 promise',
        'X-Amz-Invocation-Type': 'Event',
        'Content-Length': '0',
        'X-Amz-Date': '20261207T000000Z',
        Authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261207/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
      },
    });
    expect(out).toMatchObject({ kind: 'response', status: 202 });
    expect(lambda.calls).toMatchObject([
      { operation: 'Invoke', invocationType: 'Event', functionName: 'cdk-trigger', payload: {}, status: 202 },
    ]);
    expect(network.hits).toEqual([]);
  });
});
