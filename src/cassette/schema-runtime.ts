/**
 * The functions the generated cassette validators (cassette-validators.generated.ts) call: the
 * schema's one format, and string length as JSON Schema counts it. Kept here, in our own code, so
 * validating needs neither ajv nor its code generator at run time.
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 date-time (what JSON Schema's "date-time" format means), with real calendar checks. Called once per interaction on every load. */
function isDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  // Second 60 is a leap second, which RFC 3339 allows.
  return (
    day >= 1 &&
    day <= daysInMonth &&
    Number(m[4]) <= 23 &&
    Number(m[5]) <= 59 &&
    Number(m[6]) <= 60 &&
    (m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59))
  );
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
