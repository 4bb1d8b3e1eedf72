/**
 * The fetch door sits above whatever wrapped `globalThis.fetch` before the double opened (nock's or
 * msw's interceptor): a Lambda fetch call is answered there, once, and never reaches the wrapper
 * below; any other call goes down to it; after close() Lambda calls go down to it again.
 */
import { afterEach, expect, it } from 'vitest';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { startCountingNetwork } from '../../support/counting-network.js';

let lambda: LambdaDouble | undefined;
const native = globalThis.fetch;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
  globalThis.fetch = native;
});

it('a Lambda fetch call never reaches an interceptor installed below; other calls do', async () => {
  const below: string[] = [];
  const wrapper = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    below.push(url);
    // Stands in for an interceptor's answer, so nothing below this test's wrapper reaches AWS.
    return url.includes('amazonaws') ? Promise.resolve(new Response('below', { status: 299 })) : native(input, init);
  }) as typeof fetch;
  globalThis.fetch = wrapper;
  lambda = await mockLambda();
  const res = await fetch('https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/f/invoke-async', {
    method: 'POST',
    body: '{}',
  });
  expect(res.status).toBe(202);
  expect(lambda.calls).toHaveLength(1);
  expect(below).toEqual([]);
  const net = await startCountingNetwork();
  const other = await fetch(`${net.url}/health`);
  await net.close();
  expect(other.status).toBe(418);
  expect(below).toEqual([`${net.url}/health`]);
  await lambda.close();
  lambda = undefined;
  const after = await fetch('https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/f/invoke-async', {
    method: 'POST',
    body: '{}',
  });
  expect(after.status).toBe(299);
  expect(below).toHaveLength(2);
});

it('a fetch captured before the double (and nock) loaded is answered through the dispatcher door', async () => {
  const net = await startCountingNetwork();
  lambda = await mockLambda();
  const res = await native(`${net.url}/2014-11-13/functions/f/invoke-async`, { method: 'POST', body: '{}' });
  expect(res.status).toBe(202);
  expect(lambda.calls).toHaveLength(1);
  expect(net.hits).toEqual([]);
  await net.close();
});
