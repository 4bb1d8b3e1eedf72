/**
 * A double whose `endpoint` is an emulator serving every AWS service on one port (LocalStack's
 * 4566): Route 53, CloudFront and EFS have REST paths that start with an API version as Lambda's
 * do, and were refused as "Lambda requests" while the double was open. The credential scope says
 * which service a signed request is for. Proved through raw http and fetch against a counting server.
 */
import http from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { mockLambda, type LambdaDouble } from '../../../src/index.js';
import { useCountingNetwork } from '../../support/counting-network.js';

const network = useCountingNetwork();
let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close().catch(() => undefined);
  lambda = undefined;
});

const signedFor = (service: string) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
});

function viaHttp(method: string, path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const req = http.request(`${network.url}${path}`, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.statusCode)));
    });
    req.on('error', (e) => resolve(e.name));
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

async function viaFetch(method: string, path: string, headers: Record<string, string>): Promise<string> {
  try {
    const res = await fetch(`${network.url}${path}`, { method, headers, ...(method === 'POST' ? { body: '{}' } : {}) });
    await res.arrayBuffer();
    return String(res.status);
  } catch (e) {
    return ((e as Error).cause as Error | undefined)?.name ?? (e as Error).name;
  }
}

it.each([
  ['raw http', viaHttp],
  ['fetch', viaFetch],
])('through %s: other services reach the emulator, Lambda requests stay with the double', async (_door, send) => {
  lambda = await mockLambda({ endpoint: network.url, handlers: { 'pricing-fn': 1 } });
  expect(await send('GET', '/2013-04-01/hostedzone', signedFor('route53'))).toBe('418');
  expect(await send('GET', '/2020-05-31/distribution', signedFor('cloudfront'))).toBe('418');
  expect(await send('GET', '/2015-02-01/file-systems', signedFor('elasticfilesystem'))).toBe('418');
  expect(network.hits).toEqual([
    'GET /2013-04-01/hostedzone',
    'GET /2020-05-31/distribution',
    'GET /2015-02-01/file-systems',
  ]);
  // Lambda's other APIs, signed for Lambda or unsigned: refused before the network, as before.
  expect(await send('GET', '/2015-03-31/functions/pricing-fn', signedFor('lambda'))).toBe('UnhandledRequestError');
  expect(await send('GET', '/2015-03-31/functions/pricing-fn', {})).toBe('UnhandledRequestError');
  // An invocation is the double's whatever scope it claims.
  expect(await send('POST', '/2015-03-31/functions/pricing-fn/invocations', signedFor('s3'))).toBe('200');
  expect(await send('POST', '/2014-11-13/functions/pricing-fn/invoke-async', signedFor('route53'))).toBe('202');
  expect(network.hits).toHaveLength(3);
  await expect(lambda.close()).rejects.toMatchObject({ code: 'LC_UNHANDLED_REQUEST' });
  lambda = undefined;
});
