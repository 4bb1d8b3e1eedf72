import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { defaultCassetteName, useLambdaCassette } from '../../src/vitest/index.js';
import { startUpstream } from '../support/upstream-server.js';
import { lambdaClient } from '../support/sdk.js';

describe('defaultCassetteName', () => {
  it('is the test file path without its extension, then one safe segment per suite and the test', () => {
    expect(
      defaultCassetteName({
        file: join(process.cwd(), 'test', 'checkout.test.ts'),
        names: ['checkout', 'sends the order (happy path)'],
      }),
    ).toBe('test/checkout/checkout/sends-the-order-happy-path');
  });

  it('is filesystem-safe and stable for odd and long names', () => {
    const long = 'x'.repeat(200);
    const a = defaultCassetteName({
      file: '/elsewhere/spec/a.spec.mjs',
      names: ['ünïcödé / slashes \\ and: colons', long],
    });
    expect(a).toMatch(/^a\/n-c-d-slashes-and-colons\/x{71}-[0-9a-f]{8}$/);
    expect(
      defaultCassetteName({ file: '/elsewhere/spec/a.spec.mjs', names: ['ünïcödé / slashes \\ and: colons', long] }),
    ).toBe(a);
    expect(defaultCassetteName({ file: '/elsewhere/spec/a.spec.mjs', names: ['x', `${long}y`] })).not.toBe(
      defaultCassetteName({ file: '/elsewhere/spec/a.spec.mjs', names: ['x', long] }),
    );
  });
});

describe('useLambdaCassette with cassettes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-vitest-'));
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  beforeAll(async () => {
    upstream = await startUpstream();
  });
  afterAll(async () => {
    await upstream.close();
    const file = join(
      dir,
      'test',
      'vitest',
      'use-lambda-cassette',
      'useLambdaCassette-with-cassettes',
      'records-into-a-cassette-named-after-the-test.json',
    );
    try {
      expect(existsSync(file)).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
        interactions: [{ request: { functionName: 'orders-fn', payload: { json: { id: 7 } } } }],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const lambda = useLambdaCassette(() => ({ mode: 'record', dir, endpoint: upstream.url, allowRecordingInCI: true }));

  it('records into a cassette named after the test', async () => {
    await lambdaClient({ endpoint: upstream.url }).send(
      new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }),
    );
    expect(lambda).toHaveInvokedAsyncWith('orders-fn', { id: 7 });
    expect(lambda.mode).toBe('record');
  });
});
