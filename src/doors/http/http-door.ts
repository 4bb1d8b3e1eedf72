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
import { isServedOperation } from '../../wire/lambda-operation.js';
import { CONNECTION_HEADERS } from '../../wire/wire-types.js';
import { forwardUpstream } from '../../recording/forward-upstream.js';
import { InterceptionLostError } from '../../common/http-door-errors.js';
import { faultError } from '../shared/transport-faults.js';
import { LightRequest } from './light-request.js';
import { claimHttpRequest } from './claim.js';
import { nockConflict } from '../shared/caller-nock.js';
import { InvalidOptionError } from '../../common/seal-errors.js';
import { layerOver, type Layered } from './module-layers.js';
import { splitArgs, targetOf, type Protocol, type RequestArgs, type RequestTarget } from './request-target.js';

interface DoorState {
  /** Doubles that are open, newest last. */
  open: DoorPort[];
  /** The patched functions by PATCHED index (kept after the last close while another patcher is stacked over one). */
  patches: (Layered | undefined)[];
}

// On globalThis so the ESM and CJS builds (dual-package hazard) patch each function once.
const STATE_KEY = Symbol.for('lambda-cassette.http-door.v1');
const state: DoorState =
  ((globalThis as Record<symbol, unknown>)[STATE_KEY] as DoorState | undefined) ??
  ((globalThis as Record<symbol, unknown>)[STATE_KEY] = { open: [], patches: [] } satisfies DoorState);
const { open } = state;

function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    throw new InvalidOptionError(`lambda-cassette: option "endpoint" must be an absolute URL, got "${endpoint}"`);
  }
}

function withoutConnectionHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) if (!CONNECTION_HEADERS.has(name.toLowerCase())) out[name] = headers[name]!;
  return out;
}

function headersOf(req: LightRequest): Record<string, string> {
  const out: Record<string, string> = {};
  const headers = req.getHeaders();
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

async function serve(double: DoorPort, req: LightRequest, target: RequestTarget): Promise<void> {
  const wire: WireRequest = {
    method: req.method,
    url: `${target.origin}${req.path}`,
    headers: headersOf(req),
    body: Buffer.concat(req.chunks),
  };
  try {
    const conflict = isServedOperation(wire.method, target.pathname, wire.headers as Record<string, string>)
      ? nockConflict(double, wire.method, target.origin, req.path)
      : undefined;
    if (conflict) throw conflict;
    let outcome = await double.handle(wire);
    if (!outcome) {
      const verdict = double.judgeUnhandled(wire);
      if (!verdict.bypass) throw verdict.error;
      const forwarded = await forwardUpstream(wire);
      outcome = { ...forwarded, headers: withoutConnectionHeaders(forwarded.headers) };
    }
    if (outcome.kind === 'fault') throw faultError(outcome.fault);
    if (outcome.kind === 'failure') throw outcome.error;
    req.respond(outcome.status, outcome.headers, outcome.body);
  } catch (error) {
    req.destroy(error instanceof Error ? error : new Error(String(error)));
  }
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
    (req) => void serve(double, req, target),
  );
}

function front(protocol: Protocol, get: boolean) {
  return (next: (...args: unknown[]) => unknown, _self: unknown, args: unknown[]): unknown => {
    if (open.length === 0) return next(...args);
    const split = splitArgs(args);
    const target = targetOf(protocol, split);
    // A protocol this module does not speak: Node throws for it, as without a double.
    if (target?.protocol !== protocol) return next(...args);
    // Every Invoke POST is a double's whatever its invocation type, so the call's headers decide nothing more.
    const double = claimHttpRequest(open, target);
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

function isOurs(i: number): boolean {
  const [owner, name] = PATCHED[i]!;
  return state.patches[i] !== undefined && (owner as Record<string, unknown>)[name] === state.patches[i]!.front;
}

/** Whether each patched function is still ours (someone's `Object.defineProperty` can take it away). */
function stillPatched(): boolean {
  return PATCHED.every((_, i) => isOurs(i));
}

function patchAll(): void {
  PATCHED.forEach(([owner, name, protocol, get], i) => {
    if (!isOurs(i)) state.patches[i] = layerOver(owner, name, front(protocol, get));
  });
}

/** Starts answering this process's http/https Lambda traffic from `double` until `close()`. */
export function attachHttpDoor(double: DoorPort): void {
  double.settings.endpoints.forEach(originOf);
  patchAll();
  open.push(double);
  double.attach({
    detach: () => {
      if (!stillPatched()) {
        double.noteInterference(
          new InterceptionLostError(
            double.settings.label,
            'http.request, http.get, https.request or https.get was redefined (Object.defineProperty) by other code',
          ),
        );
      }
      const index = open.indexOf(double);
      if (index >= 0) open.splice(index, 1);
      if (open.length > 0) return;
      // A patcher stacked over ours keeps our (now idle) front function in place until it lets go.
      // A property someone redefined is theirs now: it is left as they made it.
      state.patches = state.patches.map((patch, i) => (!patch || !isOurs(i) || patch.release() ? undefined : patch));
    },
  });
}
