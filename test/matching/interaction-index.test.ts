import { describe, expect, it } from 'vitest';
import { InteractionIndex } from '../../src/matching/interaction-index.js';
import type { MatchableRequest } from '../../src/matching/request-key.js';

const req = (functionName: string, json: unknown): MatchableRequest => ({ functionName, region: 'us-east-1', payload: { json } as MatchableRequest['payload'] });

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
    expect([1, 2, 3].map(() => (index.take(req('a', 1)) as { value: string }).value)).toEqual(['answer 0', 'answer 1', 'answer 1']);
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
});
