/**
 * The errors the Invoke reference documents, in LAMBDA_ERRORS with the operations that document
 * each: every one reaches an `InvokeCommand({ InvocationType: 'Event' })` as the SDK's own class
 * (checked against the SDK's model: status and $fault), and an Invoke-only error never reaches an
 * InvokeAsync call.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as sdk from '@aws-sdk/client-lambda';
import { InvokeAsyncCommand, InvokeCommand, LambdaServiceException } from '@aws-sdk/client-lambda';
import {
  LAMBDA_ERRORS,
  mockLambda,
  UnknownLambdaErrorName,
  type LambdaDouble,
  type LambdaErrorName,
} from '../../src/index.js';
import { caught, lambdaClient } from '../support/sdk.js';

const names = Object.keys(LAMBDA_ERRORS) as LambdaErrorName[];
const forInvoke = names.filter((n) => LAMBDA_ERRORS[n].operations.includes('Invoke'));
const invokeOnly = names.filter((n) => LAMBDA_ERRORS[n].source === 'Invoke');

/**
 * Beyond the original five, the errors the Invoke reference documents for both operations, with the
 * status the service answers each with; then those it documents for Invoke only.
 */
const ADDED_FOR_BOTH: Record<string, number> = {
  EC2AccessDeniedException: 502,
  EC2ThrottledException: 502,
  EC2UnexpectedException: 502,
  EFSIOException: 410,
  EFSMountConnectivityException: 408,
  EFSMountFailureException: 403,
  EFSMountTimeoutException: 408,
  ENILimitReachedException: 502,
  InvalidSecurityGroupIDException: 502,
  InvalidSubnetIDException: 502,
  KMSAccessDeniedException: 502,
  KMSDisabledException: 502,
  KMSInvalidStateException: 502,
  KMSNotFoundException: 502,
  SubnetIPAddressLimitReachedException: 502,
  ModeNotSupportedException: 400,
  S3FilesMountConnectivityException: 408,
  S3FilesMountFailureException: 403,
  S3FilesMountTimeoutException: 408,
  ServiceQuotaExceededException: 402,
  SnapStartException: 400,
  SnapStartNotReadyException: 409,
  SnapStartRegenerationFailureException: 409,
  SnapStartTimeoutException: 408,
};
const ADDED_FOR_INVOKE: Record<string, number> = {
  CodeArtifactUserDeletedException: 409,
  CodeArtifactUserFailedException: 409,
  CodeArtifactUserPendingException: 409,
  DurableExecutionAlreadyStartedException: 409,
  ENINotReadyException: 502,
  InvalidParameterValueException: 400,
  InvalidZipFileException: 502,
  NoPublishedVersionException: 400,
  RecursiveInvocationException: 400,
  RequestTooLargeException: 413,
  ResourceNotReadyException: 502,
  SerializedRequestEntityTooLargeException: 413,
  TooManyRequestsException: 429,
  UnsupportedMediaTypeException: 415,
};

let lambda: LambdaDouble;
beforeEach(async () => {
  lambda = await mockLambda();
});
afterEach(async () => {
  await lambda.close();
});

const event = () => new InvokeCommand({ FunctionName: 'orders-fn', InvocationType: 'Event', Payload: '{}' });

describe('the catalogue for Invoke', () => {
  it('holds every added error with its status and operations; every error applies to Invoke', () => {
    for (const [name, status] of Object.entries(ADDED_FOR_BOTH)) {
      expect(LAMBDA_ERRORS[name as LambdaErrorName], name).toMatchObject({
        status,
        operations: ['InvokeAsync', 'Invoke'],
      });
    }
    for (const [name, status] of Object.entries(ADDED_FOR_INVOKE)) {
      expect(LAMBDA_ERRORS[name as LambdaErrorName], name).toMatchObject({
        status,
        source: 'Invoke',
        operations: ['Invoke'],
      });
    }
    expect(invokeOnly.sort()).toEqual(Object.keys(ADDED_FOR_INVOKE).sort());
    expect(forInvoke).toEqual(names);
  });

  it.each([...Object.keys(ADDED_FOR_BOTH), ...Object.keys(ADDED_FOR_INVOKE)])(
    '%s is a class of the SDK with the same status and $fault',
    (name) => {
      const Modeled = (sdk as Record<string, unknown>)[name] as (new (o: object) => LambdaServiceException) | undefined;
      expect(Modeled, `${name} in @aws-sdk/client-lambda`).toBeTypeOf('function');
      const instance = new Modeled!({ $metadata: {}, message: 'm' });
      expect(instance.$fault).toBe(LAMBDA_ERRORS[name as LambdaErrorName].status >= 500 ? 'server' : 'client');
    },
  );

  // The SDK's error schemas (`<Name>$`: [-3, namespace, name, { error, httpError }, members, ...]).
  const modeled = names.filter((n) => Array.isArray((sdk as Record<string, unknown>)[`${n}$`]));

  it.each(modeled)("%s has the status, fault and message field of the SDK's model", (name) => {
    const [, , , traits, members] = (sdk as Record<string, unknown>)[`${name}$`] as [
      number,
      string,
      string,
      { error: string; httpError: number },
      string[],
    ];
    const spec = LAMBDA_ERRORS[name];
    expect({ status: spec.status, fault: spec.type === 'Service' ? 'server' : 'client' }).toEqual({
      status: traits.httpError,
      fault: traits.error,
    });
    expect(members).toContain(spec.messageField);
  });

  it.each(forInvoke)('%s reaches an Invoke Event as the SDK raises it', async (name) => {
    const spec = LAMBDA_ERRORS[name];
    lambda.inject(name, { message: `injected ${name}` });
    const err = await caught(() => lambdaClient({ maxAttempts: 1 }).send(event()));
    const Modeled = (sdk as Record<string, unknown>)[name] as typeof LambdaServiceException | undefined;
    expect(err).toBeInstanceOf(Modeled ?? LambdaServiceException);
    expect(err).toMatchObject({ name, message: `injected ${name}`, $fault: spec.status >= 500 ? 'server' : 'client' });
    expect(err.$metadata.httpStatusCode).toBe(spec.status);
    expect(lambda.calls).toMatchObject([
      { operation: 'Invoke', status: spec.status, errorType: name, source: 'injected' },
    ]);
  });
});

describe('injection and the operation', () => {
  it('an Invoke-only error catches Invoke calls only: InvokeAsync calls go on to the responder', async () => {
    lambda.inject('RecursiveInvocationException', { times: 1 });
    const client = lambdaClient({ maxAttempts: 1 });
    expect((await client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }))).Status).toBe(202);
    expect((await caught(() => client.send(event()))).name).toBe('RecursiveInvocationException');
    expect((await client.send(event())).StatusCode).toBe(202);
    expect(lambda.calls.map((c) => [c.operation, c.status])).toEqual([
      ['InvokeAsync', 202],
      ['Invoke', 400],
      ['Invoke', 202],
    ]);
  });

  it('{ operation } limits an error or a fault to one operation', async () => {
    lambda.inject('ServiceException', { operation: 'InvokeAsync' });
    lambda.injectFault('connection-reset', { operation: 'Invoke', times: 1 });
    const client = lambdaClient({ maxAttempts: 1 });
    expect((await caught(() => client.send(event()))).code).toBe('ECONNRESET');
    expect((await client.send(event())).StatusCode).toBe(202);
    expect(
      (await caught(() => client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' })))).name,
    ).toBe('ServiceException');
  });

  it('refuses an Invoke-only error limited to InvokeAsync, naming the operation', () => {
    expect(() => lambda.inject('TooManyRequestsException', { operation: 'InvokeAsync' })).toThrow(
      "lambda-cassette: inject(): TooManyRequestsException is documented for Invoke only, not for InvokeAsync; drop { operation: 'InvokeAsync' } or inject an error InvokeAsync documents",
    );
    expect(() => lambda.inject('ServiceException', { operation: 'invoke' as never })).toThrow(
      /option "operation" is "invoke"; use 'InvokeAsync' or 'Invoke'/,
    );
  });

  it('an unknown name says both operations', () => {
    expect(() => lambda.inject('NoSuchError' as LambdaErrorName)).toThrow(UnknownLambdaErrorName);
    expect(() => lambda.inject('NoSuchError' as LambdaErrorName)).toThrow(
      /"NoSuchError" is not an error AWS documents for InvokeAsync or Invoke\./,
    );
  });
});
