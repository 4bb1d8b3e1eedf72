/**
 * Timing by alternating blocks: every round runs one block of each variant in turn (A B C A B C
 * ...), so whatever else the machine is doing hits every variant alike; a variant's cost is the
 * median over rounds. Setup and teardown (opening a cassette, defining interceptors) are outside
 * the timed part, the young generation is collected (and the collector left to finish) before each block, and
 * each block's first call, which runs cold after that, is made but not timed.
 */

/** Median, and the quartiles as a measure of spread. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => {
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  };
  return { median: at(0.5), q1: at(0.25), q3: at(0.75), n: sorted.length };
}

/**
 * Runs `rounds` measured rounds after `warmup` unmeasured ones (and, first, enough blocks of each
 * variant on its own to make `warmupCalls` calls). `collect` is the collection run before each block.
 *
 * A variant is `{ name, calls, setup }` (`calls` timed calls, after one untimed: calls 0 to `calls`
 * are sent, and an optional `dispose()` after the last round); `setup()` returns `{ send(i), teardown() }` and may
 * return `{ setupMs }` too (its own measure of what it set up, e.g. a cassette load).
 * Returns, per variant name, `{ wall, cpu, setup }` arrays: ms per call, and setup ms, per block.
 */
export async function alternate(
  variants,
  { rounds, warmup = 2, warmupCalls = 0, settleMs = 5, collect = 'minor', onRound } = {},
) {
  const results = Object.fromEntries(variants.map((v) => [v.name, { wall: [], cpu: [], setup: [] }]));
  // The SDK and sinon take thousands of calls to reach full speed under V8's optimizing compilers.
  for (const variant of variants) {
    for (let done = 0; done < warmupCalls; done += variant.calls + 1) {
      const block = await variant.setup();
      for (let i = 0; i <= variant.calls; i++) await block.send(i);
      await block.teardown();
    }
  }
  for (let round = -warmup; round < rounds; round++) {
    // A full collection between rounds, untimed, so what earlier setups left behind (a 10,000-interaction
    // cassette is 20 MB of garbage once closed) is never collected on a block's time.
    globalThis.gc?.({ type: 'major' });
    for (const variant of variants) {
      const t0 = performance.now();
      const block = await variant.setup();
      const setupMs = block.setupMs ?? performance.now() - t0;
      // A young-generation collection: the block starts with an empty nursery. Where setups allocate
      // a lot (loading a large cassette), `collect: 'major'` also finishes the collection that the
      // allocation started, so that its marking does not run on the block's time.
      globalThis.gc?.({ type: collect });
      // Let the collector's background threads finish before timing (there are two cores here).
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      // The first call after a collection runs cold (about a millisecond more through the SDK,
      // whatever answers it): it is made, not timed.
      await block.send(0);
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      for (let i = 1; i <= variant.calls; i++) await block.send(i);
      const wall = (performance.now() - start) / variant.calls;
      const cpu = process.cpuUsage(cpu0);
      await block.teardown();
      if (round >= 0) {
        const r = results[variant.name];
        r.wall.push(wall);
        r.cpu.push((cpu.user + cpu.system) / 1000 / variant.calls);
        r.setup.push(setupMs);
      }
    }
    onRound?.(round);
  }
  for (const variant of variants) await variant.dispose?.();
  return results;
}
