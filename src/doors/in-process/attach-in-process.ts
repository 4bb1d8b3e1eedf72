/**
 * Attaching the in-process doors that sit below client libraries: undici's dispatchers, global
 * `fetch`, `http2`, and the guard on worker threads. One call per double, after the nock door (so
 * the `fetch` wrapper sits above nock's and answers Lambda calls once, itself).
 */
import type { DoorPort } from '../../engine/door-port.js';
import { attachPatches } from './patch-registry.js';
import { DISPATCHER_PATCH } from '../undici/dispatcher-door.js';
import { FETCH_PATCH } from '../undici/fetch-door.js';
import { HTTP2_PATCH } from '../http2/http2-door.js';
import { WORKER_PATCH } from '../worker/worker-door.js';

/** Routes this process's undici, `fetch`, `http2` and worker-thread Lambda traffic to `double` until `close()`. */
export function attachInProcessDoors(double: DoorPort): void {
  attachPatches(double, [DISPATCHER_PATCH, FETCH_PATCH, HTTP2_PATCH, WORKER_PATCH]);
}
