/**
 * Invoke with InvocationType Event through every door (./doors.ts, loopback included):
 * the service's 202 with an empty body, Invoke's own validation (1 MB, RequestTooLargeException),
 * injected Invoke errors as the SDK's own classes, and replay by operation (the other invocation
 * types are in invocation-types-doors.test.ts).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InvokeAsyncCommand,
  InvokeCommand,
  RequestTooLargeException,
  ResourceNotFoundException,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { mockLambda, openCassette, UnmatchedRequestsError, type Cassette } from '../../src/index.js';
import { serializeCassette } from '../../src/cassette/index.js';
import { caught } from '../support/sdk.js';
import { INVOKE_EVENT_DOORS, type Door } from './doors.js';
import { useCassetteFolder, useDoor, UUID } from './door-table-support.js';

const event = (FunctionName: string, Payload = '{}', Qualifier?: string) =>
  new InvokeCommand({ FunctionName, InvocationType: 'Event', Payload, ...(Qualifier ? { Qualifier } : {}) });

const tmp = useCassetteFolder();

const RECORDED: Cassette = {
  version: 1,
  recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20.20.2' },
  interactions: [
    {
      // An InvokeAsync recording (no operation field: an old cassette) for the same function and payload.
      request: { functionName: 'orders-fn', region: 'us-east-1', payload: { json: { id: 1 } } },
      response: {
        status: 202,
        headers: { 'content-type': 'application/json', 'x-amzn-requestid': '11111111-1111-4111-8111-111111111111' },
        body: { json: { Status: 202 } },
      },
      recordedAt: '2026-12-01T00:00:00.000Z',
    },
    {
      request: {
        operation: 'Invoke',
        functionName: 'orders-fn',
        qualifier: 'live',
        region: 'us-east-1',
        payload: { json: { id: 1 } },
      },
      response: {
        status: 202,
        headers: { 'x-amzn-requestid': '22222222-2222-4222-8222-222222222222' },
        body: { text: '' },
      },
      recordedAt: '2026-12-01T00:00:00.000Z',
    },
    {
      request: { operation: 'Invoke', functionName: 'gone-fn', region: 'us-east-1', payload: { json: {} } },
      response: {
        status: 404,
        headers: {
          'content-type': 'application/json',
          'x-amzn-errortype': 'ResourceNotFoundException',
          'x-amzn-requestid': '33333333-3333-4333-8333-333333333333',
        },
        body: {
          text: '{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:gone-fn"}',
        },
      },
      recordedAt: '2026-12-01T00:00:00.000Z',
    },
  ],
};

describe.each(INVOKE_EVENT_DOORS)('Invoke Event through the $name door', (door: Door) => {
  const d = useDoor(door);

  it('mock: 202 with an empty body and a request id; the call log says Invoke, with the Qualifier', async () => {
    const client = await d.connect(await mockLambda({ functions: ['orders-fn'] }), { region: 'eu-west-1' });
    const out = await client.send(event('orders-fn', '{"id":7}', 'live'));
    expect(out.StatusCode).toBe(202);
    expect(out.$metadata).toMatchObject({ httpStatusCode: 202, requestId: expect.stringMatching(UUID), attempts: 1 });
    expect(out.Payload?.byteLength ?? 0).toBe(0);
    expect(out.FunctionError).toBeUndefined();
    expect(d.lambda!.calls).toEqual([
      {
        operation: 'Invoke',
        invocationType: 'Event',
        functionName: 'orders-fn',
        qualifier: 'live',
        region: 'eu-west-1',
        payload: { id: 7 },
        attempt: 1,
        status: 202,
        source: 'mock',
      },
    ]);
    d.lambda!.expectInvoked('orders-fn', { id: 7 }, { operation: 'Invoke' });
    d.lambda!.expectNotInvoked('orders-fn', { operation: 'InvokeAsync' });
  });

  it("mock: Invoke's own limits: 300 KB passes (InvokeAsync stops at 256 KB), over 1 MB is RequestTooLargeException 413", async () => {
    const client = await d.connect(await mockLambda(), { maxAttempts: 1 });
    const big = (bytes: number) => JSON.stringify('x'.repeat(bytes - 2));
    expect((await client.send(event('f', big(300 * 1024)))).StatusCode).toBe(202);
    const asyncErr = await caught(() =>
      client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: big(300 * 1024) })),
    );
    expect(asyncErr.name).toBe('RequestEntityTooLargeException');
    expect((await client.send(event('f', big(1_048_576)))).StatusCode).toBe(202);
    const err = await caught(() => client.send(event('f', big(1_048_577))));
    expect(err).toBeInstanceOf(RequestTooLargeException);
    expect(err).toMatchObject({
      $fault: 'client',
      message: 'Request must be smaller than 1048576 bytes for the InvokeFunction operation',
    });
    expect(err.$metadata.httpStatusCode).toBe(413);
    expect(d.lambda!.calls.map((c) => [c.operation, c.status])).toEqual([
      ['Invoke', 202],
      ['InvokeAsync', 413],
      ['Invoke', 202],
      ['Invoke', 413],
    ]);
  });

  it('mock: an unknown function is ResourceNotFoundException, as for InvokeAsync', async () => {
    const client = await d.connect(await mockLambda({ functions: ['orders-fn'] }), { maxAttempts: 1 });
    const err = await caught(() => client.send(event('mailer')));
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.message).toBe('Function not found: arn:aws:lambda:us-east-1:123456789012:function:mailer');
  });

  // Found by the in-process fuzz: these names break the path (`/functions//invocations`, or URL
  // parsing folds the dot segments away), and were left unhandled instead of answered.
  it.each([
    ['', 'Member must have length greater than or equal to 1'],
    ['.', 'Member must satisfy regular expression pattern'],
    ['..', 'Member must satisfy regular expression pattern'],
  ])(
    "mock: FunctionName %j gets the service's ValidationException, as for InvokeAsync",
    async (FunctionName, constraint) => {
      const client = await d.connect(await mockLambda(), { maxAttempts: 1 });
      const err = await caught(() => client.send(event(FunctionName)));
      expect(err.name).toBe('ValidationException');
      expect(err.message).toContain(
        `Value '${FunctionName}' at 'functionName' failed to satisfy constraint: ${constraint}`,
      );
      expect(d.lambda!.calls.map((c) => [c.operation, c.status, c.errorType])).toEqual([
        ['Invoke', 400, 'ValidationException'],
      ]);
    },
  );

  it("an injected Invoke-only error is the SDK's class for Invoke, and leaves InvokeAsync calls alone", async () => {
    const client = await d.connect(await mockLambda(), { maxAttempts: 1 });
    d.lambda!.inject('TooManyRequestsException', { functionName: 'orders-fn' });
    expect((await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{}' }))).Status).toBe(
      202,
    );
    const err = await caught(() => client.send(event('orders-fn')));
    expect(err).toBeInstanceOf(TooManyRequestsException);
    expect(err).toMatchObject({ name: 'TooManyRequestsException', $fault: 'client', message: 'Rate Exceeded.' });
    expect(err.$metadata).toMatchObject({ httpStatusCode: 429, requestId: expect.stringMatching(UUID) });
    expect(d.lambda!.calls.map((c) => [c.operation, c.status, c.errorType, c.source])).toEqual([
      ['InvokeAsync', 202, undefined, 'mock'],
      ['Invoke', 429, 'TooManyRequestsException', 'injected'],
    ]);
  });

  it('replay: an Invoke gets the Invoke recording, an InvokeAsync the InvokeAsync one; request ids as recorded', async () => {
    const name = `invoke-replay-${door.name}`;
    await writeFile(path.join(tmp(), `${name}.json`), serializeCassette(RECORDED));
    const client = await d.connect(await openCassette(name, { mode: 'replay', dir: tmp() }), { maxAttempts: 1 });
    const viaInvoke = await client.send(event('orders-fn', '{"id":1}', 'live'));
    const gone = await caught(() => client.send(event('gone-fn')));
    const viaAsync = await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":1}' }));
    expect(viaInvoke).toMatchObject({
      StatusCode: 202,
      $metadata: { requestId: '22222222-2222-4222-8222-222222222222' },
    });
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
    expect(gone.$metadata.requestId).toBe('33333333-3333-4333-8333-333333333333');
    expect(viaAsync).toMatchObject({ Status: 202, $metadata: { requestId: '11111111-1111-4111-8111-111111111111' } });
    expect(d.lambda!.calls.map((c) => [c.operation, c.status, c.source])).toEqual([
      ['Invoke', 202, 'replay'],
      ['Invoke', 404, 'replay'],
      ['InvokeAsync', 202, 'replay'],
    ]);
  });

  it('replay: an Invoke never plays an InvokeAsync recording; close() names the miss', async () => {
    const name = `invoke-miss-${door.name}`;
    await writeFile(path.join(tmp(), `${name}.json`), serializeCassette(RECORDED));
    const client = await d.connect(await openCassette(name, { mode: 'replay', dir: tmp() }), { maxAttempts: 1 });
    await caught(() => client.send(event('orders-fn', '{"id":1}')));
    const closing = await caught(() => d.lambda!.close());
    expect(closing).toBeInstanceOf(UnmatchedRequestsError);
    expect(closing.message).toMatch(/Invoke \(Event\) orders-fn \(us-east-1\)[\s\S]*operation InvokeAsync/);
  });
});
