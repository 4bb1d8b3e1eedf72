/**
 * Cassette expiry (`maxAge`, `onExpired`): an interaction recorded longer ago than `maxAge` is
 * expired, and `onExpired` says what replaying it does (Polly's `expiresIn` / `expiryStrategy`).
 */
import { InvalidOptionError } from '../common/seal-errors.js';

/** What replaying an expired interaction does. */
export type ExpiryStrategy = 'warn' | 'error' | 'record';

const EXPIRY_STRATEGIES: readonly ExpiryStrategy[] = ['warn', 'error', 'record'];

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/;

const HOW = "a number of milliseconds, or a string such as '30d', '12h', '90m', '2w' (units ms, s, m, h, d, w)";

/**
 * `maxAge` in milliseconds.
 * @throws {TypeError} naming the option and what it accepts.
 */
export function parseMaxAge(value: unknown): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value > 0) return value;
    throw new InvalidOptionError(`lambda-cassette: option "maxAge" is ${value}; use ${HOW}, greater than zero`);
  }
  if (typeof value === 'string') {
    const m = DURATION.exec(value.trim());
    const ms = m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : 0;
    if (ms > 0) return ms;
  }
  throw new InvalidOptionError(`lambda-cassette: option "maxAge" is ${JSON.stringify(value)}; use ${HOW}`);
}

/**
 * Checks `onExpired` at open.
 * @throws {TypeError} naming the option and its values.
 */
export function checkExpiryStrategy(value: unknown): asserts value is ExpiryStrategy | undefined {
  if (value === undefined || EXPIRY_STRATEGIES.includes(value as ExpiryStrategy)) return;
  throw new InvalidOptionError(
    `lambda-cassette: option "onExpired" is ${JSON.stringify(value)}; use one of ${EXPIRY_STRATEGIES.map((s) => `'${s}'`).join(', ')}`,
  );
}

/** Whether an interaction recorded at `recordedAt` (RFC 3339) is older than `maxAgeMs` at `now`. */
export function isExpired(recordedAt: string, maxAgeMs: number, now: number = Date.now()): boolean {
  const at = Date.parse(recordedAt);
  return Number.isFinite(at) && now - at > maxAgeMs;
}

/** An age in words for messages: `100 days`, `13 hours`, `5 minutes`. */
export function describeAge(ms: number): string {
  // Under a second (maxAge: 1 is one millisecond) in milliseconds: "0 seconds" reads as no limit at all.
  const [unit, size] =
    ms >= UNIT_MS.d
      ? ['day', UNIT_MS.d]
      : ms >= UNIT_MS.h
        ? ['hour', UNIT_MS.h]
        : ms >= UNIT_MS.m
          ? ['minute', UNIT_MS.m]
          : ms >= UNIT_MS.s
            ? ['second', UNIT_MS.s]
            : ['millisecond', 1];
  const n = Math.floor(ms / size);
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
