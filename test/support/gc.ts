import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Whether `make()`'s object can be collected once `make` returns (the caller keeps no reference). */
export async function isCollectable(make: () => Promise<object>): Promise<boolean> {
  const ref = new WeakRef(await make());
  // WeakRefs hold their target until the current job ends: collect on later turns.
  for (let i = 0; i < 5 && ref.deref() !== undefined; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  return ref.deref() === undefined;
}
