/** What is particular to `lambda.bindClientMock(stub)`; the behaviours all doors share are in door-behaviour.test.ts. */
import { afterEach, describe, expect, it } from 'vitest';
import { GetFunctionCommand, InvokeAsyncCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { ClientMockSdkMismatchError, mockLambda, type LambdaDouble } from '../../../src/index.js';
import { caught, lambdaClient } from '../../support/sdk.js';
import { isCollectable } from '../../support/gc.js';

const stub = mockClient(LambdaClient);
let lambda: LambdaDouble | undefined;
afterEach(async () => {
  stub.reset();
  await lambda?.close();
  lambda = undefined;
});

describe('bindClientMock', () => {
  it('answers InvokeAsync for every client of a class-wide stub, and leaves other commands to the stub', async () => {
    lambda = (await mockLambda()).bindClientMock(stub);
    stub.on(GetFunctionCommand).resolves({ Configuration: { FunctionName: 'from-the-stub' } });
    const [a, b] = [lambdaClient({ region: 'eu-west-1' }), lambdaClient({ region: 'ap-south-1' })];
    await a.send(new InvokeAsyncCommand({ FunctionName: 'one', InvokeArgs: '{}' }));
    await b.send(new InvokeAsyncCommand({ FunctionName: 'two', InvokeArgs: '{}' }));
    expect((await a.send(new GetFunctionCommand({ FunctionName: 'x' }))).Configuration?.FunctionName).toBe(
      'from-the-stub',
    );
    expect(lambda.calls.map((c) => [c.functionName, c.region])).toEqual([
      ['one', 'eu-west-1'],
      ['two', 'ap-south-1'],
    ]);
    // aws-sdk-client-mock's own call history keeps working.
    expect(stub.commandCalls(InvokeAsyncCommand).map((c) => c.args[0].input.FunctionName)).toEqual(['one', 'two']);
  });

  it('logs a string payload as the bytes the SDK would send: a lone surrogate as U+FFFD, text that is not JSON as is', async () => {
    lambda = (await mockLambda()).bindClientMock(stub);
    const client = lambdaClient();
    const lone = String.fromCharCode(0xd800);
    // The first call of a client reads its region, and the payload, as the SDK would; later ones take the short way.
    await client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '"first"' }));
    await client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: `{"a":"${lone}é"}` }));
    const notJson = await caught(() => client.send(new InvokeCommand({ FunctionName: 'f', Payload: 'not json é' })));
    expect(lambda.calls.map((c) => c.payload)).toEqual(['first', { a: '\ufffdé' }, 'not json é']);
    expect(notJson?.name).toBe('InvalidRequestContentException');
  });

  it('reads the operation from each command sent, not from its input: one input object sent as both', async () => {
    lambda = (await mockLambda()).bindClientMock(stub);
    const input = { FunctionName: 'f', InvokeArgs: '{"a":1}', Payload: '{"b":2}', InvocationType: 'Event' as const };
    const client = lambdaClient();
    expect((await client.send(new InvokeCommand(input))).StatusCode).toBe(202);
    expect((await client.send(new InvokeAsyncCommand(input))).Status).toBe(202);
    expect((await client.send(new InvokeCommand(input))).StatusCode).toBe(202);
    expect(lambda.calls.map((c) => [c.operation, c.payload])).toEqual([
      ['Invoke', { b: 2 }],
      ['InvokeAsync', { a: 1 }],
      ['Invoke', { b: 2 }],
    ]);
  });

  it("a client without a region gets the double's region", async () => {
    lambda = (await mockLambda({ region: 'sa-east-1' })).bindClientMock(stub);
    await new LambdaClient({}).send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }));
    expect(lambda.calls.map((c) => c.region)).toEqual(['sa-east-1']);
  });

  it('a FunctionName that needs encoding reaches the double as the SDK would send it', async () => {
    lambda = (await mockLambda()).bindClientMock(stub);
    await lambdaClient().send(
      new InvokeAsyncCommand({ FunctionName: '123456789012:function:orders-fn:$LATEST', InvokeArgs: '{}' }),
    );
    expect(lambda.calls).toMatchObject([
      { functionName: 'orders-fn', qualifier: '$LATEST', arn: '123456789012:function:orders-fn:$LATEST' },
    ]);
  });

  it('a missing FunctionName fails as the SDK fails it', async () => {
    lambda = (await mockLambda()).bindClientMock(stub);
    const err = await caught(() => lambdaClient().send(new InvokeAsyncCommand({ InvokeArgs: '{}' } as never)));
    expect(err.message).toBe('No value provided for input HTTP label: FunctionName.');
    expect(lambda.calls).toEqual([]);
  });

  it('after the double closes, calls fail clearly until the stub is bound to the next double', async () => {
    const first = await mockLambda();
    first.bindClientMock(stub);
    await first.close();
    const err = await caught(() =>
      lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' })),
    );
    expect(err.message).toMatch(
      /the double \(mockLambda\) this stub is bound to was closed; bind the stub to the next one/,
    );
    lambda = (await mockLambda()).bindClientMock(stub);
    expect((await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }))).Status).toBe(
      202,
    );
    expect(first.calls).toEqual([]);
  });

  it('does not keep a closed double (and its cassette) in memory for as long as the stub lives', async () => {
    const collectable = await isCollectable(async () => {
      const double = await mockLambda();
      double.bindClientMock(stub);
      await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }));
      await double.close();
      return double;
    });
    expect(collectable).toBe(true);
  });

  it('is typed structurally: any aws-sdk-client-mock stub of a LambdaClient fits, other values do not', async () => {
    lambda = await mockLambda();
    lambda.bindClientMock(mockClient(lambdaClient()));
    // @ts-expect-error not a stub
    expect(() => lambda!.bindClientMock({})).toThrow(
      /pass the stub that aws-sdk-client-mock's mockClient\(LambdaClient\) returns/,
    );
  });

  it('a stub of a LambdaClient from another copy of the SDK is refused with LC_CLIENT_MOCK_SDK_MISMATCH', async () => {
    lambda = await mockLambda();
    // What vitest's inlined ES module copy of the SDK looks like from here: a class of the same name.
    class LambdaClient {
      send(): Promise<unknown> {
        return Promise.resolve(undefined);
      }
    }
    const foreign = mockClient(LambdaClient as never);
    expect(() => lambda!.bindClientMock(foreign)).toThrow(
      expect.objectContaining({ code: 'LC_CLIENT_MOCK_SDK_MISMATCH', name: 'ClientMockSdkMismatchError' }),
    );
    expect(() => lambda!.bindClientMock(foreign)).toThrow(ClientMockSdkMismatchError);
    // The SDK's own class, and a client of it, bind as before.
    lambda.bindClientMock(mockClient(lambdaClient()));
  });
});
