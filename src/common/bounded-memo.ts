/**
 * A cache for what the hot paths derive from strings that come back over and over (URLs, host names,
 * header names, function references): a process uses few distinct ones, so each is computed once.
 * Bounded, in case they are generated: past `limit` keys, everything is forgotten at once (cheaper
 * than tracking which one is oldest, and a working set that small fills it again at once).
 */
export function boundedMemo<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const kept = new Map<string, V>();
  return (key) => {
    let value = kept.get(key);
    // `has` only on a miss or an `undefined` value: hits on defined values cost one lookup.
    if (value === undefined && !kept.has(key)) {
      if (kept.size >= limit) kept.clear();
      value = compute(key);
      kept.set(key, value);
    }
    return value as V;
  };
}
