import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { requestBodyBytes } from '../../../src/doors/shared/request-body.js';
import { handlerRejection, nodeHeaders } from '../../../src/doors/shared/sdk-outcome.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('requestBodyBytes', () => {
  it.each([
    ['a string', '{"a":1}'],
    ['bytes', new TextEncoder().encode('{"a":1}')],
    ['a DataView', new DataView(new TextEncoder().encode('{"a":1}').buffer)],
    ['an ArrayBuffer', new TextEncoder().encode('{"a":1}').buffer],
    ['a Blob', new Blob(['{"a":', '1}'])],
    ['a Node stream', Readable.from([Buffer.from('{"a":'), Buffer.from('1}')])],
  ])('reads %s', async (_label, body) => {
    expect(text(await requestBodyBytes(body, 'test'))).toBe('{"a":1}');
  });

  it('reads no body as empty, and names the door for a body it cannot read', async () => {
    expect((await requestBodyBytes(undefined, 'test')).byteLength).toBe(0);
    await expect(requestBodyBytes(42, 'requestHandler')).rejects.toThrow(
      'lambda-cassette requestHandler: cannot read a request body of type [object Number]',
    );
  });
});

describe('sdk-outcome', () => {
  it('lower-cases header names as Node delivers them', () => {
    expect(nodeHeaders({ 'X-Amzn-RequestId': 'r', 'Content-Type': 'application/json' })).toEqual({
      'x-amzn-requestid': 'r',
      'content-type': 'application/json',
    });
  });

  it('renames the socket errors NodeHttpHandler renames, so the SDK retries them as transient', () => {
    expect(handlerRejection({ kind: 'fault', fault: 'connection-reset' })).toMatchObject({
      name: 'TimeoutError',
      code: 'ECONNRESET',
    });
    expect(handlerRejection({ kind: 'fault', fault: 'timeout' })).toMatchObject({
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
    });
    const other = new Error('boom');
    expect(handlerRejection({ kind: 'failure', error: other })).toBe(other);
    expect(other.name).toBe('Error');
  });
});
