/**
 * One table of behaviours, run through every door in ./doors.ts: whichever way the SDK's call
 * reaches the double, the caller gets the same answers and exceptions, and the double keeps the same
 * call log and cassettes. Where a door cannot behave like the wire (aws-sdk-client-mock has no
 * retries), the case says what it does instead.
 */

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import * as sdk from '@aws-sdk/client-lambda';
import { LambdaServiceException, ResourceNotFoundException, ServiceException } from '@aws-sdk/client-lambda';
import {
  CassetteMissError,
  LAMBDA_ERRORS,
  mockLambda,
  openCassette,
  UnmatchedRequestsError,
  type LambdaErrorName,
} from '../../src/index.js';
import { caught } from '../support/sdk.js';
import { DOORS, type Door } from './doors.js';
import { errorShape, invoke, RECORDED, useCassetteFolder, useDoor, UUID, writeCassette } from './door-table-support.js';

const tmp = useCassetteFolder();

describe.each(DOORS)('through the $name door', (door: Door) => {
  const d = useDoor(door);

  describe('mock', () => {
    it.each([
      ['a plain name', 'orders-fn', { functionName: 'orders-fn' }],
      [
        'a full ARN with an alias',
        'arn:aws:lambda:us-east-1:123456789012:function:orders-fn:live',
        {
          functionName: 'orders-fn',
          qualifier: 'live',
          arn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-fn:live',
        },
      ],
    ])('answers %s with 202 and a request id, and logs the call', async (_label, FunctionName, expected) => {
      const client = await d.connect(await mockLambda({ functions: ['orders-fn'] }), { region: 'eu-west-1' });
      const out = await client.send(invoke(FunctionName, '{"id":7}'));
      expect(out).toEqual({
        Status: 202,
        $metadata: {
          httpStatusCode: 202,
          requestId: expect.stringMatching(UUID),
          extendedRequestId: undefined,
          cfId: undefined,
          attempts: 1,
          totalRetryDelay: 0,
        },
      });
      expect(d.lambda!.calls).toEqual([
        {
          operation: 'InvokeAsync',
          invocationType: 'Event',
          region: 'eu-west-1',
          payload: { id: 7 },
          attempt: 1,
          status: 202,
          source: 'mock',
          ...expected,
        },
      ]);
    });

    it('takes InvokeArgs as a string, bytes or a stream', async () => {
      const client = await d.connect(await mockLambda());
      await client.send(invoke('f', '{"as":"string"}'));
      await client.send(invoke('f', new TextEncoder().encode('{"as":"bytes"}')));
      await client.send(invoke('f', Readable.from([Buffer.from('{"as":'), Buffer.from('"stream"}')])));
      expect(d.lambda!.calls.map((c) => c.payload)).toEqual([{ as: 'string' }, { as: 'bytes' }, { as: 'stream' }]);
    });

    it('validates as the service does: an unknown function is ResourceNotFoundException', async () => {
      const client = await d.connect(await mockLambda({ functions: ['orders-fn'] }));
      const err = await caught(() => client.send(invoke('mailer')));
      expect(err).toBeInstanceOf(ResourceNotFoundException);
      expect(err.message).toBe('Function not found: arn:aws:lambda:us-east-1:123456789012:function:mailer');
      expect(errorShape(err)).toEqual(errorShape(await d.viaReference(d.lambda!, invoke('mailer'))));
    });
  });

  describe('injected errors', () => {
    it.each<LambdaErrorName>([
      'ResourceNotFoundException',
      'ServiceException',
      'ThrottlingException',
      'AccessDeniedException',
    ])("%s: the SDK's class, name, $fault, status, request id and message, as through the wire", async (name) => {
      const spec = LAMBDA_ERRORS[name];
      const client = await d.connect(await mockLambda(), { maxAttempts: 1 });
      d.lambda!.inject(name, { message: `injected ${name}` });
      const err = await caught(() => client.send(invoke('orders-fn')));

      const Modeled = (sdk as Record<string, unknown>)[name] as typeof LambdaServiceException | undefined;
      expect(err).toBeInstanceOf(Modeled ?? LambdaServiceException);
      expect(err.constructor).toBe(Modeled ?? LambdaServiceException);
      expect(err).toMatchObject({
        name,
        message: `injected ${name}`,
        $fault: spec.status >= 500 ? 'server' : 'client',
      });
      expect(err.$metadata).toMatchObject({
        httpStatusCode: spec.status,
        requestId: expect.stringMatching(UUID),
        attempts: 1,
      });
      expect(d.lambda!.calls).toMatchObject([
        { functionName: 'orders-fn', status: spec.status, errorType: name, source: 'injected' },
      ]);
      expect(errorShape(err)).toEqual(
        errorShape(await d.viaReference(d.lambda!, invoke('orders-fn'), { maxAttempts: 1 })),
      );
    });

    it("a connection reset is the socket error the SDK's HTTP handler raises", async () => {
      const client = await d.connect(await mockLambda(), { maxAttempts: 1 });
      d.lambda!.injectFault('connection-reset');
      const err = await caught(() => client.send(invoke('f')));
      expect(err).toMatchObject({ name: 'TimeoutError', code: 'ECONNRESET' });
      expect(errorShape(err)).toEqual(errorShape(await d.viaReference(d.lambda!, invoke('f'), { maxAttempts: 1 })));
      expect(d.lambda!.calls.map((c) => [c.status, c.errorType])).toEqual([
        [0, 'connection-reset'],
        [0, 'connection-reset'],
      ]);
    });
  });

  describe('retries', () => {
    it(`times: 1 on ServiceException ${door.retries ? 'is retried by the SDK and succeeds' : 'fails the one call (no retries through this door)'}`, async () => {
      const client = await d.connect(await mockLambda());
      d.lambda!.inject('ServiceException', { times: 1 });
      if (door.retries) {
        const out = await client.send(invoke('orders-fn'));
        expect(out.$metadata.attempts).toBe(2);
        expect(d.lambda!.calls.map((c) => [c.attempt, c.status, c.source])).toEqual([
          [1, 500, 'injected'],
          [2, 202, 'mock'],
        ]);
      } else {
        expect(await caught(() => client.send(invoke('orders-fn')))).toBeInstanceOf(ServiceException);
        expect((await client.send(invoke('orders-fn'))).Status).toBe(202);
        expect(d.lambda!.calls.map((c) => [c.attempt, c.status, c.source])).toEqual([
          [1, 500, 'injected'],
          [1, 202, 'mock'],
        ]);
      }
    });

    it(`a persistent ThrottlingException ${door.retries ? 'exhausts maxAttempts' : 'fails after one attempt'}`, async () => {
      // Two attempts, not the default three: throttling backs off for up to seconds between attempts.
      const client = await d.connect(await mockLambda(), { maxAttempts: 2 });
      d.lambda!.inject('ThrottlingException');
      const err = await caught(() => client.send(invoke('f')));
      const attempts = door.retries ? 2 : 1;
      expect(err.name).toBe('ThrottlingException');
      expect(err.$metadata.attempts).toBe(attempts);
      expect(d.lambda!.calls.map((c) => c.attempt)).toEqual(Array.from({ length: attempts }, (_, i) => i + 1));
    });
  });

  describe('replay', () => {
    it('serves recorded answers by function, qualifier and payload, bytes and request ids as recorded', async () => {
      const name = `replay-${door.name}`;
      await writeCassette(name, RECORDED);
      const client = await d.connect(await openCassette(name, { mode: 'replay', dir: tmp() }), { maxAttempts: 1 });
      const prod = await client.send(invoke('orders-fn:prod', '{"id":3}'));
      const notFound = await caught(() => client.send(invoke('orders-fn', '{ "id": 2 }')));
      const html = await caught(() => client.send(invoke('mailer', '{"to":"a@b.c"}')));
      const ok = await client.send(invoke('orders-fn', '{"id":1}'));

      expect(ok.$metadata).toMatchObject({ httpStatusCode: 202, requestId: '11111111-1111-4111-8111-111111111111' });
      expect(prod.$metadata).toMatchObject({ httpStatusCode: 202, requestId: '33333333-3333-4333-8333-333333333333' });
      expect(notFound).toBeInstanceOf(ResourceNotFoundException);
      expect(notFound).toMatchObject({
        message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders-fn',
        Type: 'User',
      });
      expect(notFound.$metadata.requestId).toBe('22222222-2222-4222-8222-222222222222');
      // moto's HTML 500: the SDK cannot parse it and says so.
      expect(html).toBeInstanceOf(SyntaxError);
      expect(html.message).toMatch(
        /^Unexpected token '<', "<!doctype "\.\.\. is not valid JSON\n\s+Deserialization error/,
      );
      expect(html.$metadata).toMatchObject({ httpStatusCode: 500, attempts: 1 });
      expect(d.lambda!.calls.map((c) => [c.functionName, c.qualifier, c.status, c.errorType, c.source])).toEqual([
        ['orders-fn', 'prod', 202, undefined, 'replay'],
        ['orders-fn', undefined, 404, 'ResourceNotFoundException', 'replay'],
        ['mailer', undefined, 500, undefined, 'replay'],
        ['orders-fn', undefined, 202, undefined, 'replay'],
      ]);

      // The caller sees exactly what the nock door gives it for the same recordings.
      const reference = await openCassette(name, { mode: 'replay', dir: tmp() });
      try {
        expect(errorShape(notFound)).toEqual(
          errorShape(await d.viaReference(reference, invoke('orders-fn', '{"id":2}'), { maxAttempts: 1 })),
        );
        expect(errorShape(html)).toEqual(
          errorShape(await d.viaReference(reference, invoke('mailer', '{"to":"a@b.c"}'), { maxAttempts: 1 })),
        );
      } finally {
        await reference.close();
      }
    });

    it('auto mode replays an existing cassette', async () => {
      const name = `auto-${door.name}`;
      await writeCassette(name, RECORDED.slice(0, 1));
      const client = await d.connect(await openCassette(name, { mode: 'auto', dir: tmp() }));
      expect((await client.send(invoke('orders-fn', '{"id":1}'))).$metadata.requestId).toBe(
        '11111111-1111-4111-8111-111111111111',
      );
      expect(d.lambda!.calls.map((c) => c.source)).toEqual(['replay']);
    });

    it('a request with no recorded answer fails naming the cassette and the closest interactions; close() rejects', async () => {
      const name = `miss-${door.name}`;
      const file = await writeCassette(name, RECORDED);
      const double = await openCassette(name, { mode: 'replay', dir: tmp() });
      const client = await d.connect(double);
      const err = await caught(() => client.send(invoke('orders-fn', '{"id":99}')));
      expect(err).toBeInstanceOf(CassetteMissError);
      expect(err.message).toContain(`no recorded answer in ${file} for InvokeAsync orders-fn (us-east-1) {"id":99}`);
      expect(err.message).toMatch(
        /Closest of the \d+ recorded orders-fn interaction\(s\) \(4 in the cassette\), the same operation first:/,
      );
      expect(err.message).toMatch(/#1 InvokeAsync orders-fn \(us-east-1\) \{"id":1\}\n\s+differs in: payload/);
      expect(d.lambda!.calls).toMatchObject([
        { functionName: 'orders-fn', status: 0, errorType: 'CassetteMissError', source: 'replay' },
      ]);

      d.forget();
      const closing = await caught(() => double.close());
      expect(closing).toBeInstanceOf(UnmatchedRequestsError);
      expect(closing.message).toContain(`1 Lambda invocation request(s) found no recorded answer in ${file}`);
      expect(closing.message).toContain('{"id":99}');
    });

    it('an answer is played once: the same request again says it was already played', async () => {
      const name = `played-${door.name}`;
      await writeCassette(name, RECORDED.slice(0, 1));
      const double = await openCassette(name, { mode: 'replay', dir: tmp() });
      const client = await d.connect(double);
      await client.send(invoke('orders-fn', '{"id":1}'));
      const err = await caught(() => client.send(invoke('orders-fn', '{"id":1}')));
      expect(err.message).toMatch(/its 1 recorded answer\(s\) were already played/);
      d.forget();
      await expect(double.close()).rejects.toBeInstanceOf(UnmatchedRequestsError);
    });
  });
});
