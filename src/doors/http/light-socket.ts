import { EventEmitter } from 'node:events';

/** The socket a claimed request and its response name: connected, never timing out, never reading. */
export class LightSocket extends EventEmitter {
  readonly connecting = false;
  readonly readable = false;
  writable = true;
  destroyed = false;
  readonly remoteAddress = '127.0.0.1';
  readonly remotePort = 0;
  readonly remoteFamily = 'IPv4';
  readonly localAddress = '127.0.0.1';
  readonly localPort = 0;
  readonly bytesWritten = 0;
  readonly bytesRead = 0;

  constructor(readonly encrypted: boolean) {
    super();
  }
  setTimeout(_ms: number, callback?: () => void): this {
    if (callback) this.once('timeout', callback);
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  address(): { address: string; family: string; port: number } {
    return { address: '127.0.0.1', family: 'IPv4', port: 0 };
  }
  end(): this {
    this.writable = false;
    return this;
  }
  destroy(): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.writable = false;
    process.nextTick(() => this.emit('close', false));
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
}
