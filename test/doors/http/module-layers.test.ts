/**
 * The front function stays in front of every later patch and survives their undo, in any order;
 * each patch still sees the calls handed on, and the property goes back to a plain one when no
 * other patch is left over ours.
 */
import { describe, expect, it } from 'vitest';
import { layerOver } from '../../../src/doors/http/module-layers.js';

type Fn = (...args: unknown[]) => unknown;

function moduleLike() {
  const seen: string[] = [];
  const owner: { request: Fn } = { request: (x: unknown) => (seen.push(`node ${String(x)}`), 'node') };
  // A patcher as nock, msw and Polly are: wraps what it reads, puts it back on undo.
  const patch = (name: string) => {
    const original = owner.request;
    owner.request = function (this: unknown, ...args: unknown[]) {
      seen.push(name);
      return original.apply(this, args);
    };
    return () => {
      owner.request = original;
    };
  };
  return { owner, seen, patch };
}

describe('layerOver', () => {
  it('runs first, hands on through every later patch in order, and survives their undo', () => {
    const { owner, seen, patch } = moduleLike();
    const front = layerOver(owner, 'request', (next, _self, args) => (args[0] === 'lambda' ? 'double' : next(...args)));
    const undoA = patch('a');
    const undoB = patch('b');
    expect(owner.request('lambda')).toBe('double');
    expect(owner.request('other')).toBe('node');
    expect(seen).toEqual(['b', 'a', 'node other']);
    undoB();
    undoA();
    seen.length = 0;
    expect(owner.request('lambda')).toBe('double');
    expect(owner.request('other')).toBe('node');
    expect(seen).toEqual(['node other']);
    expect(front.release()).toBe(true);
    expect(Object.getOwnPropertyDescriptor(owner, 'request')).toMatchObject({ writable: true });
  });

  it('stays (idle) while a patch applied over it is still there, so that patch can still undo', () => {
    const { owner, seen, patch } = moduleLike();
    const original = owner.request;
    let open = true;
    const front = layerOver(owner, 'request', (next, _self, args) =>
      open && args[0] === 'lambda' ? 'double' : next(...args),
    );
    const undoA = patch('a');
    open = false;
    expect(front.release()).toBe(false);
    expect(owner.request('lambda')).toBe('node');
    expect(seen).toEqual(['a', 'node lambda']);
    undoA();
    expect(front.release()).toBe(true);
    expect(owner.request).toBe(original);
  });

  it('a patch that was there before stays under it and keeps working', () => {
    const { owner, seen, patch } = moduleLike();
    const undoEarly = patch('early');
    const front = layerOver(owner, 'request', (next, _self, args) => next(...args));
    owner.request('x');
    expect(seen).toEqual(['early', 'node x']);
    expect(front.release()).toBe(true);
    undoEarly();
    seen.length = 0;
    owner.request('y');
    expect(seen).toEqual(['node y']);
  });
});
