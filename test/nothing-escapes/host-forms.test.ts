/**
 * Every Lambda host form is the double's: an SDK client built with `useFipsEndpoint`,
 * `useDualstackEndpoint` or a region of any partition, and raw requests to FIPS, dual-stack, VPC
 * endpoint, EU sovereign and trailing-dot hosts. In mock mode none of them reaches the network:
 * each client's transport looks host names up through a counting `lookup`, and the count stays 0
 * (it is 1 per request when a door lets one through, as the control case shows).
 */
import { afterEach, describe, expect, it } from 'vitest';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  GetFunctionCommand,
  InvokeAsyncCommand,
  ListFunctionsCommand,
  type LambdaClientConfig,
} from '@aws-sdk/client-lambda';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { mockLambda, type LambdaDouble } from '../../src/index.js';
import { caught, lambdaClient, lambdaClientViaNock } from '../support/sdk.js';

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close().catch(() => undefined);
  lambda = undefined;
});

/** A lookup that counts the host names asked for and never answers with an address. */
function countingLookup(): { lookups: string[]; lookup: LookupFunction } {
  const lookups: string[] = [];
  const lookup = ((hostname: string, _options: unknown, callback: (e: Error) => void) => {
    lookups.push(hostname);
    const error = Object.assign(new Error(`no network in this test (${hostname})`), { code: 'ENOTFOUND' });
    process.nextTick(() => callback(error));
  }) as unknown as LookupFunction;
  return { lookups, lookup };
}

const CLIENTS: Array<[string, LambdaClientConfig]> = [
  ['FIPS', { region: 'us-east-1', useFipsEndpoint: true }],
  ['dual-stack', { region: 'eu-west-1', useDualstackEndpoint: true }],
  ['FIPS dual-stack', { region: 'us-gov-west-1', useFipsEndpoint: true, useDualstackEndpoint: true }],
  ['China', { region: 'cn-north-1' }],
  ['China dual-stack', { region: 'cn-northwest-1', useDualstackEndpoint: true }],
  ['EU sovereign', { region: 'eusc-de-east-1' }],
  ['ISO', { region: 'us-iso-east-1', useFipsEndpoint: true }],
  ['ISO-B', { region: 'us-isob-east-1' }],
  ['ISO-E', { region: 'eu-isoe-west-1', useDualstackEndpoint: true }],
  ['ISO-F', { region: 'us-isof-south-1' }],
];

describe.each([
  ['the zero-config SDK door', lambdaClient],
  ['the nock door', lambdaClientViaNock],
] as const)('an SDK client through %s', (_door, makeClient) => {
  it.each(CLIENTS)('%s: GetFunction, ListFunctions and InvokeAsync never reach the network', async (_label, config) => {
    lambda = await mockLambda({ onUnhandledRequest: 'error' });
    const { lookups, lookup } = countingLookup();
    const requestHandler = new NodeHttpHandler({ httpsAgent: new https.Agent({ lookup }) });
    const client = makeClient({ ...config, maxAttempts: 1, requestHandler });
    const out = await client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }));
    expect(out.Status).toBe(202);
    await caught(() => client.send(new GetFunctionCommand({ FunctionName: 'f' })));
    await caught(() => client.send(new ListFunctionsCommand({})));
    expect(lambda.calls).toHaveLength(1);
    expect(lookups).toEqual([]);
    await expect(lambda.close()).rejects.toThrow(/GetFunction[\s\S]*ListFunctions/);
    lambda = undefined;
  });
});

const RAW_HOSTS = [
  'lambda-fips.us-east-1.amazonaws.com',
  'lambda.us-east-1.api.aws',
  'lambda-fips.us-east-1.api.aws',
  'vpce-0a1b2c3d4e5f-abcdefgh.lambda.us-east-1.vpce.amazonaws.com',
  'vpce-0a1b2c3d4e5f-abcdefgh-us-east-1a.lambda.us-east-1.vpce.amazonaws.com',
  'lambda.eusc-de-east-1.amazonaws.eu',
  'lambda.us-east-1.amazonaws.com.',
  'LAMBDA.US-EAST-1.AMAZONAWS.COM',
];

function rawRequest(url: string, lookup: LookupFunction, method: string): Promise<number | Error> {
  return new Promise((resolve) => {
    const req = https.request(url, { method, agent: new https.Agent({ lookup }) }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', resolve);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('raw https requests', () => {
  it.each(RAW_HOSTS)('to %s: InvokeAsync answered, GetFunction and ListFunctions refused, no lookup', async (host) => {
    lambda = await mockLambda({ onUnhandledRequest: 'error' });
    const { lookups, lookup } = countingLookup();
    expect(await rawRequest(`https://${host}/2014-11-13/functions/f/invoke-async`, lookup, 'POST')).toBe(202);
    expect(await rawRequest(`https://${host}/2015-03-31/functions/f`, lookup, 'GET')).toBeInstanceOf(Error);
    expect(await rawRequest(`https://${host}/2015-03-31/functions/`, lookup, 'GET')).toBeInstanceOf(Error);
    expect(lookups).toEqual([]);
    await expect(lambda.close()).rejects.toThrow(/GetFunction/);
    lambda = undefined;
  });

  it('control: the counting lookup does see a request no door claims', async () => {
    lambda = await mockLambda({ onUnhandledRequest: 'error' });
    const { lookups, lookup } = countingLookup();
    expect(await rawRequest('https://sqs.us-east-1.amazonaws.com/', lookup, 'GET')).toBeInstanceOf(Error);
    expect(lookups).toEqual(['sqs.us-east-1.amazonaws.com']);
  });
});
