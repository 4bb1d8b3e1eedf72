/**
 * Origins of the loopback servers open doubles listen on. The http/https door intercepts InvokeAsync to
 * any host, but a request this process sends to a double's own loopback server asked for that
 * server: the doors leave those origins alone.
 */
import { held } from './door-registry.js';

// Process-wide: a server opened through one copy of the package is left alone by the other's doors.
const origins = held('loopback-origins', () => new Set<string>());

/** Registers `origin` (`http://127.0.0.1:PORT`) until the returned function is called. */
export function addLoopbackOrigin(origin: string): () => void {
  origins.add(origin);
  return () => void origins.delete(origin);
}

/** Whether `origin` is a loopback server of an open double. */
export function isLoopbackOrigin(origin: string | undefined): boolean {
  return origin !== undefined && origins.has(origin);
}

/** The loopback servers' origins now (for the worker-thread guard, which runs in another thread). */
export function loopbackOriginList(): string[] {
  return [...origins];
}
