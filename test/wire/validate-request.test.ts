import { afterEach, describe, expect, it } from 'vitest';
import {
  InvokeAsyncCommand,
  InvalidRequestContentException,
  ResourceNotFoundException,
  LambdaServiceException,
} from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaDouble } from '../../src/index.js';
import { caught, lambdaClient } from '../support/sdk.js';

let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
});

const send = (FunctionName: string, InvokeArgs: string | Uint8Array, region = 'us-east-1') =>
  caught(() => lambdaClient({ region, maxAttempts: 1 }).send(new InvokeAsyncCommand({ FunctionName, InvokeArgs })));

describe('service-side validation in mock mode', () => {
  it('a body that is not JSON is InvalidRequestContentException', async () => {
    lambda = await mockLambda();
    const err = await send('orders-fn', 'not json');
    expect(err).toBeInstanceOf(InvalidRequestContentException);
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toMatch(/^Could not parse request body into json: /);
    expect(lambda.calls).toMatchObject([
      { payload: 'not json', status: 400, errorType: 'InvalidRequestContentException', source: 'mock' },
    ]);
  });

  it('a name outside the service pattern is a 400 validation error', async () => {
    lambda = await mockLambda();
    const err = await send('bad name!', '{}');
    expect(err).toBeInstanceOf(LambdaServiceException);
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toContain(
      "Value 'bad name!' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern",
    );
  });

  it.each([
    ['a bare name over 64 characters', 'f'.repeat(65), 64],
    [
      'a reference over 256 characters',
      `arn:aws:lambda:us-east-1:123456789012:function:${'f'.repeat(64)}:${'q'.repeat(150)}`,
      256,
    ],
  ])('%s is a 400 validation error', async (_label, name, limit) => {
    lambda = await mockLambda();
    const err = await send(name, '{}');
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toContain(`Member must have length less than or equal to ${limit}`);
  });

  it('64 characters is still a valid name', async () => {
    lambda = await mockLambda();
    await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'f'.repeat(64), InvokeArgs: '{}' }));
    expect(lambda.calls[0]?.status).toBe(202);
  });

  it('a payload over 256 KB is RequestEntityTooLargeException (413); exactly 256 KB is accepted', async () => {
    lambda = await mockLambda();
    const fits = JSON.stringify({ p: 'x'.repeat(262_144 - 8) });
    expect(Buffer.byteLength(fits)).toBe(262_144);
    await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: fits }));
    const err = await send('f', JSON.stringify({ p: 'x'.repeat(262_144) }));
    expect(err.name).toBe('RequestEntityTooLargeException');
    expect(err.$metadata.httpStatusCode).toBe(413);
    expect(lambda.calls.map((c) => c.status)).toEqual([202, 413]);
  });

  it('with a functions list, an unknown function is ResourceNotFoundException naming its ARN', async () => {
    lambda = await mockLambda({ functions: ['orders-fn'], region: 'eu-west-1' });
    const err = await send('mailer', '{}', 'eu-west-1');
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.$metadata.httpStatusCode).toBe(404);
    expect(err.message).toBe('Function not found: arn:aws:lambda:eu-west-1:123456789012:function:mailer');
    await lambdaClient({ region: 'eu-west-1' }).send(
      new InvokeAsyncCommand({ FunctionName: 'orders-fn:prod', InvokeArgs: '{}' }),
    );
  });

  it('names the account and partition of an ARN in not-found messages', async () => {
    lambda = await mockLambda({ functions: [] });
    const err = await send('arn:aws-cn:lambda:cn-north-1:210987654321:function:gone', '{}', 'cn-north-1');
    expect(err.message).toBe('Function not found: arn:aws-cn:lambda:cn-north-1:210987654321:function:gone');
  });
});
