import { describe, expect, it } from 'vitest';
import { canonicalize, canonicalJson } from '../../src/common/canonical-json.js';
import { canonicalizeDeep, stringifyDeep } from '../../src/common/deep-json.js';

/** The straightforward definition: copy everything, keys sorted. */
function reference(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reference);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = reference((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

const nullProto = Object.assign(Object.create(null) as object, { b: 1, a: 2 });

describe('canonicalJson', () => {
  it.each<[string, unknown]>([
    ['nested objects with keys out of order', { z: 1, a: { y: [{ d: 1, c: 2 }], b: null } }],
    ['already canonical', { a: [1, { b: 2, c: 'x' }], d: true }],
    ['integer-like keys', { 10: 'a', 9: 'b', x: { 2: 1, 10: 2 } }],
    ['a __proto__ key from JSON.parse', JSON.parse('{"a":1,"__proto__":{"evil":true},"b":{"__proto__":2}}')],
    ['a Date, bytes and a Map', { when: new Date(0), bytes: new Uint8Array([3, 1, 2]), map: new Map([[1, 2]]) }],
    ['an object without prototype', { o: nullProto }],
    ['arrays with holes and undefined', { a: [1, , 3], b: undefined, c: [undefined] }], // eslint-disable-line no-sparse-arrays
    ['primitives', ['s', 1.5, -0, null, true]],
  ])('%s: the same text as sorting a full copy', (_label, value) => {
    expect(canonicalJson(value)).toBe(JSON.stringify(reference(value)));
    expect(canonicalJson(value, 2)).toBe(JSON.stringify(reference(value), null, 2));
  });

  it('returns a canonical value as it is, without copying it, and copies only what is out of order', () => {
    const canonical = JSON.parse('{"a":[1,{"b":2,"c":[3]}],"d":{"e":null}}');
    expect(canonicalize(canonical)).toBe(canonical);
    const partly = { a: { x: 1 }, b: { d: 1, c: 2 } };
    const out = canonicalize(partly) as typeof partly;
    expect(out).not.toBe(partly);
    expect(out.a).toBe(partly.a);
    expect(Object.keys(out.b)).toEqual(['c', 'd']);
    expect(Object.keys(partly.b)).toEqual(['d', 'c']);
  });
});

describe('stringifyDeep, the fallback past the stack', () => {
  it.each([
    [{ b: [1, 'x', null, true, { d: undefined, c: 2 }], a: { e: [], f: {} } }],
    [[undefined, () => 1, Number.NaN, -0, new Date(0), { toJSON: () => 'j' }]],
    ['text'],
    [3],
  ])('prints %j exactly as JSON.stringify does, compact and indented', (value) => {
    expect(stringifyDeep(value)).toBe(JSON.stringify(value));
    expect(stringifyDeep(value, 2)).toBe(JSON.stringify(value, null, 2));
  });

  it('canonicalizeDeep keeps the identity rules of canonicalize', () => {
    const sorted = { a: [{ b: 1 }], c: 2 };
    expect(canonicalizeDeep(sorted)).toBe(sorted);
    const unsorted = { c: 2, a: [{ b: 1 }] };
    const out = canonicalizeDeep(unsorted) as typeof unsorted;
    expect(Object.keys(out)).toEqual(['a', 'c']);
    expect(out.a).toBe(unsorted.a);
    expect(canonicalizeDeep({ a: [{ d: 1, b: 2 }] })).toEqual(canonicalize({ a: [{ d: 1, b: 2 }] }));
  });
});
