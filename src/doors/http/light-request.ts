/**
 * What `http.request(...)` returns for a request a double answers: an object with the surface of
 * Node's `ClientRequest` that clients use (headers, write/end/pipe, setTimeout, destroy/abort, the
 * `socket`, `finish`, `response`, `error` and `close` events in Node's order), answered with a real
 * `http.IncomingMessage`. No socket, parser, agent or timer: building a `ClientRequest` and parsing
 * bytes back cost as much as a real loopback exchange, which is the bar this door has to beat.
 */
import {
  IncomingMessage,
  STATUS_CODES,
  validateHeaderName,
  validateHeaderValue,
  type OutgoingHttpHeader,
} from 'node:http';
import { Stream } from 'node:stream';
import { boundedMemo } from '../../common/bounded-memo.js';
import { headerValue } from '../../wire/wire-types.js';
import { LightSocket } from './light-socket.js';
import { WrittenBody } from './written-body.js';

type Callback = (error?: Error | null) => void;

// A client sends the same few header names on every call: each is checked as Node checks it once,
// and its lower-case form kept. An invalid name throws Node's error every time (it is never kept).
const checkedName = boundedMemo(512, (name: string) => {
  validateHeaderName(name);
  return name.toLowerCase();
});

/** Node refuses a request path with a control character or a space in it. */
function hasUnescapedCharacter(path: string): boolean {
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) <= 0x20) return true;
  return false;
}

function connReset(message: string): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}

/** Where the request goes and what it is, as the door read it from the call. */
interface LightRequestInit {
  method: string;
  path: string;
  host: string;
  protocol: string;
  /** The Host header as Node would send it (port only when not the default). */
  hostHeader: string;
  headers: unknown;
  auth?: string;
  timeout?: number;
  signal?: AbortSignal;
}

/** A claimed request: collects what the caller writes, then `onFinish` answers it. */
export class LightRequest extends Stream {
  readonly method: string;
  readonly path: string;
  readonly host: string;
  readonly protocol: string;
  readonly agent = undefined;
  readonly reusedSocket = false;
  readonly shouldKeepAlive = false;
  readonly maxHeadersCount: number | null = null;
  socket: LightSocket | null = null;
  connection: LightSocket | null = null;
  res: IncomingMessage | null = null;
  finished = false;
  writableEnded = false;
  writableFinished = false;
  headersSent = false;
  destroyed = false;
  aborted = false;
  timeout: number | undefined;
  /** What the caller wrote. */
  readonly writtenBody = new WrittenBody();
  private readonly fields = new Map<string, [name: string, value: OutgoingHttpHeader]>();
  private readonly lightSocket: LightSocket;

  constructor(
    init: LightRequestInit,
    callback: ((res: IncomingMessage) => void) | undefined,
    private readonly onFinish: (req: LightRequest) => void,
  ) {
    super();
    if (hasUnescapedCharacter(init.path))
      throw Object.assign(new TypeError('Request path contains unescaped characters'), {
        code: 'ERR_UNESCAPED_CHARACTERS',
      });
    this.method = init.method;
    this.path = init.path;
    this.host = init.host;
    this.protocol = init.protocol;
    this.timeout = init.timeout;
    const headers = init.headers;
    if (Array.isArray(headers))
      for (let i = 0; i + 1 < headers.length; i += 2)
        this.setHeader(String(headers[i]), headers[i + 1] as OutgoingHttpHeader);
    else if (headers && typeof headers === 'object')
      for (const name in headers) this.setHeader(name, (headers as Record<string, OutgoingHttpHeader>)[name]!);
    if (!this.fields.has('host')) this.setHeader('Host', init.hostHeader);
    if (init.auth !== undefined && !this.fields.has('authorization'))
      this.setHeader('Authorization', `Basic ${Buffer.from(init.auth).toString('base64')}`);
    if (callback) this.once('response', callback);
    this.lightSocket = new LightSocket(init.protocol === 'https:');
    const signal = init.signal;
    if (signal) {
      const onAbort = () =>
        this.destroy(
          Object.assign(new Error('The operation was aborted'), {
            name: 'AbortError',
            code: 'ABORT_ERR',
            cause: signal.reason as unknown,
          }),
        );
      if (signal.aborted) process.nextTick(onAbort);
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    process.nextTick(() => {
      if (this.destroyed) return;
      this.socket = this.connection = this.lightSocket;
      this.emit('socket', this.lightSocket);
      // No server to wait for: a request that asks before sending its body may send it at once.
      if (String(this.getHeader('expect') ?? '').toLowerCase() === '100-continue') this.emit('continue');
    });
  }

  get writable(): boolean {
    return !this.writableEnded && !this.destroyed;
  }
  get writableLength(): number {
    return 0;
  }
  get writableHighWaterMark(): number {
    return 16_384;
  }

  setHeader(name: string, value: OutgoingHttpHeader): this {
    if (this.headersSent)
      throw Object.assign(new Error('Cannot set headers after they are sent to the client'), {
        code: 'ERR_HTTP_HEADERS_SENT',
      });
    const key = checkedName(name);
    validateHeaderValue(name, value as string);
    this.fields.set(key, [name, value]);
    return this;
  }
  getHeader(name: string): OutgoingHttpHeader | undefined {
    return this.fields.get(name.toLowerCase())?.[1];
  }
  hasHeader(name: string): boolean {
    return this.fields.has(name.toLowerCase());
  }
  removeHeader(name: string): void {
    this.fields.delete(name.toLowerCase());
  }
  getHeaderNames(): string[] {
    return [...this.fields.keys()];
  }
  getRawHeaderNames(): string[] {
    return [...this.fields.values()].map(([name]) => name);
  }
  getHeaders(): Record<string, OutgoingHttpHeader> {
    const out: Record<string, OutgoingHttpHeader> = Object.create(null) as Record<string, OutgoingHttpHeader>;
    for (const [key, [, value]] of this.fields) out[key] = value;
    return out;
  }
  flushHeaders(): void {
    this.headersSent = true;
  }
  setTimeout(ms: number, callback?: () => void): this {
    this.timeout = ms;
    if (callback) this.once('timeout', callback);
    return this;
  }
  setNoDelay(): void {}
  setSocketKeepAlive(): void {}
  cork(): void {}
  uncork(): void {}

  write(chunk: unknown, encoding?: unknown, callback?: Callback): boolean {
    const cb = typeof encoding === 'function' ? (encoding as Callback) : callback;
    if (this.writableEnded) {
      const error = Object.assign(new Error('write after end'), { code: 'ERR_STREAM_WRITE_AFTER_END' });
      process.nextTick(() => (cb ? cb(error) : this.emit('error', error)));
      return false;
    }
    this.headersSent = true;
    this.writtenBody.add(chunk, encoding);
    if (cb) process.nextTick(cb);
    return true;
  }

  end(chunk?: unknown, encoding?: unknown, callback?: () => void): this {
    if (typeof chunk === 'function') [chunk, callback] = [undefined, chunk as () => void];
    else if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding as () => void];
    if (this.writableEnded) return this;
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    this.headersSent = true;
    this.writableEnded = this.finished = true;
    if (callback) this.once('finish', callback);
    process.nextTick(() => {
      if (this.destroyed) return;
      this.writableFinished = true;
      this.emit('prefinish');
      this.emit('finish');
      this.onFinish(this);
    });
    return this;
  }

  /** Headers with lower-case names, each value one string (list values joined), as a `WireRequest` has them. */
  wireHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, [, value]] of this.fields) if (value !== undefined) out[key] = headerValue(value);
    return out;
  }

  /** Fails the request as a socket error would: 'error', then 'close'. */
  destroy(error?: Error): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this.res && !this.res.complete) this.res.destroy(error ?? connReset('aborted'));
    const failure = error ?? (this.res || this.aborted ? undefined : connReset('socket hang up'));
    process.nextTick(() => {
      if (failure) this.emit('error', failure);
      this.lightSocket.destroy();
      this.emit('close');
    });
    return this;
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    process.nextTick(() => this.emit('abort'));
    this.destroy();
  }

  /** Answers with `status`, `headers` and `body`, as Node's parser would have delivered them. */
  respond(status: number, headers: Record<string, string>, body: Uint8Array): void {
    if (this.destroyed) return;
    const res = new IncomingMessage(this.lightSocket as never);
    res.httpVersion = '1.1';
    res.httpVersionMajor = 1;
    res.httpVersionMinor = 1;
    res.statusCode = status;
    res.statusMessage = STATUS_CODES[status] ?? '';
    const lower: Record<string, string> = {};
    const raw: string[] = [];
    for (const name in headers) {
      const key = name.toLowerCase();
      if (key === 'content-length' || key === 'transfer-encoding' || key === 'connection') continue;
      lower[key] = headers[name]!;
      raw.push(name, headers[name]!);
    }
    lower['content-length'] = String(body.byteLength);
    lower['connection'] = 'close';
    raw.push('content-length', lower['content-length'], 'connection', 'close');
    res.headers = lower;
    res.rawHeaders = raw;
    (res as { req?: unknown }).req = this;
    this.res = res;
    if (body.byteLength > 0 && this.method !== 'HEAD')
      res.push(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    res.complete = true;
    res.push(null);
    res.once('end', () =>
      process.nextTick(() => {
        this.lightSocket.destroy();
        if (!res.destroyed) res.destroy();
        if (this.destroyed) return;
        this.destroyed = true;
        this.emit('close');
      }),
    );
    // Node dumps a response nobody listens for, so the request still closes.
    if (!this.emit('response', res)) res.resume();
  }
}
