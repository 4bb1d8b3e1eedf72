/**
 * What a caller writes to a request the http door answers: the bytes, as Node would send them, and,
 * when the whole body was one UTF-8 string (nearly every client), that string, so the engine reads the
 * payload without decoding the bytes again.
 */

function isUtf8(encoding: string): boolean {
  return encoding === 'utf8' || encoding === 'utf-8' || encoding.toLowerCase().replace('-', '') === 'utf8';
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw Object.assign(
    new TypeError('The "chunk" argument must be of type string or an instance of Buffer or Uint8Array'),
    { code: 'ERR_INVALID_ARG_TYPE' },
  );
}

/** The body of one request, chunk by chunk as the caller writes it. */
export class WrittenBody {
  readonly #chunks: Buffer[] = [];
  #text: string | undefined;

  /** Adds a chunk as `write(chunk, encoding)` takes it; throws Node's error for a chunk of another type. */
  add(chunk: unknown, encoding: unknown): void {
    const bytes = toBuffer(chunk, encoding);
    this.#text =
      this.#chunks.length === 0 && typeof chunk === 'string' && (typeof encoding !== 'string' || isUtf8(encoding))
        ? chunk
        : undefined;
    this.#chunks.push(bytes);
  }

  /** The body when it was written as one UTF-8 string. */
  get text(): string | undefined {
    return this.#text;
  }

  /** The bytes: the one chunk itself when it was a string (made here), else a copy of all of them. */
  bytes(): Buffer {
    return this.#text !== undefined ? this.#chunks[0]! : Buffer.concat(this.#chunks);
  }
}
