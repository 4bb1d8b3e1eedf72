/**
 * The client-mock door answers a stubbed command without building the request the SDK would send
 * (invocationOf, string payloads kept unencoded). Whatever command is sent, a double must log it
 * and answer it as it does the same command sent through the SDK itself on the zero-config path:
 * the same call log entry, the same status or error class, the same result, the same events
 * delivered to a handler, under the same pending injection. Property-based (fast-check):
 * `FUZZ_RUNS` sets how many commands, `FUZZ_SEED` replays a failure.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvokeAsyncCommand, InvokeCommand, type InvocationType, type LogType } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { mockLambda, type InjectOptions, type LambdaCall } from '../../../src/index.js';
import { lambdaClient } from '../../support/sdk.js';

interface Command {
  operation: 'InvokeAsync' | 'Invoke';
  name: string;
  qualifier?: string;
  invocationType?: InvocationType;
  logType?: LogType;
  payload: string | Uint8Array | undefined;
  /** An error injected before the command, scoped or not. */
  injected?: { name: 'ServiceException' | 'ResourceNotFoundException' | 'TooManyRequestsException' } & InjectOptions;
}

const lone = String.fromCharCode(0xdc00);
const commands: fc.Arbitrary<Command> = fc.record(
  {
    operation: fc.constantFrom<Command['operation']>('InvokeAsync', 'Invoke'),
    name: fc.constantFrom(
      'orders',
      'answers',
      'missing',
      'orders:prod',
      'answers:7',
      'arn:aws:lambda:us-east-1:123456789012:function:orders',
      'arn:aws:lambda:eu-west-1:123456789012:function:answers:live',
      '123456789012:function:orders',
      'bad name',
      'a'.repeat(65),
    ),
    qualifier: fc.constantFrom('prod', '7', '$LATEST', 'bad qualifier!'),
    invocationType: fc.constantFrom<InvocationType>('Event', 'RequestResponse', 'DryRun'),
    logType: fc.constantFrom<LogType>('None', 'Tail'),
    payload: fc.oneof(
      fc.json(),
      fc.constantFrom('not json', `{"a":"${lone}"}`, '', ' {"spaced": true} ', '{"ü":"€"}'),
      fc.json().map((j) => new Uint8Array(Buffer.from(j, 'utf8'))),
      fc.constant(undefined),
    ),
    injected: fc.record(
      {
        name: fc.constantFrom('ServiceException', 'ResourceNotFoundException', 'TooManyRequestsException' as const),
        functionName: fc.constantFrom('orders', 'answers', 'orders:prod'),
        operation: fc.constantFrom('InvokeAsync', 'Invoke' as const),
      },
      { requiredKeys: ['name'] },
    ),
  },
  { requiredKeys: ['operation', 'name', 'payload'] },
);

/** What a test can see of one call: its log entry and what `send` gave. */
async function seen(
  command: Command,
  stubbed: boolean,
): Promise<{ call: LambdaCall | undefined; outcome: unknown; delivered: unknown[] }> {
  const lambda = await mockLambda({ functions: ['orders', 'answers'] });
  // Event and InvokeAsync calls to 'answers' are delivered to this handler.
  const delivered: unknown[] = [];
  lambda.respond('answers', (event: unknown) => {
    delivered.push(event);
    return { got: event };
  });
  const client = lambdaClient({ maxAttempts: 1 });
  const stub = stubbed ? mockClient(client) : undefined;
  if (stub) lambda.bindClientMock(stub);
  try {
    // A stubbed client's first call reads its region, and its payload, the slow way; later ones
    // take the short way this is about. The same first call through the SDK keeps the logs alike.
    await client.send(new InvokeAsyncCommand({ FunctionName: 'orders', InvokeArgs: '{}' }));
    if (command.injected) {
      const { name, ...options } = command.injected;
      try {
        lambda.inject(name, options);
      } catch (error) {
        // An error the operation does not document: refused alike either way, and nothing pending.
        expect(String(error)).toMatch(/documented for/);
      }
    }
    const sdkCommand =
      command.operation === 'InvokeAsync'
        ? new InvokeAsyncCommand({ FunctionName: command.name, InvokeArgs: command.payload ?? '' })
        : new InvokeCommand({
            FunctionName: command.name,
            Qualifier: command.qualifier,
            InvocationType: command.invocationType,
            LogType: command.logType,
            Payload: command.payload,
          });
    let outcome: unknown;
    try {
      const out = (await client.send(sdkCommand as InvokeCommand)) as unknown as Record<string, unknown>;
      const payload = out['Payload'] as Uint8Array | null | undefined;
      outcome = {
        status: out['Status'] ?? out['StatusCode'],
        functionError: out['FunctionError'],
        executedVersion: out['ExecutedVersion'],
        logs: typeof out['LogResult'] === 'string',
        payload: payload ? Buffer.from(payload).toString('utf8') : payload,
      };
    } catch (error) {
      const e = error as Error & { $metadata?: { httpStatusCode?: number } };
      outcome = { error: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
    }
    await lambda.settled();
    expect(lambda.calls).toHaveLength(2);
    return { call: lambda.calls[1], outcome, delivered };
  } finally {
    stub?.restore();
    await lambda.close();
  }
}

describe('a command through bindClientMock and through the SDK', () => {
  it('is logged and answered alike', async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (command) => {
        const throughSdk = await seen(command, false);
        const throughStub = await seen(command, true);
        expect(throughStub).toEqual(throughSdk);
      }),
      {
        numRuns: Number(process.env['FUZZ_RUNS'] ?? 150),
        ...(process.env['FUZZ_SEED'] ? { seed: Number(process.env['FUZZ_SEED']) } : {}),
      },
    );
  }, 120_000);
});
