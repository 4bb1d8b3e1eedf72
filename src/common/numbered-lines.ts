/** One numbered entry per distinct line; a line met again (an SDK retry) says how often instead. */
export function numbered(lines: readonly string[]): string {
  const counts = lines.reduce((m, line) => m.set(line, (m.get(line) ?? 0) + 1), new Map<string, number>());
  return [...counts].map(([line, n], i) => `  ${i + 1}. ${line}${n > 1 ? ` (${n} attempts)` : ''}`).join('\n');
}
