/**
 * Where an `http.request(...)` / `https.get(...)` call is going, read from its arguments the way
 * Node reads them (`(url[, options][, callback])` or `(options[, callback])`, options winning over
 * the URL), before any request object exists: the door decides from this whether the call is a
 * double's.
 */
import type { RequestOptions } from 'node:http';
import { boundedMemo } from '../../common/bounded-memo.js';
import { isServedOperation } from '../../wire/lambda-operation.js';
import { normalizeHeaders, type WireRequest } from '../../wire/wire-types.js';

export type Protocol = 'http:' | 'https:';

/** The call's arguments, split as Node splits them. */
export interface RequestArgs {
  input: string | URL | undefined;
  options: RequestOptions & Record<string, unknown>;
  callback: ((...args: never[]) => unknown) | undefined;
}

/** Where the request goes, and what it is as far as the call says. */
export interface RequestTarget {
  protocol: string;
  /** Host name as `new URL().hostname` spells it (IPv6 in brackets, lower case). */
  hostname: string;
  /** `new URL().origin` spelling: no default port. */
  origin: string;
  /** The host name and origin, as the claim reads them. */
  where: { readonly hostname: string; readonly origin: string };
  method: string;
  /** Path with query string. */
  path: string;
  pathname: string;
  /** Whether it is an InvokeAsync or an Invoke (`isServedOperation`), which method and path decide. */
  served: boolean;
  /** Lower-case names; read from the call only when asked for (the claim seldom needs them). */
  readonly headers: Record<string, string>;
}

/**
 * A {@link RequestTarget} whose headers are read when first asked for. A class, not an object literal
 * with a getter: V8 makes such a literal slowly (about 1 µs against 0.07), and the http door made two
 * on every call (a CPU profile of aws-sdk v2 through the double put them at 3 µs a call).
 */
class CallTarget implements RequestTarget {
  #headers: Record<string, string> | undefined;

  constructor(
    readonly protocol: string,
    readonly where: { readonly hostname: string; readonly origin: string },
    readonly method: string,
    readonly path: string,
    readonly pathname: string,
    readonly served: boolean,
    private readonly options: RequestArgs['options'],
  ) {}

  get hostname(): string {
    return this.where.hostname;
  }

  get origin(): string {
    return this.where.origin;
  }

  get headers(): Record<string, string> {
    return (this.#headers ??= headerRecord(this.options.headers));
  }
}

export function splitArgs(args: readonly unknown[]): RequestArgs {
  const [a, b, c] = args;
  if (typeof a === 'string' || a instanceof URL) {
    if (typeof b === 'function') return { input: a, options: {}, callback: b as RequestArgs['callback'] };
    return { input: a, options: (b ?? {}) as RequestArgs['options'], callback: c as RequestArgs['callback'] };
  }
  return { input: undefined, options: (a ?? {}) as RequestArgs['options'], callback: b as RequestArgs['callback'] };
}

function headerRecord(headers: unknown): Record<string, string> {
  if (Array.isArray(headers)) {
    const out: Record<string, string> = {};
    for (let i = 0; i + 1 < headers.length; i += 2) out[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
    return out;
  }
  return headers && typeof headers === 'object' ? normalizeHeaders(headers as WireRequest['headers']) : {};
}

// A test sends to few hosts, many times each: parsing the host as a URL is kept per spelling.
const originParts = boundedMemo(256, (base: string): { hostname: string; origin: string } | undefined => {
  try {
    const { hostname, origin } = new URL(base);
    return { hostname, origin };
  } catch {
    return undefined;
  }
});

/** The target of a call, or `undefined` when it names no TCP host (a Unix socket) or cannot be read. */
export function targetOf(defaultProtocol: Protocol, { input, options }: RequestArgs): RequestTarget | undefined {
  if (options.socketPath !== undefined) return undefined;
  let url: URL | undefined;
  if (input !== undefined) {
    try {
      url = typeof input === 'string' ? new URL(input) : input;
    } catch {
      return undefined;
    }
  }
  const protocol = (options.protocol as string | undefined) ?? url?.protocol ?? defaultProtocol;
  let host = (options.hostname as string | undefined) ?? (options.host as string | undefined);
  if (host === undefined) host = url ? url.hostname : 'localhost';
  else if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
  const port = options.port ?? (url && url.port !== '' ? url.port : undefined) ?? options.defaultPort;
  const path = (options.path as string | undefined) ?? (url ? `${url.pathname}${url.search}` : '/');
  const where = originParts(
    `${protocol}//${host}${port !== undefined && port !== null && port !== '' ? `:${String(port)}` : ''}`,
  );
  if (!where) return undefined;
  const query = path.indexOf('?');
  const method = ((options.method as string | undefined) ?? 'GET').toUpperCase();
  const pathname = query < 0 ? path : path.slice(0, query);
  return new CallTarget(protocol, where, method, path, pathname, isServedOperation(method, pathname), options);
}
