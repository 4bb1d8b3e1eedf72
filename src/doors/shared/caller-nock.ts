/**
 * The caller's own nock, seen without loading it: lambda-cassette never imports nock (loading it
 * patches `http` and global `fetch`, which breaks msw's interception in the same process). When the
 * caller has loaded nock, its module is in the CommonJS cache, and its active interceptors say
 * whether one of them would take a request a double serves.
 */
import { createRequire } from 'node:module';
import type { DoorPort } from '../../engine/door-port.js';
import { NockScopeConflictError } from '../../common/http-door-errors.js';

interface CallerNock {
  isActive(): boolean;
  activeMocks(): string[];
}

const require = createRequire(import.meta.url);
let nockPath: string | null | undefined;

/** The nock module the caller has loaded, if any (never loads it). */
function loadedNock(): CallerNock | undefined {
  if (nockPath === undefined) {
    try {
      nockPath = require.resolve('nock');
    } catch {
      nockPath = null;
    }
  }
  if (nockPath === null) return undefined;
  const exports = require.cache[nockPath]?.exports as (CallerNock & { default?: CallerNock }) | undefined;
  const nock = exports && typeof exports.activeMocks === 'function' ? exports : exports?.default;
  return nock && typeof nock.activeMocks === 'function' ? nock : undefined;
}

// nock names an interceptor "METHOD proto://host:port/path"; the path may be a RegExp's source.
const MOCK_KEY = /^(\S+) ([a-z][a-z0-9+.-]*:\/\/[^/\s]+)(.*)$/i;

// A RegExp path shows as "/" + its source ("//invoke/i"), a function path as "/" + its code.
function pathMatches(pattern: string, path: string): boolean {
  const regex = /^\/\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (regex) {
    try {
      return new RegExp(regex[1]!, regex[2]).test(path);
    } catch {
      return true;
    }
  }
  if (!pattern.startsWith('/') || /\s/.test(pattern)) return true;
  const bare = (p: string) => p.split('?')[0]!.replace(/\/$/, '');
  return bare(pattern) === bare(path);
}

/** Whether an active nock interceptor of the caller's would take `method` `origin``path`. */
export function callerNockTakes(origin: string, method: string, path: string): boolean {
  const nock = loadedNock();
  if (!nock || !nock.isActive()) return false;
  for (const key of nock.activeMocks()) {
    const parts = MOCK_KEY.exec(key);
    if (!parts) continue;
    let keyOrigin: string;
    try {
      keyOrigin = new URL(parts[2]!).origin;
    } catch {
      continue;
    }
    if (keyOrigin !== origin || parts[1]!.toUpperCase() !== method.toUpperCase()) continue;
    if (pathMatches(parts[3]!, path)) return true;
  }
  return false;
}

/** The refusal for a served request a caller's nock interceptor also matches (noted for `close()`), if any. */
export function nockConflict(double: DoorPort, method: string, origin: string, path: string): Error | undefined {
  if (!callerNockTakes(origin, method, path)) return undefined;
  const error = new NockScopeConflictError(double.settings.label, `${method} ${origin}${path}`);
  double.noteInterference(error);
  return error;
}
