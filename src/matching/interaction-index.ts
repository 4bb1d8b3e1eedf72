import { requestKey, type MatchableRequest, type MatchField, type MatchOption } from './request-key.js';

/** What a lookup found. */
export type Lookup<T> =
  { kind: 'hit'; value: T; position: number } | { kind: 'exhausted'; played: number } | { kind: 'miss' };

interface Entry<T> {
  request: MatchableRequest;
  value: T;
  position: number;
}

const SAME_JSON_DEPTH = 1_000;

interface Queue<T> {
  values: Entry<T>[];
  next: number;
}

/**
 * True only when `a` and `b` are the same JSON data, structure and values (plain objects with the
 * same keys, arrays, primitives compared with ===): then their canonical JSON is the same text. False
 * when they differ or anything is unusual, a depth past {@link SAME_JSON_DEPTH} included (the walk
 * recurses); the caller then compares canonical keys, which work at any depth.
 */
export function sameJson(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || depth > SAME_JSON_DEPTH)
    return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (
    Array.isArray(b) ||
    Object.getPrototypeOf(a) !== Object.prototype ||
    Object.getPrototypeOf(b) !== Object.prototype
  )
    return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const own = Object.prototype.hasOwnProperty;
  let count = 0;
  for (const key in ra) {
    if (!own.call(ra, key)) continue;
    if (!own.call(rb, key) || !sameJson(ra[key], rb[key], depth + 1)) return false;
    count++;
  }
  for (const key in rb) if (own.call(rb, key)) count--;
  return count === 0;
}

function samePayload(a: MatchableRequest['payload'], b: MatchableRequest['payload']): boolean {
  if ('json' in a) return 'json' in b && sameJson(a.json, b.json);
  if ('text' in a) return 'text' in b && a.text === b.text;
  return 'base64' in b && a.base64 === b.base64;
}

/** Whether two requests certainly match under `fields` (false may still match: compare keys then). */
function sameRequest(fields: readonly MatchField[], a: MatchableRequest, b: MatchableRequest): boolean {
  if ((a.operation ?? 'InvokeAsync') !== (b.operation ?? 'InvokeAsync')) return false;
  if ((a.invocationType ?? 'Event') !== (b.invocationType ?? 'Event')) return false;
  // Each field read by name: a read by a variable key is slower, and replay in order compares on every call.
  for (const field of fields) {
    switch (field) {
      case 'functionName':
        if ((a.functionName ?? null) !== (b.functionName ?? null)) return false;
        break;
      case 'qualifier':
        if ((a.qualifier ?? null) !== (b.qualifier ?? null)) return false;
        break;
      case 'region':
        if ((a.region ?? null) !== (b.region ?? null)) return false;
        break;
      case 'payload':
        if (!samePayload(a.payload, b.payload)) return false;
        break;
      default:
        if ((a[field as keyof MatchableRequest] ?? null) !== (b[field as keyof MatchableRequest] ?? null)) return false;
    }
  }
  return true;
}

/**
 * Recorded interactions keyed on what decides a match: a lookup costs one hash, however large the
 * cassette. Identical requests get their recorded answers in order.
 *
 * Keys are computed as lookups need them, in cassette order, not when interactions are added:
 * opening a cassette of 10,000 interactions hashes none of them, and no interaction is hashed twice.
 * Replaying in recorded order, the common case, hashes nothing: while every interaction looked at so
 * far has been played, a request that equals the next recorded one (compared value by value) is
 * answered by it without either being keyed. Any other lookup keys what it needs: first the interactions played that way, then
 * the rest of the cassette up to one with the request's key, which is what a full index built up
 * front would have held.
 */
export class InteractionIndex<T> {
  readonly #queues = new Map<string, Queue<T>>();
  readonly #entries: Entry<T>[] = [];
  /** Entries before this position are keyed or played; after it, untouched. */
  #frontier = 0;
  /** Keyed entries not played yet. */
  #unplayed = 0;
  /** Entries played in order without being keyed (see {@link #keyPlayed}). */
  #playedUnkeyed: Entry<T>[] = [];
  /** Set by {@link addLazily}: interactions read when first reached. */
  #lazy: { count: number; read: (position: number) => { request: MatchableRequest; value: T } } | undefined;

  constructor(
    private readonly match: MatchOption,
    private readonly allowRepeats: boolean,
  ) {}

  /** Adds a recorded interaction; `position` is its index in the cassette, for messages. Interactions are added in cassette order. */
  add(request: MatchableRequest, value: T, position: number): void {
    this.#entries.push({ request, value, position });
  }

  /**
   * Adds the `count` recorded interactions of a cassette, positions 0 to `count - 1`, to an empty
   * index; each is read by `read(position)` only when a lookup first reaches it (in cassette order),
   * so opening a large cassette reads none. `read` may throw (a recorded interaction found broken):
   * the lookup that reached it throws that, and the next one reads it again.
   */
  addLazily(count: number, read: (position: number) => { request: MatchableRequest; value: T }): void {
    if (this.#entries.length > 0) throw new Error('InteractionIndex.addLazily: the index must be empty');
    this.#lazy = { count, read };
  }

  /** How many interactions the index holds, read or not. */
  get #count(): number {
    return this.#lazy?.count ?? this.#entries.length;
  }

  /** The entry at `at`; lookups reach them in cassette order, so one not read yet is the next to read. */
  #entry(at: number): Entry<T> | undefined {
    if (at < this.#entries.length || this.#lazy === undefined || at >= this.#lazy.count) return this.#entries[at];
    const { request, value } = this.#lazy.read(at);
    const entry = { request, value, position: at };
    this.#entries.push(entry);
    return entry;
  }

  /** The next recorded answer for `request`; with repeats allowed, the last one again once all were played. */
  take(request: MatchableRequest): Lookup<T> {
    // With every keyed interaction played, the first unplayed one with this request's key is the
    // first such at the frontier or after it: if the one at the frontier equals the request, it is.
    const next = this.#entry(this.#frontier);
    if (
      next &&
      this.#unplayed === 0 &&
      typeof this.match !== 'function' &&
      sameRequest(this.match, request, next.request)
    ) {
      this.#frontier += 1;
      this.#playedUnkeyed.push(next);
      return { kind: 'hit', value: next.value, position: next.position };
    }
    this.#keyPlayed();
    const key = requestKey(request, this.match);
    let queue = this.#queues.get(key);
    // Every keyed interaction comes before every unkeyed one, so an unplayed answer already in the
    // queue is the next one; only when there is none can a later interaction hold it.
    if (!queue || queue.next >= queue.values.length) queue = this.#keyUntil(key) ?? queue;
    if (!queue) return { kind: 'miss' };
    const entry = queue.values[queue.next] ?? (this.allowRepeats ? queue.values.at(-1) : undefined);
    if (!entry) return { kind: 'exhausted', played: queue.values.length };
    if (queue.next < queue.values.length) {
      queue.next += 1;
      this.#unplayed -= 1;
    }
    return { kind: 'hit', value: entry.value, position: entry.position };
  }

  #queue(key: string): Queue<T> {
    let queue = this.#queues.get(key);
    if (!queue) this.#queues.set(key, (queue = { values: [], next: 0 }));
    return queue;
  }

  /**
   * Keys the interactions played in order without a key, so repeats and "already played" counts see
   * them. Each was played while every keyed interaction had been, and nothing was keyed since, so it
   * goes at the end of its queue, as played.
   */
  #keyPlayed(): void {
    for (const entry of this.#playedUnkeyed) {
      const queue = this.#queue(requestKey(entry.request, this.match));
      queue.values.push(entry);
      queue.next = queue.values.length;
    }
    this.#playedUnkeyed = [];
  }

  /** Keys unkeyed interactions, in order, up to the first whose key is `key`; returns that key's queue. */
  #keyUntil(key: string): Queue<T> | undefined {
    while (this.#frontier < this.#count) {
      const entry = this.#entry(this.#frontier)!;
      this.#frontier += 1;
      const entryKey = requestKey(entry.request, this.match);
      const queue = this.#queue(entryKey);
      queue.values.push(entry);
      this.#unplayed += 1;
      if (entryKey === key) return queue;
    }
    return undefined;
  }
}
