/**
 * The two nock scope keys the door owns, and where a request is going as nock describes it.
 *
 * nock picks ONE scope per request: the first key (in insertion order) that matches the request's
 * origin, and never deletes a key. So the keys are RegExp objects whose `exec` decides at request
 * time, and match nothing once no double is open (they outlive the doubles, one object each for the
 * process, because nock keeps the first key object it saw for a given pattern). They also decline
 * an origin the caller has their own nock scope for, so a double never shadows the caller's mocks;
 * the door adds its InvokeAsync interceptor to the caller's scope instead (see nock-interceptors.ts).
 */
import type { Destination } from '../shared/destination.js';

export type { Destination } from '../shared/destination.js';

// nock tests a RegExp key against "host", "proto://host:port" and "METHOD proto://host:port/path".
const WITH_ORIGIN = /^(?:[A-Z]+ )?([a-z][a-z0-9+.-]*:\/\/[^/\s]+)/i;

/** Reads the destination out of any of the strings nock tests a scope key against. */
export function destinationOf(text: string): Destination | undefined {
  const origin = WITH_ORIGIN.exec(text)?.[1];
  if (origin !== undefined) {
    try {
      const url = new URL(origin);
      return { origin: url.origin, hostname: url.hostname };
    } catch {
      return undefined;
    }
  }
  return /^[^\s/:]+$/.test(text) ? { hostname: text.toLowerCase() } : undefined;
}

/** A scope key that matches whatever `claims` says, at the moment nock asks. */
export class ClaimKey extends RegExp {
  claims: (where: Destination) => boolean = () => false;

  override exec(text: string): RegExpExecArray | null {
    const where = destinationOf(String(text));
    if (!where || !this.claims(where)) return null;
    return Object.assign([String(text)], { index: 0, input: String(text), groups: undefined }) as RegExpExecArray;
  }
}

/** The origins of the caller's own nock scopes with string base paths ("GET https://host:443/path" keys). */
export function callerOrigins(mockKeys: readonly string[]): Map<string, string> {
  const origins = new Map<string, string>();
  for (const key of mockKeys) {
    const base = /^\S+ ([a-z][a-z0-9+.-]*:\/\/[^/\s]+)/i.exec(key)?.[1];
    if (base === undefined) continue;
    try {
      origins.set(new URL(base).origin, base);
    } catch {
      // Not a URL: a key this door cannot reason about.
    }
  }
  return origins;
}
