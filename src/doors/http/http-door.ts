/**
 * The door for every Node client built on `http`/`https` (aws-sdk v2, raw `http.request`, a custom
 * SDK `requestHandler`, axios, got...): while a double is open, `http.request`, `http.get`,
 * `https.request` and `https.get` hand the double, in-process, every request to an AWS Lambda host,
 * Lambda API requests to a double's `endpoint`, and InvokeAsync and Invoke Event to any other host
 * (the same claim as the SDK door, shared/destination.ts); what the double does not serve meets
 * its `onUnhandledRequest`. Everything else goes on untouched, through whatever the caller's nock,
 * msw or Polly put on those functions, with their settings (`disableNetConnect()` included).
 *
 * The request the caller gets has `ClientRequest`'s surface and a real `IncomingMessage` for an
 * answer (light-request.ts): no nock, no socket, no parser, no timers. Our function stays in front of the
 * others' patches and survives their undo (module-layers.ts), so no `nock.restore()`, recorder or
 * `nock.back` mode can let Lambda traffic out.
 */
import http from 'node:http';
import https from 'node:https';
import type { DoorPort } from '../../engine/door-port.js';
import type { WireRequest } from '../../wire/wire-types.js';
import { CONNECTION_HEADERS, type WireResponse } from '../../wire/wire-types.js';
import { answerRequestNow, type AnswerForm } from '../shared/answer-request.js';
import { attachPatches, held, openDoubles, type ProcessPatch, type Undo } from '../shared/door-registry.js';
import { LightRequest } from './light-request.js';
import { claimHttpRequest } from './claim.js';
import { nockConflict } from '../shared/caller-nock.js';
import { InvalidOptionError } from '../../common/seal-errors.js';
import { layerOver, type Layered } from './module-layers.js';
import { splitArgs, targetOf, type Protocol, type RequestArgs, type RequestTarget } from './request-target.js';

function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    throw new InvalidOptionError(`lambda-cassette: option "endpoint" must be an absolute URL, got "${endpoint}"`);
  }
}

function withoutConnectionHeaders(response: WireResponse): WireResponse {
  const headers: Record<string, string> = {};
  for (const name in response.headers)
    if (!CONNECTION_HEADERS.has(name.toLowerCase())) headers[name] = response.headers[name]!;
  return { ...response, headers };
}

// A forwarded answer comes with the real server's connection headers; the caller has no connection.
const HTTP_FORM: AnswerForm = { forwarded: withoutConnectionHeaders };

function fail(req: LightRequest, error: unknown): void {
  req.destroy(error instanceof Error ? error : new Error(String(error)));
}

function respond(req: LightRequest, answer: WireResponse): void {
  req.respond(answer.status, answer.headers, answer.body);
}

/**
 * Answers `req` once the caller has ended it. The answer comes a microtask after 'finish' at the
 * soonest, as it did when this awaited the engine: what a 'finish' listener queues runs first.
 */
function serve(double: DoorPort, req: LightRequest, target: RequestTarget): void {
  const headers = req.wireHeaders();
  const wire: WireRequest = {
    method: req.method,
    url: `${target.origin}${req.path}`,
    headers,
    body: req.writtenBody.bytes(),
  };
  if (req.writtenBody.text !== undefined) wire.text = req.writtenBody.text;
  let answer: WireResponse | Promise<WireResponse>;
  try {
    const conflict = target.served ? nockConflict(double, wire.method, target.origin, req.path) : undefined;
    if (conflict) throw conflict;
    answer = answerRequestNow(double, wire, HTTP_FORM);
  } catch (error) {
    queueMicrotask(() => fail(req, error));
    return;
  }
  if (answer instanceof Promise)
    answer.then(
      (answered) => respond(req, answered),
      (error: unknown) => fail(req, error),
    );
  else queueMicrotask(() => respond(req, answer));
}

/** The request object for a call `double` answers. */
function answered(double: DoorPort, { options, callback }: RequestArgs, target: RequestTarget): LightRequest {
  return new LightRequest(
    {
      method: target.method,
      path: target.path,
      host: target.hostname,
      protocol: target.protocol,
      hostHeader: target.origin.slice(target.protocol.length + 2),
      headers: options.headers,
      ...(typeof options.auth === 'string' ? { auth: options.auth } : {}),
      ...(typeof options.timeout === 'number' ? { timeout: options.timeout } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
    callback as ((res: http.IncomingMessage) => void) | undefined,
    (req) => serve(double, req, target),
  );
}

function front(protocol: Protocol, get: boolean) {
  return (next: (...args: unknown[]) => unknown, _self: unknown, args: unknown[]): unknown => {
    if (openDoubles.length === 0) return next(...args);
    const split = splitArgs(args);
    const target = targetOf(protocol, split);
    // A protocol this module does not speak: Node throws for it, as without a double.
    if (target?.protocol !== protocol) return next(...args);
    // Every Invoke POST is a double's whatever its invocation type, so the call's headers decide nothing more.
    const double = claimHttpRequest(openDoubles, target);
    if (!double) return next(...args);
    const req = answered(double, split, target);
    if (get) req.end();
    return req;
  };
}

const PATCHED: ReadonlyArray<[object, string, Protocol, boolean]> = [
  [http, 'request', 'http:', false],
  [http, 'get', 'http:', true],
  [https, 'request', 'https:', false],
  [https, 'get', 'https:', true],
];

// The functions in front, by PATCHED index: process-wide, and kept after the last close while
// another patcher is stacked over one (our idle function stays until they let go).
const layers = held('http-door-layers', (): (Layered | undefined)[] => []);

function isOurs(i: number): boolean {
  const [owner, name] = PATCHED[i]!;
  return layers[i] !== undefined && (owner as Record<string, unknown>)[name] === layers[i]!.front;
}

/** Puts our function in front of each PATCHED function where it is not (all at install; any someone redefined since, later). */
function layerAll(install: boolean): Undo[] {
  const undos: Undo[] = [];
  PATCHED.forEach(([owner, name, protocol, get], i) => {
    if (isOurs(i) && !install) return;
    const layered = isOurs(i) ? layers[i]! : (layers[i] = layerOver(owner, name, front(protocol, get)));
    undos.push(() => {
      // A property someone redefined is theirs now: it is left as they made it.
      if (layers[i] === layered && (!isOurs(i) || layered.release())) layers[i] = undefined;
    });
  });
  return undos;
}

const HTTP_PATCH: ProcessPatch = {
  name: 'http-request',
  install() {
    const undos = layerAll(true);
    return () => undos.forEach((undo) => undo());
  },
  refresh: () => layerAll(false),
  // Someone's `Object.defineProperty` can take a function away from us.
  lost: () =>
    PATCHED.every((_, i) => isOurs(i))
      ? undefined
      : 'http.request, http.get, https.request or https.get was redefined (Object.defineProperty) by other code',
};

/** Starts answering this process's http/https Lambda traffic from `double` until `close()`. */
export function attachHttpDoor(double: DoorPort): void {
  double.settings.endpoints.forEach(originOf);
  attachPatches(double, [HTTP_PATCH]);
}
