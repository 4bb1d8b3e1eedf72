/**
 * A JSON value with every object's keys in sorted order, so equal payloads serialize equally.
 *
 * A value that already is canonical (plain objects whose keys are in order, all the way down) is
 * returned as it is, not copied: everything loaded from a cassette is, and matching canonicalizes
 * every recorded and every incoming payload. Other values are copied as before (objects that are not
 * plain are copied key by key; a `__proto__` key is dropped by that copy, as it always was).
 */
export function canonicalize(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const canonical = canonicalize(item);
      if (copy === undefined && canonical !== item) copy = value.slice(0, i);
      copy?.push(canonical);
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const proto: unknown = Object.getPrototypeOf(record);
  let inOrder = proto === Object.prototype || proto === null;
  for (let i = 0; inOrder && i < keys.length; i++) {
    if ((i > 0 && keys[i - 1]! > keys[i]!) || keys[i] === '__proto__') inOrder = false;
  }
  if (inOrder) {
    let changed: unknown[] | undefined;
    for (let i = 0; i < keys.length; i++) {
      const item = record[keys[i]!];
      const canonical = canonicalize(item);
      if (changed === undefined && canonical !== item) changed = keys.slice(0, i).map((k) => record[k]);
      changed?.push(canonical);
    }
    if (changed === undefined) return value;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = changed[i];
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of keys.sort()) out[key] = canonicalize(record[key]);
  return out;
}

/** JSON text with sorted keys; `indent` as in `JSON.stringify`. */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(canonicalize(value), null, indent) ?? 'undefined';
}
