/**
 * The schema's recursive `JsonValue` check, without recursion. ajv's generated validator calls
 * itself once per level and throws RangeError on a payload nested a few thousand deep, and the
 * whole cassette was then not written; validate-cassette.ts falls back to this.
 */
import type { Cassette } from './cassette-types.generated.js';

/** The JSON Pointer (from `at`) of the first value in `value` that is not JSON, or undefined. */
function firstNonJson(value: unknown, at: string): string | undefined {
  const stack: [unknown, string][] = [[value, at]];
  while (stack.length > 0) {
    const [v, where] = stack.pop()!;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) continue;
      return where;
    }
    if (typeof v !== 'object') return where;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${where}/${i}`]);
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--)
      stack.push([entries[i]![1], `${where}/${entries[i]![0].replace(/~/g, '~0').replace(/\//g, '~1')}`]);
  }
  return undefined;
}

/** The pointer of the first payload or body value of `cassette` that is not JSON, or undefined. */
export function firstNonJsonInBodies(cassette: Cassette): string | undefined {
  for (const [i, interaction] of cassette.interactions.entries()) {
    const { payload } = interaction.request;
    const { body } = interaction.response;
    if ('json' in payload) {
      const bad = firstNonJson(payload.json, `/interactions/${i}/request/payload/json`);
      if (bad !== undefined) return bad;
    }
    if ('json' in body) {
      const bad = firstNonJson(body.json, `/interactions/${i}/response/body/json`);
      if (bad !== undefined) return bad;
    }
  }
  return undefined;
}
