/**
 * The door for every Node HTTP client: nock intercepts InvokeAsync requests to any Lambda host (and
 * to custom endpoints of open doubles) and hands them to the engine. Other traffic passes untouched.
 */
import type { Interceptor } from 'nock';
import type { LambdaDouble } from '../../engine/lambda-double.js';
import type { WireRequest } from '../../wire/wire-types.js';
import { faultError } from '../shared/transport-faults.js';
import { FORWARDED_HEADER } from '../../recording/forward-upstream.js';

type Nock = typeof import('nock');

/**
 * The scope of every AWS Lambda host, as a RegExp that matches only while `live`.
 *
 * nock picks one scope per request, by key, and never deletes a scope's key: removing the last
 * interceptor leaves the key behind, still claiming the requests it matches (and, with
 * `allowUnmocked`, passing them to the network). A plain RegExp key would outlive the double and
 * shadow the caller's own nock scopes for Lambda hosts for the rest of the process; this one stops
 * matching when the last double using it closes. One object for the whole process, because nock
 * keeps the first key object it saw for a given pattern.
 */
class LiveScope extends RegExp {
  live = false;

  override exec(text: string): RegExpExecArray | null {
    return this.live ? super.exec(text) : null;
  }
}

// nock tests a RegExp scope against "host", "proto://host:port" and "METHOD proto://host:port/path".
const AWS_LAMBDA_ORIGIN = /(^|\/\/)lambda\.[a-z0-9-]+\.amazonaws\.com(\.cn)?(:\d+)?(\/|$)/;
const INVOKE_ASYNC_PATH = /^\/2014-11-13\/functions\/[^/]+\/invoke-async\/?(\?.*)?$/;

interface NockRequest {
  headers: Record<string, string | string[] | undefined>;
  options: { proto: string; host: string };
  requestBodyBuffers?: Buffer[];
}

interface DoorState {
  /** Doubles that are open, newest last: the newest one that accepts a request answers it. */
  open: LambdaDouble[];
  /** Interceptors by origin key ("aws" or an endpoint origin), with how many doubles use each. */
  scopes: Map<string, { interceptor: Interceptor; users: number }>;
  /** The key of the AWS scope, created once (see {@link LiveScope}). */
  awsScope?: LiveScope;
  nock?: Promise<Nock>;
}

// Kept on globalThis so the ESM and CJS builds (dual-package hazard) share one registry.
const STATE_KEY = Symbol.for('lambda-cassette.nock-door');
const state: DoorState = ((globalThis as Record<symbol, unknown>)[STATE_KEY] as DoorState | undefined) ??
  ((globalThis as Record<symbol, unknown>)[STATE_KEY] = { open: [], scopes: new Map() } satisfies DoorState);
const { open, scopes } = state;

function loadNock(): Promise<Nock> {
  state.nock ??= import('nock').then((m) => ((m as { default?: Nock }).default ?? m) as Nock);
  return state.nock;
}

function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    throw new TypeError(`lambda-cassette: option "endpoint" must be an absolute URL, got "${endpoint}"`);
  }
}

function accepts(double: LambdaDouble, url: URL): boolean {
  return AWS_LAMBDA_ORIGIN.test(url.hostname) || double.settings.endpoints.some((e) => originOf(e) === url.origin);
}

function fromNock14(req: NockRequest, path: string): { wire: WireRequest; url: URL } {
  // `new URL` drops default ports, so origins compare equal however the caller spelled them.
  const url = new URL(`${req.options.proto}://${req.options.host}${path}`);
  const body = Buffer.concat(req.requestBodyBuffers ?? []);
  return { wire: { method: 'POST', url: url.href, headers: req.headers, body }, url };
}

async function fromFetchRequest(request: Request): Promise<{ wire: WireRequest; url: URL }> {
  const url = new URL(request.url);
  const body = new Uint8Array(await request.arrayBuffer());
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { wire: { method: request.method, url: url.href, headers, body }, url };
}

// nock 14 calls reply functions with (path, body) and the request on `this.req`; nock 15 with a
// Fetch API Request.
async function reply(this: { req?: NockRequest }, first: string | Request): Promise<[number, Buffer, Record<string, string>]> {
  const { wire, url } = typeof first === 'string' ? fromNock14(this.req!, first) : await fromFetchRequest(first);
  const double = open.findLast((d) => accepts(d, url));
  if (!double) throw Object.assign(new Error('lambda-cassette: no open double accepts this request'), { code: 'ECONNREFUSED' });
  const outcome = await double.handle(wire);
  if (!outcome) throw new Error(`lambda-cassette: ${wire.url} is not an InvokeAsync request`);
  if (outcome.kind === 'fault') throw faultError(outcome.fault);
  if (outcome.kind === 'failure') throw outcome.error;
  return [outcome.status, Buffer.from(outcome.body), outcome.headers];
}

/** Whether nock still holds `interceptor` (a caller's `nock.cleanAll()` drops every interceptor, ours included). */
function registered(nock: Nock, interceptor: Interceptor): boolean {
  const key = (interceptor as unknown as { _key?: string })._key;
  return key === undefined || nock.activeMocks().includes(key);
}

async function retain(key: string): Promise<void> {
  const nock = await loadNock();
  const existing = scopes.get(key);
  if (existing && registered(nock, existing.interceptor)) {
    existing.users += 1;
    return;
  }
  let basePath: string | RegExp = key;
  if (key === 'aws') {
    basePath = state.awsScope ??= new LiveScope(AWS_LAMBDA_ORIGIN.source);
    state.awsScope.live = true;
  }
  const interceptor = nock(basePath, { allowUnmocked: true, badheaders: [FORWARDED_HEADER] }).persist().post(INVOKE_ASYNC_PATH);
  interceptor.reply(reply as never);
  scopes.set(key, { interceptor, users: (existing?.users ?? 0) + 1 });
}

async function release(key: string): Promise<void> {
  const entry = scopes.get(key);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  scopes.delete(key);
  const nock = await loadNock();
  nock.removeInterceptor(entry.interceptor);
  if (key === 'aws' && state.awsScope) state.awsScope.live = false;
}

/** Starts routing this process's InvokeAsync HTTP traffic to `double` until `close()`. */
export async function attachNockDoor(double: LambdaDouble): Promise<void> {
  const keys = ['aws', ...new Set(double.settings.endpoints.map(originOf))];
  for (const key of keys) await retain(key);
  open.push(double);
  double.addAttachment({
    detach: async () => {
      const index = open.indexOf(double);
      if (index >= 0) open.splice(index, 1);
      for (const key of keys) await release(key);
    },
  });
}
