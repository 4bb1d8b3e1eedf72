/**
 * The socket a claimed `ClientRequest` gets instead of a connection: it keeps what the request
 * writes (head and body), and answers with bytes pushed as if they came off the wire, so Node's
 * own HTTP parser builds the `IncomingMessage` the caller reads: status, headers, body stream and
 * events are Node's, and no connection, DNS lookup or timer is made.
 */
import net from 'node:net';
import { STATUS_CODES } from 'node:http';

type WriteCallback = (error?: Error | null) => void;

function callbackOf(args: unknown[]): WriteCallback | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as WriteCallback) : undefined;
}

export class AnswerSocket extends net.Socket {
  /** Everything the request wrote: its head, then its body as framed on the wire. */
  readonly written: Buffer[] = [];

  constructor() {
    super();
    // A socket whose connection is already made: clients that wait for 'connect' when `connecting` do not.
    (this as { connecting: boolean }).connecting = false;
    this._final = (callback: (error?: Error | null) => void) => callback(null);
  }

  override write(chunk: unknown, ...rest: unknown[]): boolean {
    const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8';
    if (chunk !== undefined && chunk !== null) this.written.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk as Uint8Array));
    const callback = callbackOf(rest);
    if (callback) process.nextTick(callback);
    return true;
  }

  override end(...args: unknown[]): this {
    const callback = callbackOf(args);
    if (args.length > 0 && typeof args[0] !== 'function') this.write(args[0], ...args.slice(1).filter((a) => typeof a !== 'function'));
    super.end(callback);
    return this;
  }

  override setNoDelay(): this {
    return this;
  }

  override setKeepAlive(): this {
    return this;
  }

  override address(): net.AddressInfo {
    return { address: '127.0.0.1', family: 'IPv4', port: 0 };
  }

  /** Answers the request: an HTTP/1.1 response, its body sent with a content-length. */
  respond(status: number, headers: Record<string, string>, body: Uint8Array): void {
    let head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n`;
    for (const name in headers) {
      const lower = name.toLowerCase();
      if (lower === 'content-length' || lower === 'transfer-encoding' || lower === 'connection') continue;
      head += `${name}: ${headers[name]!}\r\n`;
    }
    head += `content-length: ${body.byteLength}\r\nconnection: close\r\n\r\n`;
    if (this.destroyed) return;
    this.push(Buffer.concat([Buffer.from(head, 'latin1'), body]));
    this.push(null);
  }
}

/** The body bytes a request wrote after its `head`, with chunked framing removed when `chunked`. */
export function requestBody(written: readonly Buffer[], head: string, chunked: boolean): Buffer {
  const all = Buffer.concat(written);
  const raw = all.subarray(Buffer.byteLength(head, 'latin1'));
  if (!chunked) return raw;
  const parts: Buffer[] = [];
  let at = 0;
  while (at < raw.length) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(raw.subarray(at, lineEnd).toString('latin1').split(';')[0]!, 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
