import type { Cassette, Interaction } from '../../../src/cassette/index.js';

/** One interaction per body kind, with and without qualifier and function reference. */
export function sampleCassette(): Cassette {
  return {
    version: 1,
    recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20.20.2' },
    interactions: [
      {
        request: {
          functionName: 'orders-fn',
          qualifier: 'prod',
          functionRef: 'arn:aws:lambda:us-east-1:123456789012:function:orders-fn:prod',
          region: 'us-east-1',
          payload: { json: { id: 7, items: [{ sku: 'b', qty: 2 }], note: null } },
        },
        response: {
          status: 202,
          headers: { 'x-amzn-requestid': '5b0c0d3e-0000-4000-8000-000000000001', 'content-type': 'application/json' },
          body: { text: '{"Status":202}' },
        },
        recordedAt: '2026-11-22T00:00:00.000Z',
      },
      {
        request: { functionName: 'mailer', region: 'eu-west-2', payload: { text: 'not json' } },
        response: {
          status: 500,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: { text: '<!doctype html>\n<title>500</title>\n<p>Internal Server Error</p>\n' },
        },
        recordedAt: '2026-11-22T00:00:01.000Z',
      },
      {
        request: { functionName: 'bytes-fn', region: 'us-east-1', payload: { base64: '/wCA/g==' } },
        response: { status: 202, headers: {}, body: { json: { Status: 202 } } },
        recordedAt: '2026-11-22T00:00:02.500+01:00',
      },
    ],
  };
}

/** A small interaction labelled with who recorded it, for concurrency tests. */
export function labelledInteraction(worker: string, index: number): Interaction {
  return {
    request: { functionName: `fn-${worker}`, region: 'us-east-1', payload: { json: { worker, index } } },
    response: { status: 202, headers: { 'content-type': 'application/json' }, body: { json: { Status: 202 } } },
    recordedAt: new Date().toISOString(),
  };
}

/** The same JSON value with every object's keys inserted in reverse order (arrays untouched). */
export function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).reverse()) out[key] = reverseKeys((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}
