/**
 * Keeps a caller's nock calls from silently opening a double (API §8 "Interference is loud"):
 *
 * - `nock.cleanAll()` removes every interceptor, the door's included, and `nock.restore()` turns
 *   interception off (nock.back's record mode does it too). While a double is open the door wraps
 *   both on the nock module: after the caller's call it puts its interceptors back (and nock on), and
 *   a `restore()` asked for while open is carried out when the last double closes.
 * - A reference taken before the door wrapped them (`const { cleanAll } = nock`) bypasses that; so
 *   nock's `no match` event, which fires for every request nock is about to let through to the
 *   network, is watched too: Lambda traffic there while a double is open is stopped with an error
 *   the double also reports at `close()`.
 */
import type { Destination } from './nock-keys.js';

type Nock = typeof import('nock');

/** A request as nock's `no match` event describes it. */
export interface PassingRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
}

/** What the guard asks of the door. */
export interface GuardHooks {
  /** Whether any double is open. */
  active(): boolean;
  /** Puts the door's interceptors back into nock. */
  reinstall(): void;
  /** Decides what becomes of Lambda traffic about to reach the network; throws to stop it. */
  stop(request: PassingRequest, where: Destination): void;
}

interface GuardState {
  originals: { cleanAll: Nock['cleanAll']; restore: Nock['restore'] };
  /** A caller's `restore()` while a double was open, to be carried out when the last one closes. */
  restoreDeferred: boolean;
  /** The door turned nock on at open; it turns it off again when the last double closes. */
  activatedByDoor: boolean;
  listener: (...args: unknown[]) => void;
}

const guards = new WeakMap<object, GuardState>();

function headerRecord(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers && typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function') {
    (headers as Headers).forEach((value, name) => {
      out[name] = value;
    });
    return out;
  }
  for (const [name, value] of Object.entries((headers as Record<string, unknown> | undefined) ?? {})) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** Reads the request out of any of the shapes nock 14 and 15 emit `no match` with. */
export function passingRequest(args: readonly unknown[]): PassingRequest | undefined {
  const [first, second] = args as [Record<string, unknown> | undefined, Record<string, unknown> | undefined];
  if (!first || typeof first !== 'object') return undefined;
  try {
    if (typeof first['url'] === 'string' && typeof (first['headers'] as Headers | undefined)?.get === 'function') {
      return { method: String(first['method']), url: new URL(first['url']), headers: headerRecord(first['headers']) };
    }
    const options = (second && 'proto' in second ? second : ((first['options'] as Record<string, unknown> | undefined) ?? first)) as Record<string, unknown>;
    if (typeof options['proto'] !== 'string') return undefined;
    const host = String(options['host'] ?? options['hostname'] ?? '');
    const port = options['port'] !== undefined && !host.includes(':') ? `:${String(options['port'])}` : '';
    const headers = typeof first['getHeaders'] === 'function' ? (first['getHeaders'] as () => unknown)() : options['headers'];
    return {
      method: String(options['method'] ?? first['method'] ?? 'GET'),
      url: new URL(`${options['proto']}://${host}${port}${String(options['path'] ?? '/')}`),
      headers: headerRecord(headers),
    };
  } catch {
    return undefined;
  }
}

// The router form of `no match` (request, options, body) fires inside a timer, where a throw would
// crash the process: there the request is failed through its own 'real-request' step instead.
function refuse(args: readonly unknown[], error: unknown): void {
  const [first, second] = args as [{ emit?: (event: string, ...rest: unknown[]) => boolean } | undefined, unknown];
  if (args.length >= 3 && second && typeof first?.emit === 'function') {
    const emit = first.emit;
    first.emit = function (this: unknown, event: string, ...rest: unknown[]): boolean {
      if (event !== 'real-request') return emit.call(this, event, ...rest);
      first.emit = emit;
      return emit.call(this, 'error', error);
    };
    return;
  }
  throw error;
}

/** Starts guarding `nock` for the door, and turns nock on if it is off; `hooks` are read at call time. */
export function guardNock(nock: Nock, hooks: GuardHooks): void {
  const wasOff = !nock.isActive();
  if (wasOff) nock.activate();
  const existing = guards.get(nock);
  if (existing) {
    // Turned off through a reference the guard does not see: on again, and off again at the end.
    existing.activatedByDoor ||= wasOff;
    return;
  }
  const originals = { cleanAll: nock.cleanAll, restore: nock.restore };
  const state: GuardState = {
    originals,
    restoreDeferred: false,
    activatedByDoor: wasOff,
    listener: (...args: unknown[]) => {
      if (!hooks.active()) return;
      const request = passingRequest(args);
      if (!request) return;
      try {
        hooks.stop(request, { origin: request.url.origin, hostname: request.url.hostname });
      } catch (error) {
        refuse(args, error);
      }
    },
  };
  guards.set(nock, state);
  nock.cleanAll = function cleanAll(this: unknown) {
    const result = originals.cleanAll.call(this) as unknown;
    if (hooks.active()) hooks.reinstall();
    return result;
  } as Nock['cleanAll'];
  nock.restore = function restore(this: unknown) {
    originals.restore.call(this);
    if (!hooks.active()) return;
    state.restoreDeferred = true;
    if (!nock.isActive()) nock.activate();
  } as Nock['restore'];
  nock.emitter.on('no match', state.listener);
}

/** Whether nock is intercepting at all (a restore through an old reference turns it off unseen). */
export function nockIsOn(nock: Nock): boolean {
  return nock.isActive();
}

/** Undoes the guard when the last double closes: nock's own functions back, nock as the door found it. */
export function releaseNock(nock: Nock): void {
  const state = guards.get(nock);
  if (!state) return;
  guards.delete(nock);
  nock.cleanAll = state.originals.cleanAll;
  nock.restore = state.originals.restore;
  nock.emitter.removeListener('no match', state.listener);
  if ((state.activatedByDoor || state.restoreDeferred) && nock.isActive()) state.originals.restore.call(nock);
}
