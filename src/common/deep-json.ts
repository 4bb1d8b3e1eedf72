/**
 * JSON operations without recursion, for values nested deeper than the call stack allows (a payload
 * nested 6,000 deep is 12 KB of text; V8's JSON.stringify and any recursive walk throw RangeError
 * long before that). canonical-json.ts uses these only past a depth or after a RangeError: for the
 * usual shallow value the recursive versions are faster.
 */

type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';

/** Keys in canonical order, and whether they already were (plain object, sorted, no `__proto__`). */
function orderedKeys(record: Record<string, unknown>): { keys: string[]; inOrder: boolean } {
  const keys = Object.keys(record);
  const proto: unknown = Object.getPrototypeOf(record);
  let inOrder = proto === Object.prototype || proto === null;
  for (let i = 0; inOrder && i < keys.length; i++) {
    if ((i > 0 && keys[i - 1]! > keys[i]!) || keys[i] === '__proto__') inOrder = false;
  }
  return { keys: inOrder ? keys : keys.sort(), inOrder };
}

interface Frame {
  value: Container;
  /** Object keys in output order; undefined for arrays. */
  keys: string[] | undefined;
  /** Whether the output must be a new object even if no child changed (keys reordered). */
  rebuild: boolean;
  next: number;
  /** Children's canonical values, collected from the first one that differs (or always, when rebuilding). */
  out: unknown[] | undefined;
}

function frameOf(value: Container): Frame {
  if (Array.isArray(value)) return { value, keys: undefined, rebuild: false, next: 0, out: undefined };
  const { keys, inOrder } = orderedKeys(value);
  return { value, keys, rebuild: !inOrder, next: 0, out: inOrder ? undefined : [] };
}

const childOf = (f: Frame, i: number): unknown =>
  f.keys ? (f.value as Record<string, unknown>)[f.keys[i]!] : (f.value as unknown[])[i];
const sizeOf = (f: Frame): number => (f.keys ? f.keys.length : (f.value as unknown[]).length);

function finish(f: Frame): unknown {
  if (f.out === undefined) return f.value;
  if (!f.keys) return f.out;
  const result: Record<string, unknown> = {};
  for (let i = 0; i < f.keys.length; i++) result[f.keys[i]!] = f.out[i];
  return result;
}

/** What `canonicalize` returns (same identity rules), at any depth. */
export function canonicalizeDeep(value: unknown): unknown {
  if (!isContainer(value)) return value;
  const stack: Frame[] = [frameOf(value)];
  for (;;) {
    const top = stack[stack.length - 1]!;
    if (top.next < sizeOf(top)) {
      const child = childOf(top, top.next);
      if (isContainer(child)) {
        stack.push(frameOf(child));
        continue;
      }
      top.out?.push(child);
      top.next++;
      continue;
    }
    const result = finish(top);
    stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent) return result;
    const original = childOf(parent, parent.next);
    if (parent.out === undefined && result !== original) {
      parent.out = [];
      for (let i = 0; i < parent.next; i++) parent.out.push(childOf(parent, i));
    }
    parent.out?.push(result);
    parent.next++;
  }
}

/** A value as JSON.stringify sees it: after toJSON, and undefined for what it leaves out. */
function jsonable(value: unknown, key: string): unknown {
  let v = value;
  if (isContainer(v) && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON(k: string): unknown }).toJSON(key);
  if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
  if (typeof v === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  return v;
}

function primitiveText(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  return JSON.stringify(v);
}

interface PrintFrame {
  value: Container;
  keys: string[] | undefined;
  next: number;
  wrote: boolean;
}

/**
 * Containers nested deeper than this are printed on one line even when indenting: indentation grows
 * with depth, so a 12 KB payload nested 6,000 deep would take 36 MB indented.
 */
export const INDENT_DEPTH_LIMIT = 100;

/** Whether `value` has containers nested deeper than `limit` (stops as soon as it finds one). */
export function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (!isContainer(v)) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (isContainer(child)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * `JSON.stringify(value, null, indent)` at any depth, keys in the order the objects hold them
 * (run {@link canonicalizeDeep} first for sorted keys), except that containers nested deeper than
 * {@link INDENT_DEPTH_LIMIT} are printed without line breaks.
 */
export function stringifyDeep(value: unknown, indent = 0): string | undefined {
  const root = jsonable(value, '');
  if (root === undefined) return undefined;
  if (!isContainer(root)) return primitiveText(root);
  const gap = ' '.repeat(Math.min(10, Math.max(0, indent)));
  const parts: string[] = [];
  const newline = (depth: number) => (gap && depth <= INDENT_DEPTH_LIMIT ? `\n${gap.repeat(depth)}` : '');
  const open = (v: Container): PrintFrame => {
    parts.push(Array.isArray(v) ? '[' : '{');
    return { value: v, keys: Array.isArray(v) ? undefined : Object.keys(v), next: 0, wrote: false };
  };
  const stack: PrintFrame[] = [open(root)];
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    const size = f.keys ? f.keys.length : (f.value as unknown[]).length;
    if (f.next >= size) {
      stack.pop();
      if (f.wrote) parts.push(newline(stack.length));
      parts.push(f.keys ? '}' : ']');
      continue;
    }
    const i = f.next++;
    const key = f.keys ? f.keys[i]! : String(i);
    let child = jsonable(f.keys ? (f.value as Record<string, unknown>)[key] : (f.value as unknown[])[i], key);
    if (child === undefined) {
      if (f.keys) continue;
      child = null;
    }
    parts.push(f.wrote ? ',' : '', newline(stack.length));
    f.wrote = true;
    if (f.keys) parts.push(JSON.stringify(key), gap && stack.length <= INDENT_DEPTH_LIMIT ? ': ' : ':');
    if (isContainer(child)) stack.push(open(child));
    else parts.push(primitiveText(child));
  }
  return parts.join('');
}

/** Whether `error` is V8 running out of stack (the one RangeError a deeper walk avoids). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
