/**
 * The door for clients outside this process (AWS CLI, boto3, the Java SDK): a real HTTP server on
 * 127.0.0.1 that speaks InvokeAsync. Each request becomes a `WireRequest` for the engine, and each
 * outcome goes back as the service would send it (or as the transport would fail).
 *
 * `GET /_lambda-cassette/calls` answers the call log as JSON, for assertions from other languages.
 * Only local non-browser clients are answered at all (see request-guard.ts): the call log holds every
 * payload, and a web page must neither read it nor make the double run, forward or record a call.
 * Anything else that is not InvokeAsync (or Invoke Event) gets the service's answer to an unknown
 * operation; an Invoke of another type also meets `onUnhandledRequest` (so `close()` lists it), and
 * the answer's message says that only Event invocations are served.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { DoorPort } from '../../engine/door-port.js';
import { CONNECTION_HEADERS, type WireRequest, type WireResponse } from '../../wire/wire-types.js';
import { errorResponse } from '../../wire/build-response.js';
import { LAMBDA_ERRORS } from '../../wire/error-catalogue.js';
import { addLoopbackOrigin } from '../shared/loopback-origins.js';
import { LoopbackForwardLoopError } from '../../common/upstream-errors.js';
import { jsonText } from '../../common/canonical-json.js';
import { refusalOf } from './request-guard.js';
import { lambdaOperation } from '../../wire/lambda-operation.js';
import { apiPath, LAMBDA_API_PATH } from '../../wire/lambda-address.js';
import { assertSigningAvailable } from '../../recording/sign-request.js';
import { OncePerRequest, refusesSignature, unsignedRefusalNotice } from './once-per-request.js';
import { InvalidOptionError, MisuseError } from '../../common/seal-errors.js';
import { cassetteRefusal } from './cassette-refusal.js';
import { lingerOnClose } from './lingering-close.js';

/** Path of the call-log endpoint. */
export const CALLS_PATH = '/_lambda-cassette/calls';

// A request the engine forwards (recording, passthrough) carries this header. Seeing our own id come
// back means the forward target is this very server: answering would recurse without end.
const VIA_HEADER = 'x-lambda-cassette-via';

/** Options of `lambda.listen()`. */
export interface ListenOptions {
  /** Port on 127.0.0.1; default 0 (any free port, see `url`). */
  port?: number;
  /**
   * Sign forwarded requests again (SigV4) for the host they go to, with the default AWS credential
   * chain, instead of passing on the client's signature (made for 127.0.0.1): recording from real
   * AWS. Needs the optional peers @smithy/signature-v4 and @aws-sdk/credential-provider-node.
   */
  sign?: boolean;
  /**
   * Called when the engine could not answer a request: a replay miss (the client gets HTTP 400 with
   * the miss in its message), an unreachable upstream (the connection is closed). Once per request,
   * not once per retry of it. `close()` of the double also reports misses.
   */
  onFailure?: (error: Error, request: { method: string; path: string }) => void;
  /**
   * Called with advice a person should see (e.g. the target refused an unsigned forward: use
   * `sign: true`); default: a process warning. Once per server for each kind of advice.
   */
  onWarning?: (message: string) => void;
}

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:PORT`: use it as the client's endpoint URL. */
  readonly url: string;
  readonly port: number;
  /** Stops the server, dropping open connections (including ones held by an injected timeout). Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The largest request body the server reads: Lambda's largest payload (6 MB, a synchronous Invoke)
 * plus headroom for encoding overhead. A larger one is refused with 413 before or while it arrives,
 * never held in memory.
 */
export const MAX_LOOPBACK_BODY_BYTES = 6 * 1024 * 1024 + 64 * 1024;

/** The body, or `undefined` once it is over {@link MAX_LOOPBACK_BODY_BYTES} (the rest is left unread). */
function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_LOOPBACK_BODY_BYTES) return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= MAX_LOOPBACK_BODY_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Answers without reading what is left of the request, then drops the connection (Node would otherwise read the rest to reuse it). */
function refuse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  response: Pick<WireResponse, 'status' | 'headers' | 'body'>,
): void {
  req.pause();
  lingerOnClose(req);
  res.on('finish', () => req.socket.destroySoon());
  send(res, { ...response, headers: { ...response.headers, connection: 'close' } });
}

function send(res: http.ServerResponse, response: Pick<WireResponse, 'status' | 'headers' | 'body'>): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!CONNECTION_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
  headers['content-length'] = String(response.body.byteLength);
  res.writeHead(response.status, headers);
  res.end(response.body);
}

/**
 * The one answer to an operation the server does not serve, whatever the mode and the
 * `onUnhandledRequest` verdict: what was asked, and what is served. (`close()` still lists the ones
 * the policy stopped.)
 */
function unknownOperation(method: string, target: string, invocationType?: string): WireResponse {
  const spec = LAMBDA_ERRORS.UnknownOperationException;
  const asked = target.startsWith('/')
    ? `${lambdaOperation(method, target, invocationType)} (${method} ${target})`
    : `${method} ${target}`;
  return errorResponse(
    spec,
    `lambda-cassette: ${asked} is not served: lambda-cassette serves Invoke (every invocation type) and InvokeAsync. ${spec.defaultMessage}`,
  );
}

/** The answer to a request the engine does not serve; a Lambda API request meets `onUnhandledRequest` first. */
function unserved(double: DoorPort, wire: WireRequest, path: string): WireResponse {
  const headers = wire.headers as Record<string, string | undefined>;
  const invocationType = headers['x-amz-invocation-type'];
  // Nowhere to send it on from here: 'bypass' and 'warn' get the same answer, without the listing in close().
  if (LAMBDA_API_PATH.test(apiPath(path.split('?')[0]!))) double.judgeUnhandled(wire);
  return unknownOperation(wire.method, path, invocationType);
}

function jsonResponse(
  status: number,
  value: unknown,
  extra: Record<string, string> = {},
): Pick<WireResponse, 'status' | 'headers' | 'body'> {
  // jsonText: a payload nested thousands deep must not make JSON.stringify throw (and reset the connection).
  return {
    status,
    headers: { 'content-type': 'application/json', ...extra },
    body: Buffer.from(`${jsonText(value)}\n`, 'utf8'),
  };
}

/** Starts a loopback server backed by `double`; `double.close()` stops it too. */
export async function listenLoopback(double: DoorPort, options: ListenOptions = {}): Promise<LoopbackServer> {
  if (double.closed) throw new MisuseError('lambda-cassette: listen() called on a closed double');
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidOptionError(
      `lambda-cassette: listen({ port }) must be an integer from 0 to 65535, got ${String(port)}`,
    );
  }
  // A server that is to sign needs the signer: say so now, not on the first forwarded request.
  if (options.sign) await assertSigningAvailable();
  const id = randomUUID();
  const sockets = new Set<Socket>();
  let origin = '';

  const reported = new OncePerRequest();
  const fail = (socket: Socket, error: Error, req: http.IncomingMessage, body: Uint8Array = new Uint8Array()) => {
    socket.destroy();
    const request = { method: req.method ?? '', path: req.url ?? '' };
    if (options.onFailure && reported.first(error.name, req.headers, request.method, request.path, body))
      options.onFailure(error, request);
  };
  let warnedUnsigned = false;
  const warnUnsigned = () => {
    if (warnedUnsigned) return;
    warnedUnsigned = true;
    const message = unsignedRefusalNotice();
    if (options.onWarning) options.onWarning(message);
    else process.emitWarning(message, { code: 'LC_UNSIGNED_FORWARD' });
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const path = req.url ?? '/';
      // Both settled from the head alone, before one byte of the body is read.
      // Absolute-form (proxy) and `*` targets are never an AWS API call, nor served.
      if (!path.startsWith('/')) return refuse(req, res, unknownOperation(req.method ?? 'GET', path));
      const refused = refusalOf(req.headers);
      if (refused !== undefined) return refuse(req, res, jsonResponse(403, { message: refused }));
      const body = await readBody(req);
      if (body === undefined) {
        const message = `lambda-cassette's loopback server reads request bodies up to ${MAX_LOOPBACK_BODY_BYTES} bytes (Lambda's 6 MB payload limit and headroom)`;
        return refuse(req, res, errorResponse(LAMBDA_ERRORS.RequestTooLargeException, message));
      }
      const pathname = path.split('?')[0];
      if (pathname === CALLS_PATH) {
        // Every payload is in there: never cached, never sniffed as a script.
        if (req.method === 'GET' || req.method === 'HEAD')
          send(
            res,
            jsonResponse(200, double.calls, { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }),
          );
        else send(res, jsonResponse(405, { message: `${CALLS_PATH} only answers GET` }, { allow: 'GET, HEAD' }));
        return;
      }
      if (req.headers[VIA_HEADER] === id) {
        const loop = new LoopbackForwardLoopError(origin);
        // The forwarding side only sees a closed connection; say why where a person will see it.
        if (!options.onFailure) process.emitWarning(loop.message, { code: loop.code });
        fail(req.socket, loop, req, body);
        return;
      }
      const wire: WireRequest = {
        method: req.method ?? 'GET',
        url: `${origin}${path}`,
        headers: { ...req.headers, [VIA_HEADER]: id },
        body,
        ...(options.sign ? { signForTarget: true } : {}),
      };
      const outcome = await double.handle(wire);
      if (outcome === undefined) return send(res, unserved(double, wire, path));
      if (outcome.kind === 'response') {
        if (!options.sign && outcome.sentSecrets === undefined && double.reachesUpstream && refusesSignature(outcome))
          warnUnsigned();
        return send(res, outcome);
      }
      if (outcome.kind === 'failure') {
        const answer = cassetteRefusal(outcome.error);
        if (answer === undefined) return fail(req.socket, outcome.error, req, body);
        // An answer the client will not retry: a closed connection would make the AWS CLI and boto3 retry for seconds.
        send(res, answer);
        const request = { method: req.method ?? '', path };
        if (options.onFailure && reported.first(outcome.error.name, req.headers, request.method, request.path, body))
          options.onFailure(outcome.error, request);
        return;
      }
      // Transport faults, as a socket would see them: a reset is an RST; a timeout is an answer that
      // never comes (the client's own timeout decides; close() drops the connection).
      if (outcome.fault === 'connection-reset') req.socket.resetAndDestroy();
    })().catch((error: unknown) => fail(req.socket, error instanceof Error ? error : new Error(String(error)), req));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A client that sends garbage gets what Node sends (400) and its connection closed.
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  origin = `http://127.0.0.1:${actualPort}`;
  const forgetOrigin = addLoopbackOrigin(origin);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      forgetOrigin();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }));
  double.attach({ detach: close });
  return { url: origin, port: actualPort, close };
}
