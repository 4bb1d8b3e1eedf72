/**
 * The Lambda host model comes from the SDK: the committed fallback table equals what the installed
 * SDK says, and every host the SDK's own endpoint resolver gives, in every partition, with FIPS and
 * dual-stack, is a Lambda host.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import {
  generateLambdaEndpoints,
  GENERATED_ENDPOINTS_FILE,
  lambdaEndpointTable,
} from '../../scripts/gen-lambda-endpoints.mjs';
import { LAMBDA_ENDPOINTS } from '../../src/wire/lambda-endpoints.generated.js';
import { readSdkEndpointData } from '../../src/wire/sdk-endpoint-data.js';
import { isLambdaHost, lambdaHost, lambdaHostRegion, partitionOf } from '../../src/wire/lambda-address.js';

const resolve = new LambdaClient({ region: 'us-east-1' }).config.endpointProvider;
const regionsOfEveryPartition = LAMBDA_ENDPOINTS.partitions.flatMap((p) => p.regions.filter((r) => /\d$/.test(r)));

describe('the committed table', () => {
  it('is what the installed SDK says, read by the library at load and by the generator from the endpoint resolver', () => {
    expect(readSdkEndpointData()).toEqual(LAMBDA_ENDPOINTS);
    expect(lambdaEndpointTable()).toEqual(LAMBDA_ENDPOINTS);
    expect(readFileSync(GENERATED_ENDPOINTS_FILE, 'utf8')).toBe(generateLambdaEndpoints());
  });

  it('covers the partitions that escaped before: China, GovCloud, the EU sovereign cloud and the ISO ones', () => {
    expect(LAMBDA_ENDPOINTS.partitions.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'aws',
        'aws-cn',
        'aws-us-gov',
        'aws-eusc',
        'aws-iso',
        'aws-iso-b',
        'aws-iso-e',
        'aws-iso-f',
      ]),
    );
    expect(LAMBDA_ENDPOINTS.hostTemplates).toHaveLength(4);
  });

  it('is what the library falls back to when the SDK cannot be found', () => {
    expect(readSdkEndpointData('file:///nonexistent/dir/x.js')).toBeUndefined();
  });
});

describe('a Lambda host', () => {
  it(`is every host the SDK resolves, for ${regionsOfEveryPartition.length} regions × FIPS × dual-stack, with its region`, () => {
    let checked = 0;
    for (const region of regionsOfEveryPartition) {
      for (const UseFIPS of [false, true]) {
        for (const UseDualStack of [false, true]) {
          const host = resolve({ Region: region, UseFIPS, UseDualStack }).url.hostname;
          expect(lambdaHostRegion(host), host).toBe(region);
          expect(lambdaHostRegion(`${host}.`), `${host}.`).toBe(region);
          expect(isLambdaHost(host.toUpperCase()), host.toUpperCase()).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBe(regionsOfEveryPartition.length * 4);
  });

  it.each([
    'vpce-0a1b2c3d4e5f.lambda.us-east-1.vpce.amazonaws.com',
    'vpce-0a1b2c3d4e5f-abcdefgh.lambda.eu-west-1.vpce.amazonaws.com',
    'vpce-0a1b2c3d4e5f-abcdefgh-us-east-1a.lambda.us-east-1.vpce.amazonaws.com',
    'vpce-0a1b2c3d4e5f.lambda.cn-north-1.vpce.amazonaws.com.cn.',
  ])('is the VPC endpoint host %s', (host) => {
    expect(isLambdaHost(host)).toBe(true);
  });

  it.each([
    'lambda.amazonaws.com',
    'lambda.us-east-1.amazonaws.com.evil.test',
    'sqs.us-east-1.amazonaws.com',
    'xlambda.us-east-1.amazonaws.com',
    'lambda.us-east-1.example.com',
  ])('is not %s', (host) => {
    expect(isLambdaHost(host)).toBe(false);
  });

  it("gives the SDK's partition and host for a region of every partition", () => {
    for (const p of LAMBDA_ENDPOINTS.partitions) {
      for (const region of p.regions.filter((r) => /\d$/.test(r))) {
        expect(partitionOf(region)).toBe(p.id);
        expect(lambdaHost(region)).toBe(resolve({ Region: region, UseFIPS: false, UseDualStack: false }).url.hostname);
      }
    }
    expect(partitionOf('eusc-de-east-1')).toBe('aws-eusc');
  });
});
