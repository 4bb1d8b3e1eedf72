/**
 * The door for Node's `http2` client: while a double is open, `http2.connect` is replaced. For an
 * AWS Lambda authority, or a double's `endpoint`, it returns a session that opens no socket and answers every stream
 * in-process (answering-session.ts); for any other authority a real session whose `request()`
 * answers the streams a double claims (shared/claim.ts: Lambda API streams to a double's
 * endpoint, InvokeAsync and Invoke Event to any host) and sends the rest. nock never sees `http2`,
 * so a caller's nock scope takes nothing from this door. Named imports (`import { connect } from
 * 'node:http2'`) are updated with the module (`syncBuiltinESMExports`), at install and at undo.
 */
import http2 from 'node:http2';
import { syncBuiltinESMExports } from 'node:module';
import { openDoubles, type ProcessPatch } from '../shared/door-registry.js';
import { replaceMethod } from '../shared/replace-method.js';
import { claim } from '../shared/claim.js';
import { hostKind } from '../shared/destination.js';
import { AnsweredStream, endsAtOnce, wireHeaders } from './answered-stream.js';
import { AnsweringSession, type StreamClaim } from './answering-session.js';

type Connect = typeof http2.connect;

function originOf(authority: unknown): URL | undefined {
  try {
    if (authority instanceof URL) return authority;
    if (typeof authority === 'string') return new URL(authority);
    const a = authority as { protocol?: string; host?: string; hostname?: string; port?: number | string } | undefined;
    if (a && (a.host || a.hostname))
      return new URL(`${a.protocol ?? 'https:'}//${a.hostname ?? a.host}${a.port ? `:${a.port}` : ''}`);
  } catch {
    // Not an authority we can read: the original connect reports it.
  }
  return undefined;
}

function streamClaim(url: URL): StreamClaim {
  const where = { origin: url.origin, hostname: url.hostname.toLowerCase() };
  return (method, path, headers) => claim(openDoubles, { where, method, path, headers: wireHeaders(headers) }, false);
}

/** A real session whose `request()` answers claimed streams in-process. */
function watched(session: http2.ClientHttp2Session, url: URL): http2.ClientHttp2Session {
  const claimStream = streamClaim(url);
  const request = session.request;
  session.request = function (
    this: http2.ClientHttp2Session,
    headers?: http2.OutgoingHttpHeaders,
    options?: http2.ClientSessionRequestOptions,
  ) {
    const h = (headers ?? {}) as Record<string, unknown>;
    const method = String(h[':method'] ?? 'GET').toUpperCase();
    const path = String(h[':path'] ?? '/');
    const double = claimStream(method, path, h);
    if (!double) return request.call(this, headers, options);
    const stream = new AnsweredStream(double, `${url.origin}${path}`, method, { ':authority': url.host, ...h });
    if (endsAtOnce(method, options)) stream.end();
    return stream as unknown as http2.ClientHttp2Stream;
  } as typeof session.request;
  return session;
}

/** `http2.connect`, answering in-process the sessions and streams a double claims. */
function answeringConnect(original: Connect): Connect {
  return function connect(this: unknown, authority: unknown, ...rest: unknown[]) {
    const url = openDoubles.length === 0 ? undefined : originOf(authority);
    const connectReal = () =>
      (original as (...args: unknown[]) => http2.ClientHttp2Session).call(http2, authority, ...rest);
    if (!url) return connectReal();
    const where = { origin: url.origin, hostname: url.hostname.toLowerCase() };
    const kind = hostKind(openDoubles, where);
    if (kind === 'loopback') return connectReal();
    // A double's own `endpoint` is a Lambda endpoint too: a real session would connect and send
    // the HTTP/2 preface there even though every invocation stream is answered in-process.
    if (kind === 'aws' || kind === 'endpoint') {
      const session = new AnsweringSession(url.origin, streamClaim(url), connectReal);
      const listener = rest.find((r) => typeof r === 'function') as ((s: unknown) => void) | undefined;
      if (listener) session.once('connect', listener);
      return session as unknown as http2.ClientHttp2Session;
    }
    return watched(connectReal(), url);
  } as Connect;
}

/** The `http2.connect` patch: installed with the first double, removed with the last. */
export const HTTP2_PATCH: ProcessPatch = {
  name: 'http2-connect',
  install() {
    const undo = replaceMethod<Connect>(http2, 'connect', answeringConnect);
    syncBuiltinESMExports();
    return () => {
      undo?.();
      syncBuiltinESMExports();
    };
  },
};
