/**
 * The preload a worker thread started while a double is open runs first (`--require`): it makes
 * every Lambda request of the worker fail with `LC_WORKER_REQUEST_REFUSED` before a byte of it is
 * sent, because the double (its engine, its call log) lives in the parent thread and cannot answer
 * there. It is CommonJS source with the rules of the parent's doubles at the time the worker
 * started written in: AWS Lambda hosts, the doubles' endpoints (Lambda API paths), InvokeAsync and
 * Invoke Event to any host; a double's own loopback server is let through (the caller asked for it).
 *
 * Covered in the worker: `http`/`https` (any agent: checked when the request's headers are about
 * to be sent), Node's `fetch` and every undici dispatcher (Node's own, and each `undici` package
 * the worker loads), and `http2.connect`.
 */
import { INVOKE_ASYNC_FAMILY, INVOKE_PATH_FAMILY, LAMBDA_API_PATH, LAMBDA_HOST } from '../../wire/lambda-address.js';

/** What the guard needs to know of the parent's doubles. */
interface GuardRules {
  /** Origins of the open doubles' endpoints. */
  endpoints: string[];
  /** Origins of the open doubles' loopback servers. */
  loopback: string[];
}

const pattern = (re: RegExp) => JSON.stringify([re.source, re.flags]);

/** The preload's source for `rules`. */
export function guardSource(rules: GuardRules): string {
  return `'use strict';
// Written by lambda-cassette: refuses Lambda requests from a worker thread started while a double was open.
const RULES = ${JSON.stringify(rules)};
const re = (p) => new RegExp(p[0], p[1]);
const LAMBDA_HOST = re(${pattern(LAMBDA_HOST)});
const INVOKE_ASYNC = re(${pattern(INVOKE_ASYNC_FAMILY)});
const INVOKE = re(${pattern(INVOKE_PATH_FAMILY)});
const API_PATH = re(${pattern(LAMBDA_API_PATH)});

function lower(headers) {
  const out = {};
  if (!headers) return out;
  const add = (k, v) => { if (v !== undefined && v !== null) out[String(k).toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v); };
  if (Array.isArray(headers)) {
    if (Array.isArray(headers[0])) for (const [k, v] of headers) add(k, v);
    else for (let i = 0; i + 1 < headers.length; i += 2) add(headers[i], headers[i + 1]);
  } else if (typeof headers[Symbol.iterator] === 'function') for (const [k, v] of headers) add(k, v);
  else for (const k of Object.keys(headers)) add(k, headers[k]);
  return out;
}

function refused(origin, hostname, method, path, headers) {
  if (RULES.loopback.includes(origin)) return false;
  const pathname = String(path).split('?')[0];
  if (LAMBDA_HOST.test(String(hostname).toLowerCase().replace(/\\.$/, ''))) return true;
  if (RULES.endpoints.includes(origin) && API_PATH.test(pathname)) return true;
  if (String(method).toUpperCase() !== 'POST') return false;
  if (INVOKE_ASYNC.test(pathname)) return true;
  // Every invocation type is a double's: Event, RequestResponse and DryRun alike.
  return INVOKE.test(pathname);
}

function refusal(method, url) {
  const error = new Error('lambda-cassette: ' + String(method).toUpperCase() + ' ' + url + ' was sent from a worker thread while a double was open. ' +
    'The double answers only the thread that opened it, so the request was stopped before it left. ' +
    'Make this call from the thread that opened the double, or pass the worker a client pointed at lambda.listen() (a loopback server the double answers).');
  error.name = 'WorkerRequestRefusedError';
  error.code = 'LC_WORKER_REQUEST_REFUSED';
  return error;
}

const http = require('node:http');
const ClientRequest = http.ClientRequest;
function checkRequest(req) {
  if (req.__lambdaCassetteChecked) return undefined;
  req.__lambdaCassetteChecked = true;
  const host = String(req.getHeader('host') || req.host || '');
  const protocol = req.protocol || (req.agent && req.agent.protocol) || 'http:';
  let url;
  try { url = new URL(protocol + '//' + host + req.path); } catch { return undefined; }
  if (!refused(url.origin, req.host || url.hostname, req.method, req.path, req.getHeaders())) return undefined;
  const error = refusal(req.method, url.href);
  req.destroy(error);
  return error;
}
for (const name of ['write', 'end', 'flushHeaders']) {
  const original = ClientRequest.prototype[name];
  ClientRequest.prototype[name] = function (...args) {
    if (checkRequest(this)) return name === 'write' ? false : this;
    return original.apply(this, args);
  };
}

function patchDispatcher(proto) {
  if (!proto || proto.__lambdaCassetteGuard) return;
  const original = proto.dispatch;
  proto.__lambdaCassetteGuard = true;
  proto.dispatch = function (opts, handler) {
    let origin = opts && opts.origin;
    if (opts && origin === undefined) {
      const key = Object.getOwnPropertySymbols(this).find((s) => s.description === 'url');
      origin = key && this[key];
    }
    if (opts && origin) {
      let url;
      try { url = new URL(String(opts.path || '/'), String(origin)); } catch { url = undefined; }
      if (url && refused(url.origin, url.hostname, opts.method, opts.path, lower(opts.headers))) {
        const error = refusal(opts.method, url.href);
        if (handler && typeof handler.onError === 'function') { handler.onError(error); return false; }
        if (handler && typeof handler.onResponseError === 'function') { handler.onResponseError({ abort() {}, pause() {}, resume() {} }, error); return false; }
        throw error;
      }
    }
    return original.call(this, opts, handler);
  };
}
function baseOf(object) {
  for (let p = object && Object.getPrototypeOf(object); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (Object.prototype.hasOwnProperty.call(p, 'dispatch') && p.constructor && p.constructor.name === 'DispatcherBase') return p;
  }
  return undefined;
}
// undici's own key for the global dispatcher, shared by every copy of undici in the worker.
const GLOBAL = Symbol.for('undici.globalDispatcher.1');
if (globalThis[GLOBAL] === undefined && typeof fetch === 'function') fetch('data:,').catch(() => {});
patchDispatcher(baseOf(globalThis[GLOBAL]));
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  const exports = load.call(this, request, ...rest);
  if (exports && typeof exports.Agent === 'function' && typeof exports.Dispatcher === 'function') patchDispatcher(baseOf(exports.Agent.prototype && Object.create(exports.Agent.prototype)));
  return exports;
};

const http2 = require('node:http2');
const connect = http2.connect;
http2.connect = function (authority, ...rest) {
  let url;
  try { url = new URL(typeof authority === 'string' || authority instanceof URL ? String(authority) : 'https://' + (authority.hostname || authority.host) + (authority.port ? ':' + authority.port : '')); } catch { url = undefined; }
  if (url && !RULES.loopback.includes(url.origin) && LAMBDA_HOST.test(url.hostname.toLowerCase().replace(/\\.$/, ''))) throw refusal('CONNECT', url.href);
  const session = connect.call(this, authority, ...rest);
  if (!url) return session;
  const request = session.request;
  session.request = function (headers, options) {
    const h = headers || {};
    if (refused(url.origin, url.hostname, h[':method'] || 'GET', h[':path'] || '/', lower(h))) throw refusal(h[':method'] || 'GET', url.origin + (h[':path'] || '/'));
    return request.call(this, headers, options);
  };
  return session;
};
require('node:module').syncBuiltinESMExports();
`;
}
