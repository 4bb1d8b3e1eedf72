/**
 * Request bodies as the SDK hands them over: a string, bytes, a Node or web stream, or a Blob
 * (what `InvokeArgs` accepts, and what an `HttpRequest.body` holds after serialization).
 */
import { InvalidOptionError } from '../../common/seal-errors.js';

/** The bytes of `body`; `who` names the door in the error for a body it cannot read. */
export async function requestBodyBytes(body: unknown, who: string): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof Blob !== 'undefined' && body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  throw new InvalidOptionError(
    `lambda-cassette ${who}: cannot read a request body of type ${Object.prototype.toString.call(body)}`,
  );
}
