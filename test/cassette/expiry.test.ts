import { describe, expect, it } from 'vitest';
import { checkExpiryStrategy, describeAge, isExpired, parseMaxAge } from '../../src/cassette/expiry.js';

describe('parseMaxAge', () => {
  it.each([
    ['30d', 30 * 86_400_000],
    ['12h', 12 * 3_600_000],
    ['90m', 90 * 60_000],
    ['45s', 45_000],
    ['2w', 14 * 86_400_000],
    ['500ms', 500],
    ['1.5h', 5_400_000],
    [' 7d ', 7 * 86_400_000],
    [60_000, 60_000],
  ])('%j is %i ms', (value, ms) => {
    expect(parseMaxAge(value)).toBe(ms);
  });

  it.each(['30', '30 days', 'd', '0d', '-1d', '', '1y'])('refuses %j, naming the option', (value) => {
    expect(() => parseMaxAge(value)).toThrow(
      /option "maxAge" is .*; use a number of milliseconds, or a string such as '30d'/,
    );
  });

  it.each([0, -1, Number.NaN, Infinity])('refuses the number %d', (value) => {
    expect(() => parseMaxAge(value)).toThrow(/option "maxAge" is .*greater than zero/);
  });

  it.each([null, true, {}])('refuses %j', (value) => {
    expect(() => parseMaxAge(value)).toThrow(expect.objectContaining({ code: 'LC_INVALID_OPTION' }));
  });
});

describe('checkExpiryStrategy', () => {
  it('accepts the three strategies and undefined', () => {
    for (const s of ['warn', 'error', 'record', undefined]) expect(() => checkExpiryStrategy(s)).not.toThrow();
  });
  it('names the option and its values otherwise', () => {
    expect(() => checkExpiryStrategy('skip')).toThrow(
      `lambda-cassette: option "onExpired" is "skip"; use one of 'warn', 'error', 'record'`,
    );
  });
});

describe('isExpired', () => {
  const now = Date.parse('2026-12-02T00:00:00.000Z');
  it('is true only past maxAge', () => {
    expect(isExpired('2026-11-01T00:00:00.000Z', 30 * 86_400_000, now)).toBe(true);
    expect(isExpired('2026-11-02T00:00:00.000Z', 30 * 86_400_000, now)).toBe(false);
    expect(isExpired('2026-11-03T00:00:00.000Z', 30 * 86_400_000, now)).toBe(false);
  });
  it('never calls an unreadable date expired', () => {
    expect(isExpired('not a date', 1, now)).toBe(false);
  });
});

it('describeAge picks the largest whole unit', () => {
  expect([
    describeAge(100 * 86_400_000),
    describeAge(86_400_000),
    describeAge(13 * 3_600_000 + 5),
    describeAge(61_000),
    describeAge(1_000),
  ]).toEqual(['100 days', '1 day', '13 hours', '1 minute', '1 second']);
});
