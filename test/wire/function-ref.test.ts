/**
 * FunctionName as AWS's current Invoke and InvokeAsync references define it (checked 2026-12-04):
 * 1-256 characters (older references said 170), regions of the `-iso*` partitions in ARNs, and the
 * `$LATEST.PUBLISHED` qualifier. Each difference is accepted, and the boundary next to it refused,
 * in process (requestHandler), through nock and through the loopback server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InvokeAsyncCommand, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaDouble } from '../../src/index.js';
import { checkFunctionRef, functionArn, parseFunctionRef } from '../../src/wire/function-ref.js';
import { lambdaHost, partitionOf } from '../../src/wire/lambda-address.js';
import { caught, lambdaClient } from '../support/sdk.js';
import { NOCK_DOOR, REQUEST_HANDLER_DOOR, type Door } from '../doors/doors.js';

const ARN_PREFIX = 'arn:aws:lambda:us-east-1:123456789012:function:orders-fn:'; // 56 characters
const ARN_256 = ARN_PREFIX + 'q'.repeat(256 - ARN_PREFIX.length);
const ARN_257 = ARN_PREFIX + 'q'.repeat(257 - ARN_PREFIX.length);

describe('checkFunctionRef follows the current references', () => {
  it('accepts 256 characters and refuses 257', () => {
    expect(ARN_256).toHaveLength(256);
    expect(checkFunctionRef(ARN_256)).toBeUndefined();
    expect(checkFunctionRef(ARN_257)).toEqual({ kind: 'length', limit: 256 });
  });

  it.each([
    ['arn:aws-iso:lambda:us-iso-east-1:123456789012:function:orders-fn', 'aws-iso', 'us-iso-east-1'],
    ['arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:orders-fn', 'aws-iso-b', 'us-isob-east-1'],
    ['arn:aws-iso-e:lambda:eu-isoe-west-1:123456789012:function:orders-fn:prod', 'aws-iso-e', 'eu-isoe-west-1'],
    ['arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:orders-fn', 'aws-us-gov', 'us-gov-west-1'],
  ])('accepts %s', (raw, partition, region) => {
    expect(checkFunctionRef(raw)).toBeUndefined();
    expect(parseFunctionRef(raw)).toMatchObject({
      name: 'orders-fn',
      partition,
      region,
      accountId: '123456789012',
      arn: raw,
    });
  });

  it.each([
    'arn:aws-iso:lambda:us-isobb-east-1:123456789012:function:orders-fn', // one letter after -iso at most
    'arn:aws:lambda:us-gov-iso-east-1:123456789012:function:orders-fn', // -gov or -iso, not both
  ])('still refuses %s', (raw) => {
    expect(checkFunctionRef(raw)).toEqual({ kind: 'pattern' });
  });

  it('reads $LATEST.PUBLISHED as a qualifier; other dotted or $ qualifiers are still refused', () => {
    expect(parseFunctionRef('orders-fn:$LATEST.PUBLISHED')).toMatchObject({
      name: 'orders-fn',
      qualifier: '$LATEST.PUBLISHED',
    });
    expect(parseFunctionRef('123456789012:function:orders-fn:$LATEST.PUBLISHED')).toMatchObject({
      qualifier: '$LATEST.PUBLISHED',
    });
    for (const bad of [
      'orders-fn:$LATEST.DRAFT',
      'orders-fn:$LATEST.PUBLISHED2',
      'orders-fn:$PUBLISHED',
      'orders-fn:v1.2',
    ]) {
      expect(checkFunctionRef(bad), bad).toEqual({ kind: 'pattern' });
    }
  });

  it('names the partition of a region in ARNs and hosts', () => {
    expect(
      [
        'us-east-1',
        'cn-north-1',
        'us-gov-west-1',
        'us-iso-east-1',
        'us-isob-east-1',
        'eu-isoe-west-1',
        'us-isof-south-1',
      ].map(partitionOf),
    ).toEqual(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f']);
    expect(lambdaHost('us-iso-east-1')).toBe('lambda.us-iso-east-1.c2s.ic.gov');
    expect(lambdaHost('us-isob-east-1')).toBe('lambda.us-isob-east-1.sc2s.sgov.gov');
    expect(functionArn(parseFunctionRef('gone')!, 'us-iso-east-1', '123456789012')).toBe(
      'arn:aws-iso:lambda:us-iso-east-1:123456789012:function:gone',
    );
  });
});

const LOOPBACK_DOOR: Door = {
  name: 'loopback server',
  retries: true,
  async connect(double, config) {
    const server = await double.listen();
    return { client: lambdaClient({ ...config, endpoint: server.url }), release: () => server.close() };
  },
};

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
});

describe.each([REQUEST_HANDLER_DOOR, NOCK_DOOR, LOOPBACK_DOOR])('through $name', (door) => {
  async function send(FunctionName: string, config: LambdaClientConfig = {}) {
    lambda ??= await mockLambda();
    const { client, release } = await door.connect(lambda, { maxAttempts: 1, ...config });
    try {
      return await client.send(new InvokeAsyncCommand({ FunctionName, InvokeArgs: '{"id":7}' }));
    } finally {
      await release();
    }
  }

  it('a 256-character reference is accepted, 257 is a 400 naming the limit 256', async () => {
    await send(ARN_256);
    const err = await caught(() => send(ARN_257));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toContain('Member must have length less than or equal to 256');
    expect(lambda!.calls.map((c) => c.status)).toEqual([202, 400]);
  });

  it('an ARN in an -iso partition is accepted; a region outside the pattern is a 400', async () => {
    await send('arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:orders-fn:prod');
    expect(lambda!.calls[0]).toMatchObject({ functionName: 'orders-fn', qualifier: 'prod', status: 202 });
    const err = await caught(() => send('arn:aws-iso:lambda:us-isobb-east-1:123456789012:function:orders-fn'));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toContain('(-iso([a-z]?))');
  });

  it('$LATEST.PUBLISHED is a qualifier; $LATEST.DRAFT is a 400', async () => {
    await send('orders-fn:$LATEST.PUBLISHED');
    expect(lambda!.calls[0]).toMatchObject({ functionName: 'orders-fn', qualifier: '$LATEST.PUBLISHED', status: 202 });
    expect(lambda!.wasInvoked('orders-fn:$LATEST.PUBLISHED')).toBe(true);
    const err = await caught(() => send('orders-fn:$LATEST.DRAFT'));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('a function missing in an -iso region is named with its partition', async () => {
    lambda = await mockLambda({ functions: ['orders-fn'] });
    const err = await caught(() => send('arn:aws-iso:lambda:us-iso-east-1:123456789012:function:gone'));
    expect(err.name).toBe('ResourceNotFoundException');
    expect(err.message).toBe('Function not found: arn:aws-iso:lambda:us-iso-east-1:123456789012:function:gone');
  });
});

describe('a client configured for an -iso region', () => {
  it('is intercepted on its own host, logged with that region, and told the partition', async () => {
    lambda = await mockLambda({ functions: ['orders-fn'] });
    const client = lambdaClient({ region: 'us-iso-east-1', maxAttempts: 1 });
    await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{}' }));
    const err = await caught(() => client.send(new InvokeAsyncCommand({ FunctionName: 'gone', InvokeArgs: '{}' })));
    expect(lambda.calls.map((c) => c.region)).toEqual(['us-iso-east-1', 'us-iso-east-1']);
    expect(err.message).toBe('Function not found: arn:aws-iso:lambda:us-iso-east-1:123456789012:function:gone');
  });
});
