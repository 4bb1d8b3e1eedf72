/**
 * A path is the request it names however it is spelt before its API version: a doubled slash
 * (`//2014-11-13/...`), an SDK endpoint ending in `//` or carrying a path prefix (the SDK appends the
 * API path to it), a `fetch` base ending in `/`. Each is served or judged unhandled, and the counting
 * server standing in for the network sees none of them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GetFunctionCommand, InvokeAsyncCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { mockLambda, UnhandledRequestError, type LambdaDouble } from '../../src/index.js';
import { caught, lambdaClient, lambdaClientViaNock } from '../support/sdk.js';
import { useCountingNetwork } from '../support/counting-network.js';
import { fetchRequest, nodeRequest } from '../support/raw-request.js';

const network = useCountingNetwork();
let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close().catch(() => undefined);
  lambda = undefined;
});

describe.each([
  ['the zero-config SDK door', lambdaClient],
  ['the nock door', lambdaClientViaNock],
] as const)('an SDK endpoint through %s', (_door, makeClient) => {
  // An endpoint ending in `//` through nock is not covered: nock reads `//2014-11-13/...` as a URL of host `2014-11-13`.
  it.each([...(makeClient === lambdaClient ? ['//'] : []), '/prefix', '/prefix/', '/a/b//'])(
    'ending in %s: InvokeAsync and Invoke Event served, GetFunction refused, nothing reaches the server',
    async (tail) => {
      lambda = await mockLambda({ endpoint: `${network.url}${tail}`, onUnhandledRequest: 'error' });
      const client = makeClient({ endpoint: `${network.url}${tail}`, maxAttempts: 1 });
      expect(
        (await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"a":1}' }))).Status,
      ).toBe(202);
      expect(
        (
          await client.send(
            new InvokeCommand({ FunctionName: 'orders-fn', InvocationType: 'Event', Payload: Buffer.from('{}') }),
          )
        ).StatusCode,
      ).toBe(202);
      expect(await caught(() => client.send(new GetFunctionCommand({ FunctionName: 'orders-fn' })))).toBeInstanceOf(
        UnhandledRequestError,
      );
      expect(lambda.calls.map((c) => `${c.operation} ${c.functionName}`)).toEqual([
        'InvokeAsync orders-fn',
        'Invoke orders-fn',
      ]);
      expect(network.hits).toEqual([]);
      await expect(lambda.close()).rejects.toThrow(/GetFunction/);
      lambda = undefined;
    },
  );

  it("not configured, its InvokeAsync is still the double's on any host", async () => {
    lambda = await mockLambda();
    const client = makeClient({ endpoint: `${network.url}/prefix//`, maxAttempts: 1 });
    expect((await client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }))).Status).toBe(202);
    expect(network.hits).toEqual([]);
  });
});

describe.each([
  ['raw http', nodeRequest],
  ['global fetch', fetchRequest],
] as const)('%s', (_label, send) => {
  // A leading `//` through raw http is not covered: nock reads `//x/...` as a URL of host `x`.
  it.each([
    ...(send === fetchRequest
      ? [
          '//2014-11-13/functions/f/invoke-async',
          '///2014-11-13/functions/f/invoke-async',
          '//prefix//2014-11-13/functions/f/invoke-async/',
        ]
      : []),
    '/prefix//2014-11-13/functions/f/invoke-async',
    '/prefix/2014-11-13/functions/f/invoke-async',
    '/a/b//2014-11-13/functions/f/invoke-async/',
  ])('%s is an InvokeAsync of f, served', async (path) => {
    lambda = await mockLambda();
    const out = await send({ url: `${network.url}${path}`, body: '{"a":1}' });
    expect(out).toMatchObject({ kind: 'response', status: 202 });
    expect(lambda.calls.map((c) => c.functionName)).toEqual(['f']);
    expect(network.hits).toEqual([]);
  });

  it('a base ending in / joined with a path starting with / is still an Invoke Event', async () => {
    lambda = await mockLambda();
    const base = send === fetchRequest ? `${network.url}/` : `${network.url}/stage/`;
    const out = await send({
      url: `${base}/2015-03-31/functions/f/invocations?Qualifier=live`,
      headers: { 'x-amz-invocation-type': 'Event' },
      body: '{}',
    });
    expect(out).toMatchObject({ kind: 'response', status: 202 });
    expect(lambda.calls.map((c) => `${c.functionName}:${c.qualifier}`)).toEqual(['f:live']);
    expect(network.hits).toEqual([]);
  });

  it('on a Lambda host, a prefixed GetFunction is refused, never sent', async () => {
    lambda = await mockLambda({ onUnhandledRequest: 'error' });
    const out = await send({
      url: 'https://lambda.us-east-1.amazonaws.com/prefix//2015-03-31/functions/f',
      method: 'GET',
    });
    expect(out.kind).toBe('error');
    await expect(lambda.close()).rejects.toThrow(/GetFunction/);
    lambda = undefined;
  });

  it('control: a path that names no Lambda API still reaches the server', async () => {
    lambda = await mockLambda();
    await send({ url: `${network.url}/prefix//health`, method: 'GET' });
    expect(network.hits).toEqual(['GET /prefix//health']);
  });
});
