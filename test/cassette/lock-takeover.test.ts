/**
 * A writer SIGKILLed at any moment of its work (taking the lock, noting itself as holder, writing,
 * forgetting its note, releasing) never makes the next writer wait for the lock to go stale. 50
 * real child processes, each writing in a loop, are killed at a random moment; the next write in
 * this process is timed. The stale period is ten minutes here, so only noticing the dead holder
 * lets a write through: every wait over 1 s is counted, and there must be none.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCassette, newCassette, updateCassette, type Cassette } from '../../src/cassette/index.js';
import { bundleStore } from './support/bundle-store.js';
import { labelledInteraction } from './support/sample-cassette.js';
import { useTempDir } from './support/temp-dir.js';

const dir = useTempDir();
const TRIES = 50;

const append =
  (worker: string, index: number) =>
  (current: Cassette | undefined): Cassette => {
    const cassette = current ?? newCassette();
    return { ...cassette, interactions: [...cassette.interactions, labelledInteraction(worker, index)] };
  };

describe('the next writer after a SIGKILL', () => {
  let worker: string;
  beforeAll(async () => {
    const bundle = await bundleStore(path.join(dir.path, 'store.mjs'));
    worker = path.join(dir.path, 'loop-worker.mjs');
    // Writes (lock, note, write, forget, release) in a tight loop until killed.
    await writeFile(
      worker,
      `import { newCassette, updateCassette } from ${JSON.stringify(bundle)};
const [file] = process.argv.slice(2);
process.send('started');
for (let i = 0; ; i++) await updateCassette(file, (c) => ({ ...(c ?? newCassette()), interactions: (c?.interactions ?? []).slice(-3) }));
`,
    );
  });

  it(`takes a dead holder's lock over at once, ${TRIES} kills out of ${TRIES}`, async () => {
    const file = path.join(dir.path, 'kills', 'cassette.json');
    await updateCassette(file, append('first', 0));
    const waits: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      const child = fork(worker, [file], { stdio: 'ignore' });
      await once(child, 'message');
      await sleep(Math.random() * 40);
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
      const started = Date.now();
      await updateCassette(file, append('next', i), { staleMs: 600_000, lockTimeoutMs: 5_000 }).catch(() => undefined);
      waits.push(Date.now() - started);
    }
    const long = waits.filter((ms) => ms > 1_000);
    expect(long, `waits in ms: ${waits.join(', ')}`).toEqual([]);
    expect((await loadCassette(file))!.interactions.at(-1)!.request.functionName).toBe(`fn-next`);
  }, 300_000);
});
