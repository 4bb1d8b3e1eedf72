/**
 * The in-process patches every double attaches, in one table: undici's dispatchers, global
 * `fetch`, `http2`, and the guard on worker threads. Doors never import one another; this table is
 * the one place that knows them all.
 */
import type { DoorPort } from '../engine/door-port.js';
import { attachPatches } from './shared/door-registry.js';
import { DISPATCHER_PATCH } from './undici/dispatcher-door.js';
import { FETCH_PATCH } from './undici/fetch-door.js';
import { HTTP2_PATCH } from './http2/http2-door.js';
import { WORKER_PATCH } from './worker/worker-door.js';

const IN_PROCESS_PATCHES = [DISPATCHER_PATCH, FETCH_PATCH, HTTP2_PATCH, WORKER_PATCH];

/**
 * Routes this process's undici, `fetch`, `http2` and worker-thread Lambda traffic to `double` until
 * `close()`. Called after the http/https door (so the `fetch` wrapper sits above nock's and answers
 * Lambda calls once, itself).
 */
export function attachInProcessDoors(double: DoorPort): void {
  attachPatches(double, IN_PROCESS_PATCHES);
}
