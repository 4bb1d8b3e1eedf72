/**
 * A project that adds lambda-cassette but keeps its old `vi.mock('@aws-sdk/client-lambda')` sends
 * nothing the double can see (found porting Nerdware-LLC/fixit-api, whose setup file mocks the
 * module for every test). The failure must say so and what to do, not just "never invoked".
 */
import { describe, expect, it, vi } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import '../../src/vitest/index.js';
import { mockLambda } from '../../src/index.js';

// As such projects have it: every LambdaClient's send answered by the test, nothing sent.
vi.mock('@aws-sdk/client-lambda', async (importActual) => {
  const actual = await importActual<typeof import('@aws-sdk/client-lambda')>();
  class LambdaClient {
    send = vi.fn(async () => ({ StatusCode: 202 }));
  }
  return { ...actual, LambdaClient };
});

describe('a double behind a mocked SDK module', () => {
  it('fails an assertion naming the mock to remove and bindClientMock', async () => {
    const lambda = await mockLambda();
    try {
      const client = new LambdaClient({ region: 'us-east-1' });
      const out = await client.send(
        new InvokeCommand({ FunctionName: 'notify', InvocationType: 'Event', Payload: '{}' }),
      );
      expect(out.StatusCode).toBe(202);
      expect(lambda.calls).toHaveLength(0);
      let message = '';
      try {
        expect(lambda).toHaveInvokedWith('notify', {});
      } catch (e) {
        message = stripVTControlCharacters((e as Error).message);
      }
      expect(message).toContain('but it was never invoked');
      expect(message).toContain('No InvokeAsync or Invoke call reached this double.');
      expect(message).toContain("remove any vi.mock or jest.mock of '@aws-sdk/client-lambda'");
      expect(message).toContain('lambda.bindClientMock(stub)');
    } finally {
      await lambda.close();
    }
  });
});
