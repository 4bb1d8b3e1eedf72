/**
 * Global `fetch` while a double is open, by the same claim as the http/https door: a thin stand-in
 * in front of `globalThis.fetch` (module-layers.ts keeps it in front of msw's or nock's patches) so
 * fetch keeps reaching the double without lambda-cassette loading nock. The undici dispatcher door
 * is meant to take this over.
 */
import type { DoorPort } from '../../engine/door-port.js';
import { faultError } from '../shared/transport-faults.js';
import { forwardUpstream } from '../../recording/forward-upstream.js';
import { CONNECTION_HEADERS, type WireOutcome } from '../../wire/wire-types.js';
import { isServedOperation } from '../../wire/lambda-operation.js';
import { layerOver, type Layered } from './module-layers.js';
import { claimHttpRequest, nockConflict } from './claim.js';

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

type Fetch = typeof fetch;

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function responseOf(outcome: WireOutcome): Response {
  if (outcome.kind === 'fault') throw new TypeError('fetch failed', { cause: faultError(outcome.fault) });
  if (outcome.kind === 'failure') throw new TypeError('fetch failed', { cause: outcome.error });
  const headers = new Headers();
  for (const name in outcome.headers) if (!CONNECTION_HEADERS.has(name.toLowerCase())) headers.set(name, outcome.headers[name]!);
  return new Response(NULL_BODY.has(outcome.status) ? null : (outcome.body as Uint8Array<ArrayBuffer>), { status: outcome.status, headers });
}

async function answer(double: DoorPort, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const wire = { method: request.method, url: url.href, headers: headerRecord(request.headers), body: new Uint8Array(await request.arrayBuffer()) };
  const conflict = isServedOperation(wire.method, url.pathname, wire.headers) ? nockConflict(double, wire.method, url.origin, `${url.pathname}${url.search}`) : undefined;
  if (conflict) throw new TypeError('fetch failed', { cause: conflict });
  const outcome = await double.handle(wire);
  if (outcome) return responseOf(outcome);
  const verdict = double.judgeUnhandled(wire);
  if (!verdict.bypass) throw new TypeError('fetch failed', { cause: verdict.error });
  return responseOf(await forwardUpstream(wire));
}

function front(open: readonly DoorPort[]) {
  return (next: (...args: unknown[]) => unknown, _self: unknown, args: unknown[]): unknown => {
    if (open.length === 0) return next(...args);
    const [input, init] = args as Parameters<Fetch>;
    let url: URL;
    try {
      url = new URL(input instanceof Request ? input.url : String(input));
    } catch {
      return next(...args);
    }
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const headers = headerRecord(new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)));
    const path = `${url.pathname}${url.search}`;
    const double = claimHttpRequest(open, { protocol: url.protocol, hostname: url.hostname, origin: url.origin, method, path, pathname: url.pathname, headers });
    if (!double) return next(...args);
    return answer(double, new Request(input, init));
  };
}

// On globalThis so the ESM and CJS builds (dual-package hazard) patch fetch once.
const STATE_KEY = Symbol.for('lambda-cassette.fetch-bridge.v1');
const state: { patch?: Layered } = ((globalThis as Record<symbol, unknown>)[STATE_KEY] as { patch?: Layered } | undefined) ??
  ((globalThis as Record<symbol, unknown>)[STATE_KEY] = {});

/** Puts the stand-in in front of `globalThis.fetch` for the doubles in `open`; returns the undo for when none is left. */
export function attachFetchBridge(open: readonly DoorPort[]): () => void {
  if (typeof globalThis.fetch !== 'function') return () => {};
  if (!state.patch || globalThis.fetch !== state.patch.front) state.patch = layerOver(globalThis, 'fetch', front(open));
  return () => {
    if (state.patch?.release()) delete state.patch;
  };
}
