/** Parsers of command-line option values: each checks its value and says what is accepted. */
import { InvalidArgumentError } from 'commander';

/** `--port`: 0 lets the system pick a free port. */
export function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65_535)
    throw new InvalidArgumentError('must be an integer from 0 to 65535 (0: any free port)');
  return n;
}

/** `--width`: narrower than 10 leaves no room for a summary. */
export function width(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 10) throw new InvalidArgumentError('must be an integer of at least 10');
  return n;
}

/** A repeatable option: every value given, in order. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A repeatable option of comma-separated values, all of them in order. */
export function list(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}
