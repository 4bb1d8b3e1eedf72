/**
 * The doors that answer below a client library (undici's dispatchers, global `fetch`, `http2`,
 * worker threads) share one registry: the doubles that are open, and the patches installed for
 * them. Every patch returns its undo; the first double to open installs them, each later one lets
 * them pick up what was loaded since (a copy of undici imported after the first double opened),
 * and the last double to close runs every undo, newest first.
 */
import type { DoorPort } from '../../engine/door-port.js';

/** Undoes one patch. */
export type Undo = () => void;

/** One patch of the process: `install` runs while a double is open and returns its undo. */
export interface ProcessPatch {
  /** Names the patch, so the ESM and CJS builds of the library install it once between them. */
  name: string;
  install(): Undo;
  /** Called at every later attach: patches what appeared since `install` (returns more undos). */
  refresh?(): Undo[];
}

interface RegistryState {
  /** Doubles that are open, newest last. */
  open: DoorPort[];
  /** Undos of the patches in place, by patch name, in install order. */
  undos: Map<string, Undo[]>;
}

// On globalThis so the ESM and CJS builds (dual-package hazard) share one registry.
const STATE_KEY = Symbol.for('lambda-cassette.in-process-doors.v1');
const state: RegistryState =
  ((globalThis as Record<symbol, unknown>)[STATE_KEY] as RegistryState | undefined) ??
  ((globalThis as Record<symbol, unknown>)[STATE_KEY] = { open: [], undos: new Map() } satisfies RegistryState);

/** The doubles that are open, newest last (live: the patches read it at every request). */
export const openDoubles: readonly DoorPort[] = state.open;

/** Whether any patch of the registry is in place (for leak checks in tests). */
export function patchesInPlace(): number {
  let count = 0;
  for (const undos of state.undos.values()) count += undos.length;
  return count;
}

function runUndos(): void {
  const all = [...state.undos.values()].flat().reverse();
  state.undos.clear();
  for (const undo of all) undo();
}

/** Installs `patches` (or refreshes them) for `double` and removes them all when the last double closes. */
export function attachPatches(double: DoorPort, patches: readonly ProcessPatch[]): void {
  try {
    for (const patch of patches) {
      const undos = state.undos.get(patch.name);
      if (!undos) state.undos.set(patch.name, [patch.install()]);
      else if (patch.refresh) undos.push(...patch.refresh());
    }
  } catch (error) {
    if (state.open.length === 0) runUndos();
    throw error;
  }
  state.open.push(double);
  double.attach({
    detach: () => {
      const index = state.open.indexOf(double);
      if (index >= 0) state.open.splice(index, 1);
      if (state.open.length === 0) runUndos();
    },
  });
}
