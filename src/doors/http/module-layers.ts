/**
 * Puts a function of ours in front of a module's function (`http.request`, `https.get`, ...) so
 * that it runs first for every call, whoever patches that function after us and whatever they
 * undo later. nock, msw and Polly replace `http.request` with a wrapper of the value they read and
 * put that value back when they stop; a wrapper simply stored over theirs would be dropped by
 * their undo (nock's `restore()`, through any reference, or `nock.back`'s record mode), letting
 * Lambda traffic out before anyone noticed.
 *
 * So the property becomes an accessor: reading it always gives our front function; writing it
 * stacks the value as a layer (or, when the value written is our front function, which is what a
 * patcher that read it puts back, takes its layer off). Our front function calls the newest layer;
 * a layer calling its captured target (our front function again, synchronously) reaches the layer
 * beneath it, so every patcher still sees the calls we hand on, in the order they were applied.
 */

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

/** One patched property, and how to take the patch away. */
export interface Layered {
  /** The property's value as a caller of the module sees it now (our front function). */
  readonly front: AnyFunction;
  /** Values written to the property over ours, oldest first; [0] is what we found. */
  readonly layers: AnyFunction[];
  /** Puts a plain data property back when no other patcher stacked over ours; `false` when one did. */
  release(): boolean;
}

/**
 * Stacks `front` over `owner[name]`. `front` receives `next`, the function to hand a call on to
 * (the newest layer, or for a re-entrant call the layer beneath the one that made it).
 */
export function layerOver(
  owner: object,
  name: string,
  front: (next: AnyFunction, self: unknown, args: unknown[]) => unknown,
): Layered {
  const record = owner as Record<string, AnyFunction>;
  const layers: AnyFunction[] = [record[name]!];
  let depth = 0;
  const handOn = (self: unknown, args: unknown[]): unknown => {
    const next = layers[layers.length - 1 - depth] ?? layers[0]!;
    depth++;
    try {
      return next.apply(self, args);
    } finally {
      depth--;
    }
  };
  const frontFunction = function (this: unknown, ...args: unknown[]): unknown {
    // A layer calling the target it captured (us) comes back here while we are handing on a call.
    if (depth > 0) return handOn(this, args);
    return front((...a: unknown[]) => handOn(this, a), this, args);
  } as AnyFunction;
  Object.defineProperty(frontFunction, 'name', { value: layers[0]!.name });
  Object.defineProperty(owner, name, {
    configurable: true,
    enumerable: true,
    get: () => frontFunction,
    set: (value: AnyFunction) => {
      if (value === frontFunction) {
        if (layers.length > 1) layers.pop();
      } else if (typeof value === 'function') {
        layers.push(value);
      }
    },
  });
  return {
    front: frontFunction,
    layers,
    release() {
      if (layers.length > 1) return false;
      Object.defineProperty(owner, name, { configurable: true, enumerable: true, writable: true, value: layers[0] });
      return true;
    },
  };
}
