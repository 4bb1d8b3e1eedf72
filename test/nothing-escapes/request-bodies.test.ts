/**
 * No request body crashes the process. nock JSON.parses JSON-typed bodies (and
 * gunzips gzip ones) before calling reply functions, inside a timer where nobody can catch the
 * error; the door answers through a path where nock does not parse, as the service answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { mockLambda, type LambdaDouble } from '../../src/index.js';
import { startCountingNetwork, type CountingNetwork } from '../support/counting-network.js';
import { fetchRequest, nodeRequest, type RawOutcome } from '../support/raw-request.js';

let network: CountingNetwork;
let lambda: LambdaDouble;
beforeEach(async () => {
  network = await startCountingNetwork();
  lambda = await mockLambda();
});
afterEach(async () => {
  await lambda.close();
  await network.close();
});

function errorType(out: RawOutcome): string | undefined {
  return out.kind === 'response' ? String(out.headers['x-amzn-errortype']).split(':')[0] : undefined;
}

const CASES: [string, Record<string, string>, string | Buffer][] = [
  ['a JSON content-type on a body that is not JSON', { 'content-type': 'application/json' }, 'not json {'],
  ['a JSON content-type with charset on an empty-ish body', { 'content-type': 'application/json; charset=utf-8' }, ' '],
  [
    'content-encoding gzip on a body that is not gzip',
    { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    'neither gzip nor json',
  ],
  [
    'content-encoding deflate on a body that is not deflate',
    { 'content-type': 'application/json', 'content-encoding': 'deflate' },
    'xyz',
  ],
  [
    'a gzip body that is gzip of something that is not JSON',
    { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    gzipSync('nope'),
  ],
];

describe.each([
  ['raw http', nodeRequest],
  ['fetch', fetchRequest],
])('through %s', (_door, send) => {
  it.each(CASES)('%s is answered InvalidRequestContentException (400)', async (_label, headers, body) => {
    for (const host of ['https://lambda.us-east-1.amazonaws.com', network.url]) {
      const out = await send({ url: `${host}/2014-11-13/functions/f/invoke-async`, headers, body });
      expect(out).toMatchObject({ kind: 'response', status: 400 });
      expect(errorType(out)).toBe('InvalidRequestContentException');
    }
    expect(network.hits).toEqual([]);
    expect(lambda.calls.map((c) => c.status)).toEqual([400, 400]);
  });
});
