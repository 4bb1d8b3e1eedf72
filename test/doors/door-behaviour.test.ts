/**
 * One table of behaviours, run through every door in ./doors.ts: whichever way the SDK's call
 * reaches the double, the caller gets the same answers and exceptions, and the double keeps the same
 * call log and cassettes. Where a door cannot behave like the wire (aws-sdk-client-mock has no
 * retries), the case says what it does instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as sdk from '@aws-sdk/client-lambda';
import { InvokeAsyncCommand, LambdaServiceException, ResourceNotFoundException, ServiceException, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import {
  CassetteMissError,
  LAMBDA_ERRORS,
  mockLambda,
  openCassette,
  UnmatchedRequestsError,
  type Cassette,
  type Interaction,
  type LambdaDouble,
  type LambdaErrorName,
} from '../../src/index.js';
import { loadCassette, serializeCassette } from '../../src/cassette/index.js';
import { caught, type CaughtError } from '../support/sdk.js';
import { MOTO_CREDENTIALS, startMoto, type MotoServer } from '../support/moto.js';
import { DOORS, NOCK_DOOR, REQUEST_HANDLER_DOOR, type Connection, type Door } from './doors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MOTO_REQUEST_ID = /^[A-Za-z0-9]{52}$/;
const invoke = (FunctionName: string, InvokeArgs: sdk.InvokeAsyncCommandInput['InvokeArgs'] = '{}') =>
  new InvokeAsyncCommand({ FunctionName, InvokeArgs });

/** Everything a caller can observe about an exception, minus what differs per call (request ids). */
function errorShape(e: CaughtError) {
  const own = Object.fromEntries(Object.entries(e).filter(([k]) => k !== '$metadata'));
  return {
    class: e.constructor,
    name: e.name,
    message: e.message,
    own,
    httpStatusCode: e.$metadata?.httpStatusCode,
    requestId: e.$metadata?.requestId === undefined ? undefined : 'set',
    attempts: e.$metadata?.attempts,
    hidden$response: Object.getOwnPropertyDescriptor(e, '$response')?.enumerable === false,
  };
}

let tmp: string;
// One moto for the whole table; startMoto() throws "MOTO DID NOT START" rather than letting tests skip.
let moto: MotoServer;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lc-doors-'));
  moto = await startMoto();
  await moto.createFunction('orders-fn');
});
afterAll(async () => {
  await moto?.stop();
  await rm(tmp, { recursive: true, force: true });
});

const interaction = (request: Interaction['request'], response: Interaction['response']): Interaction => ({
  request,
  response,
  recordedAt: '2026-11-22T00:00:00.000Z',
});

/** What AWS and moto answered, as a cassette holds it. */
const RECORDED: Interaction[] = [
  interaction(
    { functionName: 'orders-fn', region: 'us-east-1', payload: { json: { id: 1 } } },
    { status: 202, headers: { 'content-type': 'application/json', 'x-amzn-requestid': '11111111-1111-4111-8111-111111111111' }, body: { json: { Status: 202 } } },
  ),
  interaction(
    { functionName: 'orders-fn', region: 'us-east-1', payload: { json: { id: 2 } } },
    {
      status: 404,
      headers: {
        'content-type': 'application/json',
        'x-amzn-errortype': 'ResourceNotFoundException',
        'x-amzn-requestid': '22222222-2222-4222-8222-222222222222',
      },
      body: { text: '{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders-fn"}' },
    },
  ),
  interaction(
    { functionName: 'mailer', region: 'us-east-1', payload: { json: { to: 'a@b.c' } } },
    { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' }, body: { text: '<!doctype html>\n<title>500 Internal Server Error</title>\n' } },
  ),
  interaction(
    { functionName: 'orders-fn', qualifier: 'prod', functionRef: 'orders-fn:prod', region: 'us-east-1', payload: { json: { id: 3 } } },
    { status: 202, headers: { 'x-amzn-requestid': '33333333-3333-4333-8333-333333333333' }, body: { text: '' } },
  ),
];

async function writeCassette(name: string, interactions: Interaction[]): Promise<string> {
  const file = path.join(tmp, `${name}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  const cassette: Cassette = { version: 1, recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20.20.2' }, interactions };
  await writeFile(file, serializeCassette(cassette));
  return file;
}

describe.each(DOORS)('through the $name door', (door: Door) => {
  let lambda: LambdaDouble | undefined;
  let connection: Connection | undefined;
  const connect = async (double: LambdaDouble, config?: LambdaClientConfig) => {
    lambda = double;
    connection = await door.connect(double, config);
    return connection.client;
  };
  /**
   * The same call through another door, for comparing what callers see: the nock door (a real
   * HTTP exchange), or for the nock door itself the in-process requestHandler door.
   */
  const viaReference = async (double: LambdaDouble, command: InvokeAsyncCommand, config?: LambdaClientConfig) => {
    const reference = await (door === NOCK_DOOR ? REQUEST_HANDLER_DOOR : NOCK_DOOR).connect(double, config);
    try {
      return await caught(() => reference.client.send(command));
    } finally {
      await reference.release();
    }
  };
  afterEach(async () => {
    await connection?.release();
    connection = undefined;
    const open = lambda;
    lambda = undefined;
    await open?.close().catch(() => {});
  });

  describe('mock', () => {
    it.each([
      ['a plain name', 'orders-fn', { functionName: 'orders-fn' }],
      ['a full ARN with an alias', 'arn:aws:lambda:us-east-1:123456789012:function:orders-fn:live', {
        functionName: 'orders-fn',
        qualifier: 'live',
        arn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-fn:live',
      }],
    ])('answers %s with 202 and a request id, and logs the call', async (_label, FunctionName, expected) => {
      const client = await connect(await mockLambda({ functions: ['orders-fn'] }), { region: 'eu-west-1' });
      const out = await client.send(invoke(FunctionName, '{"id":7}'));
      expect(out).toEqual({
        Status: 202,
        $metadata: { httpStatusCode: 202, requestId: expect.stringMatching(UUID), extendedRequestId: undefined, cfId: undefined, attempts: 1, totalRetryDelay: 0 },
      });
      expect(lambda!.calls).toEqual([{ operation: 'InvokeAsync', region: 'eu-west-1', payload: { id: 7 }, attempt: 1, status: 202, source: 'mock', ...expected }]);
    });

    it('takes InvokeArgs as a string, bytes or a stream', async () => {
      const client = await connect(await mockLambda());
      await client.send(invoke('f', '{"as":"string"}'));
      await client.send(invoke('f', new TextEncoder().encode('{"as":"bytes"}')));
      await client.send(invoke('f', Readable.from([Buffer.from('{"as":'), Buffer.from('"stream"}')])));
      expect(lambda!.calls.map((c) => c.payload)).toEqual([{ as: 'string' }, { as: 'bytes' }, { as: 'stream' }]);
    });

    it('validates as the service does: an unknown function is ResourceNotFoundException', async () => {
      const client = await connect(await mockLambda({ functions: ['orders-fn'] }));
      const err = await caught(() => client.send(invoke('mailer')));
      expect(err).toBeInstanceOf(ResourceNotFoundException);
      expect(err.message).toBe('Function not found: arn:aws:lambda:us-east-1:123456789012:function:mailer');
      expect(errorShape(err)).toEqual(errorShape(await viaReference(lambda!, invoke('mailer'))));
    });
  });

  describe('injected errors', () => {
    it.each<LambdaErrorName>(['ResourceNotFoundException', 'ServiceException', 'ThrottlingException', 'AccessDeniedException'])(
      '%s: the SDK\'s class, name, $fault, status, request id and message, as through the wire',
      async (name) => {
        const spec = LAMBDA_ERRORS[name];
        const client = await connect(await mockLambda(), { maxAttempts: 1 });
        lambda!.inject(name, { message: `injected ${name}` });
        const err = await caught(() => client.send(invoke('orders-fn')));

        const Modeled = (sdk as Record<string, unknown>)[name] as typeof LambdaServiceException | undefined;
        expect(err).toBeInstanceOf(Modeled ?? LambdaServiceException);
        expect(err.constructor).toBe(Modeled ?? LambdaServiceException);
        expect(err).toMatchObject({ name, message: `injected ${name}`, $fault: spec.status >= 500 ? 'server' : 'client' });
        expect(err.$metadata).toMatchObject({ httpStatusCode: spec.status, requestId: expect.stringMatching(UUID), attempts: 1 });
        expect(lambda!.calls).toMatchObject([{ functionName: 'orders-fn', status: spec.status, errorType: name, source: 'injected' }]);
        expect(errorShape(err)).toEqual(errorShape(await viaReference(lambda!, invoke('orders-fn'), { maxAttempts: 1 })));
      },
    );

    it('a connection reset is the socket error the SDK\'s HTTP handler raises', async () => {
      const client = await connect(await mockLambda(), { maxAttempts: 1 });
      lambda!.injectFault('connection-reset');
      const err = await caught(() => client.send(invoke('f')));
      expect(err).toMatchObject({ name: 'TimeoutError', code: 'ECONNRESET' });
      expect(errorShape(err)).toEqual(errorShape(await viaReference(lambda!, invoke('f'), { maxAttempts: 1 })));
      expect(lambda!.calls.map((c) => [c.status, c.errorType])).toEqual([[0, 'connection-reset'], [0, 'connection-reset']]);
    });
  });

  describe('retries', () => {
    it(`times: 1 on ServiceException ${door.retries ? 'is retried by the SDK and succeeds' : 'fails the one call (no retries through this door)'}`, async () => {
      const client = await connect(await mockLambda());
      lambda!.inject('ServiceException', { times: 1 });
      if (door.retries) {
        const out = await client.send(invoke('orders-fn'));
        expect(out.$metadata.attempts).toBe(2);
        expect(lambda!.calls.map((c) => [c.attempt, c.status, c.source])).toEqual([[1, 500, 'injected'], [2, 202, 'mock']]);
      } else {
        expect(await caught(() => client.send(invoke('orders-fn')))).toBeInstanceOf(ServiceException);
        expect((await client.send(invoke('orders-fn'))).Status).toBe(202);
        expect(lambda!.calls.map((c) => [c.attempt, c.status, c.source])).toEqual([[1, 500, 'injected'], [1, 202, 'mock']]);
      }
    });

    it(`a persistent ThrottlingException ${door.retries ? 'exhausts maxAttempts' : 'fails after one attempt'}`, async () => {
      // Two attempts, not the default three: throttling backs off for up to seconds between attempts.
      const client = await connect(await mockLambda(), { maxAttempts: 2 });
      lambda!.inject('ThrottlingException');
      const err = await caught(() => client.send(invoke('f')));
      const attempts = door.retries ? 2 : 1;
      expect(err.name).toBe('ThrottlingException');
      expect(err.$metadata.attempts).toBe(attempts);
      expect(lambda!.calls.map((c) => c.attempt)).toEqual(Array.from({ length: attempts }, (_, i) => i + 1));
    });
  });

  describe('replay', () => {
    it('serves recorded answers by function, qualifier and payload, bytes and request ids as recorded', async () => {
      const name = `replay-${door.name}`;
      await writeCassette(name, RECORDED);
      const client = await connect(await openCassette(name, { mode: 'replay', dir: tmp }), { maxAttempts: 1 });
      const prod = await client.send(invoke('orders-fn:prod', '{"id":3}'));
      const notFound = await caught(() => client.send(invoke('orders-fn', '{ "id": 2 }')));
      const html = await caught(() => client.send(invoke('mailer', '{"to":"a@b.c"}')));
      const ok = await client.send(invoke('orders-fn', '{"id":1}'));

      expect(ok.$metadata).toMatchObject({ httpStatusCode: 202, requestId: '11111111-1111-4111-8111-111111111111' });
      expect(prod.$metadata).toMatchObject({ httpStatusCode: 202, requestId: '33333333-3333-4333-8333-333333333333' });
      expect(notFound).toBeInstanceOf(ResourceNotFoundException);
      expect(notFound).toMatchObject({ message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders-fn', Type: 'User' });
      expect(notFound.$metadata.requestId).toBe('22222222-2222-4222-8222-222222222222');
      // moto's HTML 500: the SDK cannot parse it and says so.
      expect(html).toBeInstanceOf(SyntaxError);
      expect(html.message).toMatch(/^Unexpected token '<', "<!doctype "\.\.\. is not valid JSON\n\s+Deserialization error/);
      expect(html.$metadata).toMatchObject({ httpStatusCode: 500, attempts: 1 });
      expect(lambda!.calls.map((c) => [c.functionName, c.qualifier, c.status, c.errorType, c.source])).toEqual([
        ['orders-fn', 'prod', 202, undefined, 'replay'],
        ['orders-fn', undefined, 404, 'ResourceNotFoundException', 'replay'],
        ['mailer', undefined, 500, undefined, 'replay'],
        ['orders-fn', undefined, 202, undefined, 'replay'],
      ]);

      // The caller sees exactly what the nock door gives it for the same recordings.
      const reference = await openCassette(name, { mode: 'replay', dir: tmp });
      try {
        expect(errorShape(notFound)).toEqual(errorShape(await viaReference(reference, invoke('orders-fn', '{"id":2}'), { maxAttempts: 1 })));
        expect(errorShape(html)).toEqual(errorShape(await viaReference(reference, invoke('mailer', '{"to":"a@b.c"}'), { maxAttempts: 1 })));
      } finally {
        await reference.close();
      }
    });

    it('auto mode replays an existing cassette', async () => {
      const name = `auto-${door.name}`;
      await writeCassette(name, RECORDED.slice(0, 1));
      const client = await connect(await openCassette(name, { mode: 'auto', dir: tmp }));
      expect((await client.send(invoke('orders-fn', '{"id":1}'))).$metadata.requestId).toBe('11111111-1111-4111-8111-111111111111');
      expect(lambda!.calls.map((c) => c.source)).toEqual(['replay']);
    });

    it('a request with no recorded answer fails naming the cassette and the closest interactions; close() rejects', async () => {
      const name = `miss-${door.name}`;
      const file = await writeCassette(name, RECORDED);
      const double = await openCassette(name, { mode: 'replay', dir: tmp });
      const client = await connect(double);
      const err = await caught(() => client.send(invoke('orders-fn', '{"id":99}')));
      expect(err).toBeInstanceOf(CassetteMissError);
      expect(err.message).toContain(`no recorded answer in ${file} for InvokeAsync orders-fn (us-east-1) {"id":99}`);
      expect(err.message).toContain('Closest of 4 recorded interaction(s):');
      expect(err.message).toMatch(/#1 orders-fn \(us-east-1\) \{"id":1\}\n\s+differs in: payload/);
      expect(lambda!.calls).toMatchObject([{ functionName: 'orders-fn', status: 0, errorType: 'CassetteMissError', source: 'replay' }]);

      lambda = undefined;
      const closing = await caught(() => double.close());
      expect(closing).toBeInstanceOf(UnmatchedRequestsError);
      expect(closing.message).toContain(`1 InvokeAsync request(s) found no recorded answer in ${file}`);
      expect(closing.message).toContain('{"id":99}');
    });

    it('an answer is played once: the same request again says it was already played', async () => {
      const name = `played-${door.name}`;
      await writeCassette(name, RECORDED.slice(0, 1));
      const double = await openCassette(name, { mode: 'replay', dir: tmp });
      const client = await connect(double);
      await client.send(invoke('orders-fn', '{"id":1}'));
      const err = await caught(() => client.send(invoke('orders-fn', '{"id":1}')));
      expect(err.message).toMatch(/its 1 recorded answer\(s\) were already played/);
      lambda = undefined;
      await expect(double.close()).rejects.toBeInstanceOf(UnmatchedRequestsError);
    });
  });

  describe('against a real endpoint (moto)', () => {
    const config = (): LambdaClientConfig => ({ endpoint: moto.url, credentials: MOTO_CREDENTIALS, maxAttempts: 1 });

    it('records what moto answers, then replays the cassette without reaching moto', async () => {
      const name = `record-${door.name}`;
      const file = path.join(tmp, `${name}.json`);
      const recording = await openCassette(name, { mode: 'record', dir: tmp, endpoint: moto.url, allowRecordingInCI: true });
      const client = await connect(recording, config());
      const ok = await client.send(invoke('orders-fn', '{"orderId":1}'));
      const missing = await caught(() => client.send(invoke('nope')));
      await connection!.release();
      connection = undefined;
      await recording.close();

      expect(ok).toMatchObject({ Status: 202, $metadata: { httpStatusCode: 202, requestId: expect.stringMatching(MOTO_REQUEST_ID) } });
      expect(missing).toBeInstanceOf(ResourceNotFoundException);
      expect(missing.message).toBe('Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope');
      expect(recording.calls.map((c) => [c.functionName, c.attempt, c.status, c.source])).toEqual([
        ['orders-fn', 1, 202, 'record'],
        ['nope', 1, 404, 'record'],
      ]);
      const cassette = (await loadCassette(file))!;
      expect(cassette.interactions.map((i) => ({ request: i.request, status: i.response.status, errorType: i.response.headers['x-amzn-errortype'] }))).toEqual([
        { request: { functionName: 'orders-fn', region: 'us-east-1', payload: { json: { orderId: 1 } } }, status: 202, errorType: undefined },
        { request: { functionName: 'nope', region: 'us-east-1', payload: { json: {} } }, status: 404, errorType: 'ResourceNotFoundException' },
      ]);
      expect(cassette.interactions[0]!.response.body).toEqual({ text: expect.stringMatching(/^error running docker/) });
      expect(cassette.interactions[0]!.response.headers).toMatchObject({ 'x-amz-function-error': 'Handled', 'content-type': 'text/html; charset=utf-8' });
      expect(readFileSync(file, 'utf8')).not.toMatch(/AKIDEXAMPLE|authorization|amz-sdk/i);

      await moto.startRecording();
      const replaying = await openCassette(name, { mode: 'replay', dir: tmp, endpoint: moto.url });
      const again = await connect(replaying, config());
      expect(await again.send(invoke('orders-fn', '{"orderId":1}'))).toEqual(ok);
      expect(errorShape(await caught(() => again.send(invoke('nope'))))).toEqual(errorShape(missing));
      expect(await moto.recordedRequests()).toEqual([]);
      await moto.stopRecording();
    });

    it('new-episodes replays what is recorded and records (and appends) the rest', async () => {
      const name = `episodes-${door.name}`;
      const file = await writeCassette(name, RECORDED.slice(0, 1));
      const double = await openCassette(name, { mode: 'new-episodes', dir: tmp, endpoint: moto.url, allowRecordingInCI: true });
      const client = await connect(double, config());
      const replayed = await client.send(invoke('orders-fn', '{"id":1}'));
      const recorded = await client.send(invoke('orders-fn', '{"id":2}'));
      lambda = undefined;
      await double.close();

      expect(replayed.$metadata.requestId).toBe('11111111-1111-4111-8111-111111111111');
      expect(recorded.$metadata.requestId).toMatch(MOTO_REQUEST_ID);
      expect(double.calls.map((c) => c.source)).toEqual(['replay', 'record']);
      expect((await loadCassette(file))!.interactions.map((i) => i.request.payload)).toEqual([{ json: { id: 1 } }, { json: { id: 2 } }]);
    });

    it('passthrough sends every call to moto and writes nothing', async () => {
      const name = `passthrough-${door.name}`;
      const double = await openCassette(name, { mode: 'passthrough', dir: tmp, endpoint: moto.url });
      const client = await connect(double, config());
      const out = await client.send(invoke('orders-fn', '{"id":1}'));
      lambda = undefined;
      await double.close();
      expect(out.$metadata.requestId).toMatch(MOTO_REQUEST_ID);
      expect(double.calls.map((c) => [c.status, c.source])).toEqual([[202, 'passthrough']]);
      expect(existsSync(path.join(tmp, `${name}.json`))).toBe(false);
    });
  });
});
