import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as sdk from '@aws-sdk/client-lambda';
import { InvokeAsyncCommand, LambdaServiceException } from '@aws-sdk/client-lambda';
import { LAMBDA_ERRORS, mockLambda, type LambdaDouble, type LambdaErrorName } from '../../src/index.js';
import { caught, lambdaClient } from '../support/sdk.js';

const names = Object.keys(LAMBDA_ERRORS) as LambdaErrorName[];
const documented = names.filter((n) => LAMBDA_ERRORS[n].source !== 'ServiceValidation');
// Invoke-only errors are never sent for InvokeAsync (test/wire/invoke-errors.test.ts covers them).
const forInvokeAsync = names.filter((n) => LAMBDA_ERRORS[n].operations.includes('InvokeAsync'));

describe('injected errors reach the SDK as the service sends them', () => {
  let lambda: LambdaDouble;
  beforeEach(async () => {
    lambda = await mockLambda();
  });
  afterEach(async () => {
    await lambda.close();
  });

  it('the catalogue holds the 29 InvokeAsync errors, the 14 Invoke-only errors and the 16 common errors', () => {
    expect(documented).toHaveLength(59);
    expect(names.filter((n) => LAMBDA_ERRORS[n].source === 'InvokeAsync')).toHaveLength(29);
    expect(names.filter((n) => LAMBDA_ERRORS[n].source === 'Invoke')).toHaveLength(14);
    expect(names.filter((n) => LAMBDA_ERRORS[n].source === 'InvokeAsync')).toEqual(
      expect.arrayContaining([
        'InvalidRequestContentException',
        'InvalidRuntimeException',
        'ResourceConflictException',
        'ResourceNotFoundException',
        'ServiceException',
      ]),
    );
    expect(forInvokeAsync).toHaveLength(names.length - 14);
  });

  it.each(forInvokeAsync)('%s: exception class, name, $fault, status and message', async (name) => {
    const spec = LAMBDA_ERRORS[name];
    lambda.inject(name, { message: `injected ${name}` });
    const client = lambdaClient({ maxAttempts: 1 });
    const err = await caught(() =>
      client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{}' })),
    );

    const ModeledClass = (sdk as Record<string, unknown>)[name] as typeof LambdaServiceException | undefined;
    expect(err).toBeInstanceOf(ModeledClass ?? LambdaServiceException);
    expect(err.name).toBe(name);
    expect(err.$fault).toBe(spec.status >= 500 ? 'server' : 'client');
    expect(err.$metadata.httpStatusCode).toBe(spec.status);
    expect(err.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(err.message).toBe(`injected ${name}`);
    expect(lambda.calls).toMatchObject([
      { functionName: 'orders-fn', status: spec.status, errorType: name, source: 'injected' },
    ]);
  });

  it('fills the default message from the request', async () => {
    lambda.inject('ResourceNotFoundException');
    const err = await caught(() =>
      lambdaClient({ region: 'eu-west-2' }).send(new InvokeAsyncCommand({ FunctionName: 'mailer', InvokeArgs: '{}' })),
    );
    expect(err.message).toBe('Function not found: arn:aws:lambda:eu-west-2:123456789012:function:mailer');
  });

  it('an unknown error name is a clear runtime error', () => {
    expect(() => lambda.inject('NoSuchError' as LambdaErrorName)).toThrow(
      /"NoSuchError" is not an error AWS documents/,
    );
  });

  it('scopes an injection to one function and a number of calls', async () => {
    lambda.inject('ServiceException', { functionName: 'orders-fn', times: 1 });
    const client = lambdaClient({ maxAttempts: 1 });
    await client.send(new InvokeAsyncCommand({ FunctionName: 'mailer', InvokeArgs: '{}' }));
    await expect(
      client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{}' })),
    ).rejects.toThrow();
    await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{}' }));
    expect(lambda.calls.map((c) => [c.functionName, c.status])).toEqual([
      ['mailer', 202],
      ['orders-fn', 500],
      ['orders-fn', 202],
    ]);
  });

  it('clearInjections() and reset() drop pending injections', async () => {
    const client = lambdaClient({ maxAttempts: 1 });
    lambda.inject('ServiceException');
    lambda.clearInjections();
    await client.send(new InvokeAsyncCommand({ FunctionName: 'a', InvokeArgs: '{}' }));
    lambda.inject('ServiceException');
    lambda.reset();
    expect(lambda.calls).toEqual([]);
    await client.send(new InvokeAsyncCommand({ FunctionName: 'a', InvokeArgs: '{}' }));
    expect(lambda.calls.map((c) => c.status)).toEqual([202]);
  });
});
