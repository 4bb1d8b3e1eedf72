import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCassette, updateCassette, type Cassette } from '../../src/cassette/index.js';
import { bundleStore } from './support/bundle-store.js';
import { labelledInteraction } from './support/sample-cassette.js';
import { useTempDir } from './support/temp-dir.js';

const dir = useTempDir();

// Big enough (about 1 MB) that a write takes a while, so kills land in the middle of one.
const INTERACTIONS = 20;
const FILLER = 50_000;

/** Generation `g` of the cassette the writer process loops over; the worker script builds the same. */
function generation(g: number, node: string): Cassette {
  return {
    version: 1,
    recordedWith: { library: 'lambda-cassette', libraryVersion: 'crash-test', node },
    interactions: Array.from({ length: INTERACTIONS }, (_, index) => ({
      request: { functionName: 'big-fn', region: 'us-east-1', payload: { json: { generation: g, index } } },
      response: { status: 202, headers: { 'x-generation': String(g) }, body: { text: `${g}:`.padEnd(FILLER, 'x') } },
      recordedAt: '2026-11-22T00:00:00.000Z',
    })),
  };
}

describe('a process killed in the middle of writing', () => {
  let writer: string;

  beforeAll(async () => {
    const bundle = await bundleStore(path.join(dir.path, 'store.mjs'));
    writer = path.join(dir.path, 'writer.mjs');
    await writeFile(
      writer,
      `import { writeCassetteAtomic } from ${JSON.stringify(bundle)};
const [file, start] = process.argv.slice(2);
const generation = (g) => ({
  version: 1,
  recordedWith: { library: 'lambda-cassette', libraryVersion: 'crash-test', node: process.version },
  interactions: Array.from({ length: ${INTERACTIONS} }, (_, index) => ({
    request: { functionName: 'big-fn', region: 'us-east-1', payload: { json: { generation: g, index } } },
    response: { status: 202, headers: { 'x-generation': String(g) }, body: { text: (g + ':').padEnd(${FILLER}, 'x') } },
    recordedAt: '2026-11-22T00:00:00.000Z',
  })),
});
for (let g = Number(start); ; g++) {
  await writeCassetteAtomic(file, generation(g));
  if (g === Number(start)) process.stdout.write('first\\n');
}
`,
    );
  });

  it('leaves the previous complete cassette, loadable, after every SIGKILL', async () => {
    const file = path.join(dir.path, 'crash', 'big.json');
    const seen: number[] = [];
    for (let round = 0; round < 4; round++) {
      const child: ChildProcess = spawn(process.execPath, [writer, file, String(round * 1000)], { stdio: ['ignore', 'pipe', 'inherit'] });
      await once(child.stdout!, 'data'); // its first complete write is on disk
      await sleep(Math.random() * 30);
      child.kill('SIGKILL');
      await once(child, 'exit');

      const loaded = await loadCassette(file);
      const g = (loaded!.interactions[0]!.request.payload as { json: { generation: number } }).json.generation;
      expect(loaded).toEqual(generation(g, process.version));
      expect(g).toBeGreaterThanOrEqual(round * 1000);
      seen.push(g);
    }
    // Temp files from killed writes may remain; they are hidden and never read.
    const leftovers = (await readdir(path.dirname(file))).filter((f) => f !== 'big.json');
    expect(leftovers.every((f) => /^\.big\.json\.\d+\.[0-9a-f]+\.tmp$/.test(f)), leftovers.join(', ')).toBe(true);
    // And they do not get in the way of the next update.
    await updateCassette(file, (c) => ({ ...c!, interactions: [...c!.interactions, labelledInteraction('after', 0)] }));
    expect((await loadCassette(file))!.interactions).toHaveLength(INTERACTIONS + 1);
    console.log(`generations on disk after each kill: ${seen.join(', ')}; ${leftovers.length} temp file(s) left by kills mid-write`);
  });
});
