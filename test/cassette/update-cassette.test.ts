import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadCassette,
  newCassette,
  serializeCassette,
  updateCassette,
  type Cassette,
} from '../../src/cassette/index.js';
import { bundleStore } from './support/bundle-store.js';
import { labelledInteraction } from './support/sample-cassette.js';
import { useTempDir } from './support/temp-dir.js';

const dir = useTempDir();

const append =
  (worker: string, index: number) =>
  (current: Cassette | undefined): Cassette => {
    const cassette = current ?? newCassette();
    return { ...cassette, interactions: [...cassette.interactions, labelledInteraction(worker, index)] };
  };

/** `[worker, index]` of every interaction, in file order. */
const labels = (c: Cassette): [string, number][] =>
  c.interactions.map((i) => {
    const { worker, index } = (i.request.payload as { json: { worker: string; index: number } }).json;
    return [worker, index];
  });

describe('updateCassette', () => {
  it('creates the cassette (and its directory) when there is none, and returns what it wrote', async () => {
    const file = path.join(dir.path, 'new', 'a.json');
    const seen: (Cassette | undefined)[] = [];
    const written = await updateCassette(file, (c) => (seen.push(c), append('a', 0)(c)));
    expect(seen).toEqual([undefined]);
    expect(await loadCassette(file)).toEqual(written);
    expect(await readdir(path.dirname(file))).toEqual(['a.json']); // lock released, no temp file
  });

  it('queues concurrent updates in one process: none is lost', async () => {
    const file = path.join(dir.path, 'same-process.json');
    await Promise.all(Array.from({ length: 20 }, (_, i) => updateCassette(file, append('p', i))));
    const cassette = await loadCassette(file);
    expect(labels(cassette!)).toEqual(Array.from({ length: 20 }, (_, i) => ['p', i]));
  });

  it('leaves the file as it was when update throws, and releases the lock', async () => {
    const file = path.join(dir.path, 'throwing.json');
    await updateCassette(file, append('t', 0));
    const before = await readFile(file, 'utf8');
    await expect(
      updateCassette(file, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await readFile(file, 'utf8')).toBe(before);
    await updateCassette(file, append('t', 1)); // would time out if the lock were still held
    expect(labels((await loadCassette(file))!)).toEqual([
      ['t', 0],
      ['t', 1],
    ]);
  });

  it('does not overwrite a cassette it cannot load', async () => {
    const file = path.join(dir.path, 'corrupt.json');
    const corrupt = serializeCassette(newCassette()).slice(0, 40);
    await writeFile(file, corrupt);
    let called = false;
    await expect(updateCassette(file, (c) => ((called = true), c!))).rejects.toMatchObject({
      code: 'LC_CASSETTE_INVALID_JSON',
      file,
    });
    expect(called).toBe(false);
    expect(await readFile(file, 'utf8')).toBe(corrupt);
  });

  it('waits for a lock held by another holder and fails with LC_CASSETTE_LOCK_TIMEOUT when it is never released', async () => {
    const file = path.join(dir.path, 'held.json');
    // A fresh lock directory, as a live process holding the lock leaves it.
    await mkdir(`${file}.lock`);
    const started = Date.now();
    await expect(updateCassette(file, append('h', 0), { lockTimeoutMs: 200 })).rejects.toMatchObject({
      code: 'LC_CASSETTE_LOCK_TIMEOUT',
      message: expect.stringContaining(`${file}: another process held the cassette's lock (${file}.lock)`),
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  });

  it('takes over a stale lock left by a crashed process', async () => {
    const file = path.join(dir.path, 'stale.json');
    const lock = `${file}.lock`;
    await mkdir(lock);
    // A holder refreshes the lock's mtime every few seconds; one a minute old has no live holder.
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(lock, aMinuteAgo, aMinuteAgo);
    const written = await updateCassette(file, append('s', 0), { lockTimeoutMs: 1000 });
    expect(written.interactions).toHaveLength(1);
    expect(await readdir(dir.path)).not.toContain('stale.json.lock');
  });
});

describe('several processes recording into one cassette', () => {
  const WORKERS = 2;
  const APPENDS = 25;
  let worker: string;

  beforeAll(async () => {
    const bundle = await bundleStore(path.join(dir.path, 'store.mjs'));
    worker = path.join(dir.path, 'append-worker.mjs');
    // Each worker waits for "go" so that all of them contend for the lock at the same time.
    await writeFile(
      worker,
      `import { once } from 'node:events';
import { newCassette, updateCassette } from ${JSON.stringify(bundle)};
const [file, name, count] = process.argv.slice(2);
process.send('ready');
await once(process, 'message');
for (let index = 0; index < Number(count); index++) {
  await updateCassette(file, (current) => {
    const cassette = current ?? newCassette();
    cassette.interactions.push({
      request: { functionName: 'fn-' + name, region: 'us-east-1', payload: { json: { worker: name, index } } },
      response: { status: 202, headers: { 'content-type': 'application/json' }, body: { json: { Status: 202 } } },
      recordedAt: new Date().toISOString(),
    });
    return cassette;
  });
}
process.disconnect();
`,
    );
  });

  it(`${WORKERS} processes × ${APPENDS} appends: the file is valid and holds every interaction`, async () => {
    const file = path.join(dir.path, 'shared', 'cassette.json');
    const children = Array.from({ length: WORKERS }, (_, w) =>
      fork(worker, [file, `w${w}`, String(APPENDS)], { stdio: 'pipe' }),
    );
    const stderr = children.map((child) => {
      let text = '';
      child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
      return () => text;
    });
    await Promise.all(children.map((child) => once(child, 'message')));
    const exits = children.map((child) => once(child, 'exit') as Promise<[number | null]>);
    for (const child of children) child.send('go');
    const codes = (await Promise.all(exits)).map(([code]) => code);
    expect(codes, stderr.map((s) => s()).join('\n')).toEqual(children.map(() => 0));

    const cassette = await loadCassette(file);
    const got = labels(cassette!);
    expect(got).toHaveLength(WORKERS * APPENDS);
    for (let w = 0; w < WORKERS; w++) {
      // Every append of every worker is there, each worker's in its own order.
      expect(got.filter(([name]) => name === `w${w}`).map(([, i]) => i)).toEqual(
        Array.from({ length: APPENDS }, (_, i) => i),
      );
    }
    expect(await readFile(file, 'utf8')).toBe(serializeCassette(cassette!));
    expect(await readdir(path.dirname(file))).toEqual(['cassette.json']);
  });
});
