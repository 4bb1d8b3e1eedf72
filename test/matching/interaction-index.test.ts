import { describe, expect, it } from 'vitest';
import { InteractionIndex, type Lookup } from '../../src/matching/interaction-index.js';
import { DEFAULT_MATCH, requestKey, type MatchableRequest } from '../../src/matching/request-key.js';
import type { JsonValue } from '../../src/cassette/index.js';

const req = (functionName: string, json: unknown): MatchableRequest => ({
  functionName,
  region: 'us-east-1',
  payload: { json } as MatchableRequest['payload'],
});

function indexOf(requests: MatchableRequest[], allowRepeats = false) {
  let keyed = 0;
  // A match function lets the test count how many requests get keyed.
  const index = new InteractionIndex<string>((r) => {
    keyed += 1;
    return [r.functionName, r.payload];
  }, allowRepeats);
  requests.forEach((r, i) => index.add(r, `answer ${i}`, i));
  return { index, keyed: () => keyed };
}

describe('InteractionIndex', () => {
  it('plays the answers of identical requests in recorded order, whatever order requests of other keys come in', () => {
    const { index } = indexOf([req('a', 1), req('b', 1), req('a', 1), req('a', 2)]);
    expect(index.take(req('a', 2))).toEqual({ kind: 'hit', value: 'answer 3', position: 3 });
    expect(index.take(req('a', 1))).toEqual({ kind: 'hit', value: 'answer 0', position: 0 });
    expect(index.take(req('a', 1))).toEqual({ kind: 'hit', value: 'answer 2', position: 2 });
    expect(index.take(req('a', 1))).toEqual({ kind: 'exhausted', played: 2 });
    expect(index.take(req('b', 1))).toEqual({ kind: 'hit', value: 'answer 1', position: 1 });
    expect(index.take(req('c', 1))).toEqual({ kind: 'miss' });
  });

  it('with repeats allowed, plays the last answer again once all were played', () => {
    const { index } = indexOf([req('a', 1), req('a', 1)], true);
    expect([1, 2, 3].map(() => (index.take(req('a', 1)) as { value: string }).value)).toEqual([
      'answer 0',
      'answer 1',
      'answer 1',
    ]);
  });

  it('keys nothing when interactions are added, one recorded interaction per call replayed in order, and each at most once', () => {
    const recorded = Array.from({ length: 1000 }, (_, i) => req('fn', { i }));
    const { index, keyed } = indexOf(recorded);
    expect(keyed()).toBe(0);
    for (let i = 0; i < 10; i++) expect(index.take(req('fn', { i }))).toMatchObject({ kind: 'hit', position: i });
    expect(keyed()).toBe(10 + 10); // each incoming request, and the recorded one it matched
    expect(index.take(req('fn', { i: 'nope' }))).toEqual({ kind: 'miss' });
    expect(keyed()).toBe(20 + 1 + 990); // a miss keys the rest of the cassette, once
    expect(index.take(req('fn', { i: 500 }))).toMatchObject({ kind: 'hit', position: 500 });
    expect(keyed()).toBe(1011 + 1);
  });

  it('replaying in recorded order compares values and keys nothing; any other lookup answers as a full index would', () => {
    /** The obvious implementation: every interaction keyed up front. */
    class FullIndex {
      readonly queues = new Map<string, { values: number[]; next: number }>();
      constructor(
        requests: MatchableRequest[],
        readonly allowRepeats: boolean,
      ) {
        requests.forEach((r, i) => {
          const key = requestKey(r, DEFAULT_MATCH);
          const q = this.queues.get(key) ?? { values: [], next: 0 };
          q.values.push(i);
          this.queues.set(key, q);
        });
      }
      take(r: MatchableRequest): Lookup<string> {
        const q = this.queues.get(requestKey(r, DEFAULT_MATCH));
        if (!q) return { kind: 'miss' };
        const i = q.values[q.next] ?? (this.allowRepeats ? q.values.at(-1) : undefined);
        if (i === undefined) return { kind: 'exhausted', played: q.values.length };
        if (q.next < q.values.length) q.next += 1;
        return { kind: 'hit', value: `answer ${i}`, position: i };
      }
    }
    // A small deterministic generator, so a failure can be reproduced.
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const pick = (): MatchableRequest => {
      const payloads: JsonValue[] = [
        { a: 1 },
        { a: 1, b: [1, 2] },
        { b: [1, 2], a: 1 },
        { a: 2 },
        [1, { c: null }],
        'text',
      ];
      return {
        functionName: `fn-${random(2)}`,
        ...(random(4) === 0 ? { qualifier: 'prod' } : {}),
        region: 'us-east-1',
        payload: { json: payloads[random(payloads.length)]! },
      };
    };
    for (let trial = 0; trial < 200; trial++) {
      const recorded = Array.from({ length: 1 + random(12) }, pick);
      const allowRepeats = random(2) === 0;
      const index = new InteractionIndex<string>(DEFAULT_MATCH, allowRepeats);
      // Half the trials add the interactions up front, half as a replay does, read when reached.
      if (trial % 2 === 0) recorded.forEach((r, i) => index.add(r, `answer ${i}`, i));
      else index.addLazily(recorded.length, (i) => ({ request: recorded[i]!, value: `answer ${i}` }));
      const reference = new FullIndex(recorded, allowRepeats);
      // Mostly the recorded requests in order (copies, keys reordered), now and then something else.
      const requests = recorded.map((r) =>
        random(5) === 0
          ? pick()
          : { ...r, payload: JSON.parse(JSON.stringify(r.payload)) as MatchableRequest['payload'] },
      );
      for (let i = 0; i < 6; i++) requests.push(pick());
      for (const request of requests) expect(index.take(request), `trial ${trial}`).toEqual(reference.take(request));
    }
  });

  it('in recorded order, the default match keys no interaction', () => {
    const recorded = Array.from({ length: 100 }, (_, i) => req('fn', { i, nested: { z: 1, a: [i] } }));
    const index = new InteractionIndex<string>(DEFAULT_MATCH, false);
    recorded.forEach((r, i) => index.add(r, `answer ${i}`, i));
    // Keys are canonical JSON: count them by watching JSON.stringify.
    const stringify = JSON.stringify;
    let keyed = 0;
    JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
      keyed += 1;
      return stringify(...args);
    }) as typeof JSON.stringify;
    try {
      for (let i = 0; i < 100; i++)
        expect(index.take(req('fn', { nested: { a: [i], z: 1 }, i }))).toMatchObject({ kind: 'hit', position: i });
    } finally {
      JSON.stringify = stringify;
    }
    expect(keyed).toBe(0);
    expect(index.take(req('fn', { i: 0, nested: { z: 1, a: [0] } }))).toEqual({ kind: 'exhausted', played: 1 });
  });

  it('added lazily, reads each interaction once, only when a lookup reaches it; a read that throws is tried again', () => {
    const recorded = [req('a', 1), req('b', 2), req('c', 3), req('d', 4)];
    const reads: number[] = [];
    let broken = true;
    const index = new InteractionIndex<string>(DEFAULT_MATCH, false);
    index.addLazily(recorded.length, (i) => {
      reads.push(i);
      if (i === 2 && broken) throw new Error('interaction 2 is broken');
      return { request: recorded[i]!, value: `answer ${i}` };
    });
    expect(reads).toEqual([]);
    expect(index.take(req('a', 1))).toEqual({ kind: 'hit', value: 'answer 0', position: 0 });
    expect(index.take(req('b', 2))).toEqual({ kind: 'hit', value: 'answer 1', position: 1 });
    expect(reads).toEqual([0, 1]);
    expect(() => index.take(req('d', 4))).toThrow('interaction 2 is broken');
    broken = false;
    expect(index.take(req('d', 4))).toEqual({ kind: 'hit', value: 'answer 3', position: 3 });
    expect(index.take(req('c', 3))).toEqual({ kind: 'hit', value: 'answer 2', position: 2 });
    expect(reads).toEqual([0, 1, 2, 2, 3]);
  });
});
