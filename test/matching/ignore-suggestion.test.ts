import { describe, expect, it } from 'vitest';
import { nearMiss, suggestIgnore } from '../../src/matching/ignore-suggestion.js';
import { checkIgnoreOption, IGNORED, withoutPaths } from '../../src/matching/ignore-paths.js';
import { jsonPathProblem } from '../../src/common/json-path.js';
import type { MatchableRequest } from '../../src/matching/request-key.js';

describe('suggestIgnore', () => {
  it('names changed, added and removed fields, outermost first', () => {
    expect(
      suggestIgnore(
        { a: 1, sentAt: 'x', meta: { traceId: 't1' } },
        { a: 1, sentAt: 'y', meta: { traceId: 't2', extra: 1 } },
      ),
    ).toEqual({
      paths: ['$.meta.extra', '$.meta.traceId', '$.sentAt'],
      ignore: ['$.meta.extra', '$.meta.traceId', '$.sentAt'],
    });
  });

  it('widens array indices to [*] and merges what that makes equal', () => {
    const before = {
      items: [
        { id: 1, traceId: 'a' },
        { id: 2, traceId: 'b' },
      ],
    };
    const after = {
      items: [
        { id: 1, traceId: 'c' },
        { id: 2, traceId: 'd' },
      ],
    };
    expect(suggestIgnore(before, after)).toEqual({
      paths: ['$.items[0].traceId', '$.items[1].traceId'],
      ignore: ['$.items[*].traceId'],
    });
  });

  it('quotes keys that are not identifiers', () => {
    expect(suggestIgnore({ 'x-trace id': 'a' }, { 'x-trace id': 'b' })?.ignore).toEqual(["$['x-trace id']"]);
  });

  it('gives none past three places, for a different root, or for equal payloads', () => {
    expect(suggestIgnore({ a: 1, b: 1, c: 1, d: 1 }, { a: 2, b: 2, c: 2, d: 2 })).toBeUndefined();
    expect(suggestIgnore({ a: 1 }, [1])).toBeUndefined();
    expect(suggestIgnore('x', 'y')).toBeUndefined();
    expect(suggestIgnore({ a: 1 }, { a: 1 })).toBeUndefined();
    // An array that changed length cannot be ignored element by element.
    expect(suggestIgnore({ a: [1, 2, 3] }, { a: [1, 2] })).toBeUndefined();
  });

  it('every suggestion, applied to both sides, makes them equal', () => {
    const cases: [unknown, unknown][] = [
      [{ a: { b: { c: 1 } } }, { a: { b: { c: 2 } } }],
      [{ list: [{ t: 1 }, { t: 2 }, { t: 3 }] }, { list: [{ t: 9 }, { t: 8 }, { t: 7 }] }],
    ];
    for (const [a, b] of cases) {
      const s = suggestIgnore(a as never, b as never)!;
      expect(s).toBeDefined();
      expect(withoutPaths(a as never, s.ignore)).toEqual(withoutPaths(b as never, s.ignore));
    }
  });
});

describe('nearMiss', () => {
  const req = (functionName: string, json: unknown, qualifier?: string): MatchableRequest => ({
    functionName,
    region: 'us-east-1',
    payload: { json: json as never },
    ...(qualifier ? { qualifier } : {}),
  });
  it('only looks at the same function and qualifier, and picks the closest', () => {
    const recorded = [
      req('other-fn', { a: 1, t: 1 }),
      req('fn', { a: 1, t: 1 }, 'prod'),
      req('fn', { a: 2, t: 2 }),
      req('fn', { a: 1, t: 2 }),
    ];
    expect(nearMiss(req('fn', { a: 1, t: 3 }), recorded)).toEqual({ paths: ['$.t'], ignore: ['$.t'] });
    expect(nearMiss(req('fn', 'not json'), recorded)).toBeUndefined();
  });
});

describe('withoutPaths', () => {
  it('drops object fields and blanks array elements, leaving the input alone', () => {
    const value = { a: 1, b: { c: 2, d: [1, 2, 3] } };
    expect(withoutPaths(value, ['$.a', '$.b.d[1]'])).toEqual({ b: { c: 2, d: [1, IGNORED, 3] } });
    expect(value).toEqual({ a: 1, b: { c: 2, d: [1, 2, 3] } });
  });
});

describe('JSONPath syntax', () => {
  it.each([
    '$.a',
    '$..traceId',
    "$['odd key']",
    '$.items[*].id',
    '$.items[0]',
    '$..*',
    '$.a[?(@.x)]',
    '$.x-y',
    '$.a[0,1]',
    '$.a[1:3]',
  ])('accepts %s', (p) => {
    expect(jsonPathProblem(p)).toBeUndefined();
  });
  it.each(['a', '$', '$.', '$[', '$.a..', '$a', "$['x]"])('refuses %s', (p) => {
    expect(jsonPathProblem(p)).toBeDefined();
  });
  it('checkIgnoreOption names the entry', () => {
    expect(() => checkIgnoreOption(['$.ok', 7])).toThrow(
      'option "ignore"[1] (7) is not a valid JSONPath: expected a string, got number',
    );
  });
});
