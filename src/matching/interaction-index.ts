import { requestKey, type MatchableRequest, type MatchOption } from './request-key.js';

/** What a lookup found. */
export type Lookup<T> =
  | { kind: 'hit'; value: T; position: number }
  | { kind: 'exhausted'; played: number }
  | { kind: 'miss' };

interface Entry<T> {
  request: MatchableRequest;
  value: T;
  position: number;
}

interface Queue<T> {
  values: Entry<T>[];
  next: number;
}

/**
 * Recorded interactions keyed on what decides a match: a lookup costs one hash, however large the
 * cassette. Identical requests get their recorded answers in order.
 *
 * Keys are computed as lookups need them, in cassette order, not when interactions are added:
 * opening a cassette of 10,000 interactions hashes none of them, replaying in recorded order hashes
 * one recorded interaction per call, and no interaction is hashed twice. A lookup whose key is not
 * (or no longer) in the index keys the rest of the cassette until it finds one, which is what a full
 * index built up front would have held.
 */
export class InteractionIndex<T> {
  readonly #queues = new Map<string, Queue<T>>();
  readonly #unkeyed: Entry<T>[] = [];
  #keyed = 0;

  constructor(
    private readonly match: MatchOption,
    private readonly allowRepeats: boolean,
  ) {}

  /** Adds a recorded interaction; `position` is its index in the cassette, for messages. Interactions are added in cassette order. */
  add(request: MatchableRequest, value: T, position: number): void {
    this.#unkeyed.push({ request, value, position });
  }

  /** The next recorded answer for `request`; with repeats allowed, the last one again once all were played. */
  take(request: MatchableRequest): Lookup<T> {
    const key = requestKey(request, this.match);
    let queue = this.#queues.get(key);
    // Every keyed interaction comes before every unkeyed one, so an unplayed answer already in the
    // queue is the next one; only when there is none can a later interaction hold it.
    if (!queue || queue.next >= queue.values.length) queue = this.#keyUntil(key) ?? queue;
    if (!queue) return { kind: 'miss' };
    const entry = queue.values[queue.next] ?? (this.allowRepeats ? queue.values.at(-1) : undefined);
    if (!entry) return { kind: 'exhausted', played: queue.values.length };
    if (queue.next < queue.values.length) queue.next += 1;
    return { kind: 'hit', value: entry.value, position: entry.position };
  }

  /** Keys unkeyed interactions, in order, up to the first whose key is `key`; returns that key's queue. */
  #keyUntil(key: string): Queue<T> | undefined {
    while (this.#keyed < this.#unkeyed.length) {
      const entry = this.#unkeyed[this.#keyed++]!;
      const entryKey = requestKey(entry.request, this.match);
      let queue = this.#queues.get(entryKey);
      if (!queue) this.#queues.set(entryKey, (queue = { values: [], next: 0 }));
      queue.values.push(entry);
      if (entryKey === key) return queue;
    }
    return undefined;
  }
}
