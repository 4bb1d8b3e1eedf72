/**
 * What `http2.connect` gives for an AWS Lambda authority (or a double's `endpoint`) while a double is open: a session that
 * opens no socket. Every stream a double claims is answered in-process (answered-stream.ts); a
 * stream no double claims (once the doubles are closed) goes to a real session, connected then.
 */
import { EventEmitter } from 'node:events';
import type { ClientHttp2Session } from 'node:http2';
import type { DoorPort } from '../../engine/door-port.js';
import { AnsweredStream, endsAtOnce } from './answered-stream.js';

/** Opens a real session (`http2.connect` as it was). */
type RealConnect = () => ClientHttp2Session;

/** Picks the double for a stream (`undefined`: send it for real). */
export type StreamClaim = (method: string, path: string, headers: Record<string, unknown>) => DoorPort | undefined;

export class AnsweringSession extends EventEmitter {
  readonly alpnProtocol = 'h2';
  readonly encrypted: boolean;
  readonly connecting = false;
  readonly type = 1;
  closed = false;
  destroyed = false;
  readonly localSettings = {};
  readonly remoteSettings = {};
  readonly state = {};
  #real: ClientHttp2Session | undefined;

  constructor(
    private readonly origin: string,
    private readonly claimStream: StreamClaim,
    private readonly connectReal: RealConnect,
  ) {
    super();
    this.encrypted = origin.startsWith('https:');
    process.nextTick(() => this.emit('connect', this));
  }

  /** `ClientHttp2Session.request`: answered in-process when a double claims it. */
  request(
    headers: Record<string, unknown> = {},
    options?: object,
  ): AnsweredStream | ReturnType<ClientHttp2Session['request']> {
    if (this.closed || this.destroyed)
      throw Object.assign(new Error('The session has been destroyed'), { code: 'ERR_HTTP2_INVALID_SESSION' });
    const method = String(headers[':method'] ?? 'GET').toUpperCase();
    const path = String(headers[':path'] ?? '/');
    const double = this.claimStream(method, path, headers);
    if (double) {
      const stream = new AnsweredStream(double, `${this.origin}${path}`, method, {
        ':authority': new URL(this.origin).host,
        ...headers,
      });
      if (endsAtOnce(method, options)) stream.end();
      return stream;
    }
    this.#real ??= this.#connect();
    return this.#real.request(headers as never, options as never);
  }

  #connect(): ClientHttp2Session {
    const real = this.connectReal();
    real.on('error', (error) => this.emit('error', error));
    real.on('goaway', (...args) => this.emit('goaway', ...args));
    return real;
  }

  close(callback?: () => void): void {
    if (this.closed) return;
    this.closed = true;
    const done = (): void => {
      this.destroyed = true;
      this.emit('close');
      callback?.();
    };
    if (this.#real) this.#real.close(done);
    else process.nextTick(done);
  }

  destroy(error?: Error): void {
    if (this.destroyed) return;
    this.closed = this.destroyed = true;
    this.#real?.destroy(error);
    process.nextTick(() => {
      if (error) this.emit('error', error);
      this.emit('close');
    });
  }

  ref(): void {
    this.#real?.ref();
  }

  unref(): void {
    this.#real?.unref();
  }

  setTimeout(ms: number, callback?: () => void): void {
    if (callback) this.once('timeout', callback);
    this.#real?.setTimeout(ms);
  }

  settings(_settings: object, callback?: (error: Error | null) => void): void {
    if (callback) process.nextTick(callback, null);
  }

  ping(callback?: (error: Error | null, duration: number, payload: Buffer) => void): boolean {
    if (callback) process.nextTick(callback, null, 0, Buffer.alloc(8));
    return true;
  }

  goaway(): void {
    this.close();
  }
}
