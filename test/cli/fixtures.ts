/** Cassettes the CLI tests work on. */
import type { Cassette, Interaction } from '../../src/index.js';

const recordedWith = { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20.20.2' };

export function interaction(
  functionName: string,
  payload: Interaction['request']['payload'],
  response: Partial<Interaction['response']> = {},
  extra: Partial<Interaction['request']> = {},
): Interaction {
  return {
    request: { functionName, region: 'us-east-1', payload, ...extra },
    response: {
      status: 202,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'req-1' },
      body: { text: '{"Status":202}' },
      ...response,
    },
    recordedAt: '2026-11-22T00:00:00.000Z',
  };
}

export function cassette(interactions: Interaction[], extra: Partial<Cassette> = {}): Cassette {
  return { version: 1, recordedWith, interactions, ...extra };
}

/** Orders, a qualified call, a recorded 404 from moto (error type only in the body) and a text payload. */
export const ordersCassette = cassette([
  interaction('orders-fn', {
    json: { id: 7, items: [{ sku: 'A-1', qty: 2 }], card: { number: '4111111111111111', cvc: '123' } },
  }),
  interaction(
    'orders-fn',
    { json: { id: 8, items: [], card: { number: '5500000000000004', cvc: '999' }, gift: true } },
    {},
    { qualifier: 'prod', functionRef: 'arn:aws:lambda:us-east-1:210987654321:function:orders-fn:prod' },
  ),
  interaction(
    'mailer',
    { json: { to: 'ada@example.com' } },
    {
      status: 404,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'req-2' },
      body: {
        text: '{"__type": "ResourceNotFoundException", "message": "Function not found: arn:aws:lambda:us-east-1:210987654321:function:mailer"}',
      },
    },
  ),
  interaction(
    'throttled-fn',
    { text: 'not json' },
    {
      status: 400,
      headers: { 'x-amzn-errortype': 'ThrottlingException', 'x-amzn-requestid': 'req-3' },
      body: { json: { Type: 'User', message: 'Rate exceeded' } },
    },
  ),
]);

/** `JSON.stringify` as a file: 2 spaces and a newline, like the store writes. */
export const fileText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * A tsconfig.json text that type-checks `files` strictly, the way a user's NodeNext project would,
 * with lambda-cassette's entry points mapped to this repository's sources (`paths`).
 */
export function strictProjectConfig(
  files: readonly string[],
  paths: Record<string, readonly string[]>,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023', 'ESNext.Disposable', 'DOM'],
      types: ['node'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      ...extra,
      paths,
    },
    files,
  });
}
