/**
 * The one registry every door that patches the process shares (http/https, the SDK's node handler,
 * undici, `fetch`, `http2`, worker threads): the doubles that are open, and the patches installed
 * for them. Every patch returns its undo. The first double to open installs a patch; each later
 * one lets it pick up what was loaded since (a copy of undici or of the SDK imported after the
 * first double opened); the last double to close runs every undo, newest first.
 *
 * A double leaves the registry as its `close()` begins (at its first door's detach), so no door
 * hands a closing double a new request while another door is still being detached.
 */
import type { DoorPort } from '../../engine/door-port.js';
import { InterceptionLostError } from '../../common/http-door-errors.js';

/** Undoes one patch. */
export type Undo = () => void;

/** One patch of the process: `install` runs while a double is open and returns its undo. */
export interface ProcessPatch {
  /** Names the patch, so the ESM and CJS builds of the library install it once between them. */
  name: string;
  install(): Undo;
  /** Called at every later attach: patches what appeared since `install` (returns more undos). */
  refresh?(): Undo[];
  /** Why the patch is no longer in place (other code took it away), checked as each double leaves. */
  lost?(): string | undefined;
}

interface Installed {
  patch: ProcessPatch;
  undos: Undo[];
}

interface Registry {
  /** Doubles that are open, newest last. */
  open: DoorPort[];
  /** The patches in place, by name, in install order. */
  installed: Map<string, Installed>;
  /** What a patch or a door keeps for the whole process, by name (see {@link held}). */
  held: Map<string, unknown>;
}

// The only global lambda-cassette puts on globalThis: the ESM and CJS builds of the package are two
// copies of every module (the dual-package hazard), and patches of the one `http`, `fetch`, ... of
// the process must be installed, counted and undone once between them.
const KEY = Symbol.for('lambda-cassette.doors.v1');
const registry: Registry =
  ((globalThis as Record<symbol, unknown>)[KEY] as Registry | undefined) ??
  ((globalThis as Record<symbol, unknown>)[KEY] = {
    open: [],
    installed: new Map(),
    held: new Map(),
  } satisfies Registry);

/** The doubles that are open, newest last (live: the patches read it at every request). */
export const openDoubles: readonly DoorPort[] = registry.open;

/**
 * The process-wide value named `name`, made by `init` the first time: state that both copies of the
 * package must see as one (the loopback servers' origins, the async context's storage, ...).
 */
export function held<T>(name: string, init: () => T): T {
  if (!registry.held.has(name)) registry.held.set(name, init());
  return registry.held.get(name) as T;
}

/** How many undos of patches are waiting (for leak checks in tests). */
export function patchesInPlace(): number {
  let count = 0;
  for (const { undos } of registry.installed.values()) count += undos.length;
  return count;
}

function runUndos(): void {
  const all = [...registry.installed.values()].flatMap(({ undos }) => undos).reverse();
  registry.installed.clear();
  for (const undo of all) undo();
}

function leave(double: DoorPort): void {
  const index = registry.open.indexOf(double);
  if (index < 0) return;
  for (const { patch } of registry.installed.values()) {
    const why = patch.lost?.();
    if (why !== undefined) double.noteInterference(new InterceptionLostError(double.settings.label, why));
  }
  registry.open.splice(index, 1);
  if (registry.open.length === 0) runUndos();
}

/**
 * Installs `patches` (or refreshes them) and counts `double` open until its `close()`; the last
 * double to close removes every patch.
 */
export function attachPatches(double: DoorPort, patches: readonly ProcessPatch[]): void {
  try {
    for (const patch of patches) {
      const installed = registry.installed.get(patch.name);
      if (!installed) registry.installed.set(patch.name, { patch, undos: [patch.install()] });
      else if (patch.refresh) installed.undos.push(...patch.refresh());
    }
  } catch (error) {
    if (registry.open.length === 0) runUndos();
    throw error;
  }
  if (registry.open.includes(double)) return;
  registry.open.push(double);
  double.attach({ detach: () => leave(double) });
}
