/**
 * A client `http2` stream answered by a double: a Duplex the caller writes the request body to
 * and reads the answer from, with the events and fields of a `ClientHttp2Stream` that clients
 * read (`response` with `:status` and lower-case headers, `close`, `rstCode`, `setTimeout`,
 * `close(code)`). The answer comes once the body is ended; an injected fault or a refusal is the
 * stream's `error`, as a reset or socket error is.
 */
import { Duplex } from 'node:stream';
import type { DoorPort } from '../../engine/door-port.js';
import { answerRequest } from '../shared/answer-request.js';

const PSEUDO_HEADERS: Record<string, true> = { ':method': true, ':path': true, ':authority': true, ':scheme': true };

/** A stream's request headers: regular ones lower-cased, `:authority` as `host`. */
export function wireHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PSEUDO_HEADERS[name]) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  }
  if (headers[':authority'] !== undefined) out['host'] = String(headers[':authority']);
  return out;
}

// Methods whose streams Node ends at once unless told otherwise (no payload expected).
const NO_PAYLOAD: Record<string, true> = { GET: true, HEAD: true, DELETE: true };

/** Whether `session.request(headers, options)` ends the stream's writable side at once, as Node decides it. */
export function endsAtOnce(method: string, options: unknown): boolean {
  const endStream = (options as { endStream?: boolean } | undefined)?.endStream;
  return endStream ?? NO_PAYLOAD[method] === true;
}

export class AnsweredStream extends Duplex {
  readonly id = 1;
  rstCode: number | undefined = undefined;
  readonly sentHeaders: Record<string, unknown>;
  pending = false;
  #chunks: Buffer[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly double: DoorPort,
    private readonly url: string,
    private readonly method: string,
    headers: Record<string, unknown>,
  ) {
    super();
    this.sentHeaders = headers;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#chunks.push(Buffer.from(chunk));
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    callback();
    const wire = {
      method: this.method,
      url: this.url,
      headers: wireHeaders(this.sentHeaders),
      body: Buffer.concat(this.#chunks),
    };
    answerRequest(this.double, wire).then(
      (answer) => {
        if (this.destroyed) return;
        const headers: Record<string, string | number> = { ':status': answer.status };
        for (const name in answer.headers) headers[name.toLowerCase()] = answer.headers[name]!;
        this.emit('response', headers, 0);
        if (answer.body.byteLength > 0)
          this.push(Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength));
        this.push(null);
      },
      (error: Error) => this.destroy(error),
    );
  }

  override _read(): void {
    // The answer is pushed whole when it arrives.
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.rstCode ??= error ? 2 : 0;
    callback(error);
  }

  /** `ClientHttp2Stream.close(code)`: ends the stream with an RST_STREAM code. */
  close(code = 0, callback?: () => void): void {
    this.rstCode = code;
    if (callback) this.once('close', callback);
    this.destroy();
  }

  setTimeout(ms: number, callback?: () => void): this {
    if (this.#timer) clearTimeout(this.#timer);
    if (callback) this.once('timeout', callback);
    this.#timer = ms > 0 ? setTimeout(() => this.emit('timeout'), ms).unref() : undefined;
    return this;
  }

  priority(): void {}

  sendTrailers(): void {}
}
