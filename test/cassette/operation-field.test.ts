/** The cassette schema's `operation` field: "Invoke", "InvokeAsync" or absent (InvokeAsync); nothing else. */
import { describe, expect, it } from 'vitest';
import { CassetteError } from '../../src/index.js';
import { validateCassette } from '../../src/cassette/validate-cassette.js';

const cassette = (request: Record<string, unknown>) => ({
  version: 1,
  recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20.20.2' },
  interactions: [
    {
      request: { functionName: 'f', region: 'us-east-1', payload: { json: {} }, ...request },
      response: { status: 202, headers: {}, body: { text: '' } },
      recordedAt: '2026-12-01T00:00:00.000Z',
    },
  ],
});

describe('request.operation', () => {
  it.each([[{}], [{ operation: 'Invoke' }], [{ operation: 'InvokeAsync' }]])('%j is valid', (request) => {
    expect(() => validateCassette(cassette(request), 'c.json', 'load')).not.toThrow();
  });

  it('any other value is a schema error naming the path', () => {
    const check = () => validateCassette(cassette({ operation: 'RequestResponse' }), 'c.json', 'load');
    expect(check).toThrow(CassetteError);
    expect(check).toThrow(/interactions\[0\]\.request\.operation|\/interactions\/0\/request\/operation/);
  });
});

describe('lambda-cassette inspect', () => {
  it('marks Invoke interactions, and only those', async () => {
    const { summarizeCassette } = await import('../../src/cli/inspect.js');
    const rows = summarizeCassette({ ...cassette({ operation: 'Invoke' }), version: 1 } as never);
    expect(rows).toEqual([{ index: 1, operation: 'Invoke', functionName: 'f', payload: '{}', status: 202 }]);
    expect(summarizeCassette(cassette({}) as never)[0]).not.toHaveProperty('operation');
  });
});
