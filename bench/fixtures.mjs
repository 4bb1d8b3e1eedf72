/**
 * The recordings every replay in the bench uses: one list of interactions, written both as a
 * lambda-cassette cassette and as a nock.back fixture, so both replay exactly the same calls.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const REGION = 'us-east-1';
const HOST = `https://lambda.${REGION}.amazonaws.com`;

/** The i-th call: function, payload (a small order event) and the request id it was answered with. */
export function call(i) {
  return {
    functionName: `orders-fn-${i % 5}`,
    payload: {
      orderId: 100000 + i,
      customerId: `c-${i % 97}`,
      items: [{ sku: `sku-${i % 13}`, qty: 1 + (i % 3) }],
      total: 12.5 + (i % 10),
    },
    requestId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  };
}

/** What the SDK is asked to send for call i. */
export function input(i) {
  const c = call(i);
  return { FunctionName: c.functionName, InvokeArgs: JSON.stringify(c.payload) };
}

/** The function every RequestResponse call goes to, and the result it answers (mocked and recorded). */
export const RR_FUNCTION = 'quote-fn';
export const RR_RESULT = { ok: true };

/** What the SDK is asked to send for RequestResponse call i: an `InvokeCommand` with call i's payload. */
export function requestResponseInput(i) {
  return { FunctionName: RR_FUNCTION, Payload: Buffer.from(JSON.stringify(call(i).payload)) };
}

/** JSON with sorted keys and 2-space indentation, as lambda-cassette writes cassettes. */
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical(value[k])]),
    );
  return value;
}

/**
 * Writes `<dir>/n<count>.json` (a cassette) and `<dir>/nockback-n<count>.json` (a nock.back
 * fixture) for each count; returns the cassette sizes in bytes.
 */
export async function writeFixtures(dir, counts) {
  const sizes = {};
  for (const count of counts) {
    const calls = Array.from({ length: count }, (_, i) => call(i));
    const cassette = {
      version: 1,
      recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: process.version },
      interactions: calls.map((c) => ({
        request: { functionName: c.functionName, region: REGION, payload: { json: c.payload } },
        response: {
          status: 202,
          headers: { 'content-type': 'application/json', 'x-amzn-requestid': c.requestId },
          body: { json: { Status: 202 } },
        },
        recordedAt: '2026-11-22T00:00:00.000Z',
      })),
    };
    const text = `${JSON.stringify(canonical(cassette), null, 2)}\n`;
    sizes[count] = Buffer.byteLength(text);
    await writeFile(path.join(dir, `n${count}.json`), text);
    const nockBack = calls.map((c) => ({
      scope: `${HOST}:443`,
      method: 'POST',
      path: `/2014-11-13/functions/${c.functionName}/invoke-async`,
      body: c.payload,
      status: 202,
      response: { Status: 202 },
      rawHeaders: ['Content-Type', 'application/json', 'x-amzn-RequestId', c.requestId],
      responseIsBinary: false,
    }));
    await writeFile(path.join(dir, `nockback-n${count}.json`), JSON.stringify(nockBack, null, 2));
  }
  return sizes;
}

/**
 * Writes `<dir>/rr-n<count>.json`: a cassette of `count` RequestResponse Invokes of RR_FUNCTION with
 * call i's payload, each answered 200 with RR_RESULT, as the double records them.
 */
export async function writeRequestResponseFixture(dir, count) {
  const cassette = {
    version: 1,
    recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: process.version },
    interactions: Array.from({ length: count }, (_, i) => ({
      request: {
        functionName: RR_FUNCTION,
        invocationType: 'RequestResponse',
        operation: 'Invoke',
        region: REGION,
        payload: { json: call(i).payload },
      },
      response: {
        status: 200,
        headers: {
          'content-type': 'application/json',
          'x-amz-executed-version': '$LATEST',
          'x-amzn-requestid': call(i).requestId,
        },
        body: { json: RR_RESULT },
      },
      recordedAt: '2026-11-22T00:00:00.000Z',
    })),
  };
  await writeFile(path.join(dir, `rr-n${count}.json`), `${JSON.stringify(canonical(cassette), null, 2)}\n`);
}
