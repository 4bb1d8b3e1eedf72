/**
 * The "date-time" format is read character by character: it must say what the regex it replaced
 * said, on dates near every rule and on arbitrary edits of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formats } from '../../src/cassette/schema-runtime.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The check as it was written with a regex. */
function reference(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return (
    day >= 1 &&
    day <= daysInMonth &&
    Number(m[4]) <= 23 &&
    Number(m[5]) <= 59 &&
    Number(m[6]) <= 60 &&
    (m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59))
  );
}

const isDateTime = formats['date-time'].validate;

describe('the date-time format', () => {
  it('takes and refuses what the regex did, on dates near each rule', () => {
    for (const s of [
      '2026-11-22T00:00:00.000Z',
      '2026-11-22t23:59:60z',
      '2024-02-29T12:00:00+05:30',
      '2023-02-29T12:00:00Z',
      '2000-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-13-10T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-04-00T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T00:60:00Z',
      '2026-01-01T00:00:61Z',
      '2026-01-01T00:00:00.Z',
      '2026-01-01T00:00:00.123456789-23:59',
      '2026-01-01T00:00:00+24:00',
      '2026-01-01T00:00:00+00:60',
      '2026-01-01T00:00:00+0000',
      '2026-01-01T00:00:00',
      '2026-01-01T00:00:00Z ',
      '2026-01-01 00:00:00Z',
      '२०२६-01-01T00:00:00Z',
      '',
    ])
      expect(isDateTime(s), s).toBe(reference(s));
  });

  it('agrees with the regex on arbitrary edits of a date-time', () => {
    const base = fc.constantFrom('2026-11-22T10:20:30.456Z', '2024-02-29t23:59:60+14:00', '1999-12-31T00:00:00-00:30');
    const edit = fc.record({
      at: fc.nat({ max: 30 }),
      drop: fc.nat({ max: 3 }),
      insert: fc.string({ unit: fc.constantFrom(...'0123456789-:.TtZz+ x9'), maxLength: 3 }),
    });
    fc.assert(
      fc.property(base, fc.array(edit, { maxLength: 3 }), (s, edits) => {
        for (const { at, drop, insert } of edits) s = s.slice(0, at) + insert + s.slice(at + drop);
        expect(isDateTime(s), s).toBe(reference(s));
      }),
      { numRuns: 20_000 },
    );
  });
});
