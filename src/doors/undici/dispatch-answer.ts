/**
 * Answering one undici `dispatch(opts, handler)` call in-process: the request as undici describes
 * it becomes a `WireRequest`, and the double's answer is fed to the handler the way a connection
 * would feed it (connect, headers, data, complete; or an error). Both handler shapes undici uses
 * are driven: the callbacks of undici 6 and Node's built-in fetch (`onConnect`, `onHeaders`, ...)
 * and undici 7's (`onRequestStart`, `onResponseStart`, ...). Response headers go to the handler
 * as the wire carried them, so `fetch` decodes a `content-encoding` itself, as it would.
 */
import type { DoorPort } from '../../engine/door-port.js';
import type { WireRequest } from '../../wire/wire-types.js';
import { requestBodyBytes } from '../shared/request-body.js';
import { answerRequest } from '../shared/answer-request.js';

/** The parts of undici's `DispatchOptions` this door reads. */
export interface DispatchOptions {
  origin?: string | URL;
  path: string;
  method: string;
  headers?: unknown;
  body?: unknown;
  upgrade?: unknown;
}

/** Callbacks of a handler in undici 6 / Node's fetch (the "legacy" shape undici 7 still accepts). */
interface LegacyHandler {
  onConnect?(abort: (reason?: unknown) => void, context?: object): void;
  onHeaders?(status: number, rawHeaders: Buffer[], resume: () => void, statusText: string): boolean | void;
  onData?(chunk: Buffer): boolean | void;
  onComplete?(trailers: Buffer[] | null): void;
  onError?(error: Error): void;
}

/** Callbacks of a handler in undici 7's shape. */
interface ControllerHandler {
  onRequestStart?(controller: Controller, context: object): void;
  onResponseStart?(
    controller: Controller,
    status: number,
    headers: Record<string, string | string[]>,
    statusText: string,
  ): void;
  onResponseData?(controller: Controller, chunk: Buffer): void;
  onResponseEnd?(controller: Controller, trailers: Record<string, string>): void;
  onResponseError?(controller: Controller, error: Error): void;
}

/** What undici 7 hands its handlers to abort or pause a request. */
class Controller {
  aborted = false;
  paused = false;
  reason: unknown = null;
  rawHeaders: Buffer[] | null = null;
  rawTrailers: Buffer[] | null = null;
  constructor(private readonly onAbort: (reason: unknown) => void) {}
  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.onAbort(reason);
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
}

/** Adds `name: value` to `out`, lower-casing the name and joining repeats as HTTP does. */
function addHeader(out: Record<string, string>, name: unknown, value: unknown): void {
  if (value === undefined || value === null) return;
  const key = String(name).toLowerCase();
  const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  out[key] = key in out ? `${out[key]}, ${text}` : text;
}

/** Request headers in any form undici accepts (flat array, array of pairs, iterable, object), lower-cased. */
export function headerRecord(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers || typeof headers !== 'object') return out;
  if (Array.isArray(headers)) {
    if (Array.isArray(headers[0]))
      for (const [name, value] of headers as [unknown, unknown][]) addHeader(out, name, value);
    else for (let i = 0; i + 1 < headers.length; i += 2) addHeader(out, headers[i], headers[i + 1]);
  } else if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [name, value] of headers as Iterable<[unknown, unknown]>) addHeader(out, name, value);
  } else {
    for (const [name, value] of Object.entries(headers)) addHeader(out, name, value);
  }
  return out;
}

/** The same answer for a handler of either shape, as legacy callbacks. */
function legacyOf(handler: LegacyHandler & ControllerHandler): LegacyHandler {
  if (typeof handler.onRequestStart !== 'function' && typeof handler.onResponseStart !== 'function') return handler;
  let controller: Controller;
  return {
    onConnect: (abort) => {
      controller = new Controller(abort);
      handler.onRequestStart?.(controller, {});
    },
    onHeaders: (status, rawHeaders, _resume, statusText) => {
      controller.rawHeaders = rawHeaders;
      const headers: Record<string, string | string[]> = {};
      for (let i = 0; i < rawHeaders.length; i += 2) {
        const name = rawHeaders[i]!.toString('latin1').toLowerCase();
        const value = rawHeaders[i + 1]!.toString('latin1');
        const had = headers[name];
        headers[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
      }
      handler.onResponseStart?.(controller, status, headers, statusText);
      return true;
    },
    onData: (chunk) => {
      handler.onResponseData?.(controller, chunk);
      return true;
    },
    onComplete: () => handler.onResponseEnd?.(controller, {}),
    onError: (error) => {
      if (handler.onResponseError) handler.onResponseError(controller ?? new Controller(() => {}), error);
      else throw error;
    },
  };
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

async function wireOf(url: string, opts: DispatchOptions, headers: Record<string, string>): Promise<WireRequest> {
  const body = opts.body;
  const bytes =
    typeof body === 'string'
      ? Buffer.from(body, 'utf8')
      : body instanceof Uint8Array
        ? body
        : await requestBodyBytes(body, 'the undici door');
  return { method: opts.method.toUpperCase(), url, headers, body: bytes };
}

/** Answers `opts` from `double` through `handler` (either shape); `url` is the request's absolute URL. */
export function answerDispatch(
  double: DoorPort,
  url: string,
  opts: DispatchOptions,
  headers: Record<string, string>,
  rawHandler: object,
): void {
  const handler = legacyOf(rawHandler as LegacyHandler & ControllerHandler);
  let aborted: Error | undefined;
  const fail = (error: Error): void => {
    try {
      handler.onError?.(error);
    } catch {
      // A handler with no error callback: the caller has already gone.
    }
  };
  try {
    handler.onConnect?.((reason) => {
      aborted ??=
        reason instanceof Error
          ? reason
          : Object.assign(new Error('Request aborted'), { name: 'AbortError', code: 'UND_ERR_ABORTED' });
    });
  } catch (error) {
    fail(error as Error);
    return;
  }
  if (aborted) return fail(aborted);
  wireOf(url, opts, headers)
    .then((wire) => answerRequest(double, wire))
    .then(
      (response) => {
        if (aborted) return fail(aborted);
        const raw: Buffer[] = [];
        let length = false;
        for (const name in response.headers) {
          length ||= name.toLowerCase() === 'content-length';
          raw.push(Buffer.from(name, 'latin1'), Buffer.from(response.headers[name]!, 'latin1'));
        }
        if (!length) raw.push(Buffer.from('content-length'), Buffer.from(String(response.body.byteLength)));
        handler.onHeaders?.(response.status, raw, () => {}, STATUS_TEXT[response.status] ?? '');
        if (aborted) return fail(aborted);
        if (response.body.byteLength > 0)
          handler.onData?.(Buffer.from(response.body.buffer, response.body.byteOffset, response.body.byteLength));
        if (aborted) return fail(aborted);
        handler.onComplete?.([]);
      },
      (error: Error) => fail(aborted ?? error),
    );
}
