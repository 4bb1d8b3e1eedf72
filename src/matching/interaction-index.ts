import { requestKey, type MatchableRequest, type MatchOption } from './request-key.js';

/** What a lookup found. */
export type Lookup<T> =
  | { kind: 'hit'; value: T; position: number }
  | { kind: 'exhausted'; played: number }
  | { kind: 'miss' };

interface Queue<T> {
  values: { value: T; position: number }[];
  next: number;
}

/**
 * Recorded interactions keyed on what decides a match: a lookup costs one hash, however large the
 * cassette. Identical requests get their recorded answers in order.
 */
export class InteractionIndex<T> {
  readonly #queues = new Map<string, Queue<T>>();

  constructor(
    private readonly match: MatchOption,
    private readonly allowRepeats: boolean,
  ) {}

  /** Adds a recorded interaction; `position` is its index in the cassette, for messages. */
  add(request: MatchableRequest, value: T, position: number): void {
    const key = requestKey(request, this.match);
    let queue = this.#queues.get(key);
    if (!queue) this.#queues.set(key, (queue = { values: [], next: 0 }));
    queue.values.push({ value, position });
  }

  /** The next recorded answer for `request`; with repeats allowed, the last one again once all were played. */
  take(request: MatchableRequest): Lookup<T> {
    const queue = this.#queues.get(requestKey(request, this.match));
    if (!queue) return { kind: 'miss' };
    const entry = queue.values[queue.next] ?? (this.allowRepeats ? queue.values.at(-1) : undefined);
    if (!entry) return { kind: 'exhausted', played: queue.values.length };
    if (queue.next < queue.values.length) queue.next += 1;
    return { kind: 'hit', value: entry.value, position: entry.position };
  }
}
