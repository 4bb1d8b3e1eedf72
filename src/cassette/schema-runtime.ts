/**
 * The functions the generated cassette validators (cassette-validators.generated.ts) call: the
 * schema's one format, and string length as JSON Schema counts it. Kept here, in our own code, so
 * validating needs neither ajv nor its code generator at run time.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of the `count` ASCII digits of `s` at `at`, or -1 when one is not a digit. */
function digitsAt(s: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * RFC 3339 date-time (what JSON Schema's "date-time" format means), with real calendar checks:
 * `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z` or `+HH:MM` / `-HH:MM` (`T` and `Z` in either
 * case). Called once per interaction on every load and on each interaction a replay first plays:
 * read character by character, a quarter of the time the regex with eight groups took.
 */
function isDateTime(s: string): boolean {
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  const second = digitsAt(s, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return false;
  if (s[4] !== '-' || s[7] !== '-' || (s[10] !== 'T' && s[10] !== 't') || s[13] !== ':' || s[16] !== ':') return false;
  let at = 19;
  if (s[at] === '.') {
    const first = ++at;
    while (digitsAt(s, at, 1) >= 0) at++;
    if (at === first) return false;
  }
  const zone = s[at];
  if (zone === 'Z' || zone === 'z') {
    if (s.length !== at + 1) return false;
  } else if (zone === '+' || zone === '-') {
    const offsetHour = digitsAt(s, at + 1, 2);
    const offsetMinute = digitsAt(s, at + 4, 2);
    if (s.length !== at + 6 || s[at + 3] !== ':' || offsetHour < 0 || offsetMinute < 0) return false;
    if (offsetHour > 23 || offsetMinute > 59) return false;
  } else return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  // Second 60 is a leap second, which RFC 3339 allows.
  return day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 60;
}

/**
 * Standard base64 with padding (RFC 4648 section 4), checked in one pass: a regex
 * (`^(?:[A-Za-z0-9+/]{4})*...$`) overflows V8's backtracking stack on bodies over ~8 MB.
 */
function isBase64(s: string): boolean {
  const n = s.length;
  if (n % 4 !== 0) return false;
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  for (let i = 0; i < n - padding; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!ok) return false;
  }
  return true;
}

/** The formats the schema uses, as the generated validators look them up (ajv's format objects). */
export const formats = {
  'date-time': { type: 'string', validate: isDateTime },
  base64: { type: 'string', validate: isBase64 },
} as const;

/** Length in code points, as JSON Schema's minLength/maxLength count (ajv's runtime `ucs2length`). */
export function ucs2length(str: string): number {
  const len = str.length;
  let length = 0;
  let pos = 0;
  while (pos < len) {
    length++;
    const value = str.charCodeAt(pos++);
    // A high surrogate followed by a low one is one code point.
    if (value >= 0xd800 && value <= 0xdbff && pos < len && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}
