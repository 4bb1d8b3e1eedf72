import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
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
      `import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
// Writing 1 MB to the page cache takes about a millisecond, so random kills would almost never land
// in the middle of it. Slow every write down to 64 KB chunks with a pause between them, and say on
// stdout when one starts, so the test can kill the process while the bytes are going to disk.
// Patched before the store is imported, for FileHandle.writeFile and fs/promises.writeFile alike.
const probe = await fsp.open(process.argv[1]);
const FileHandle = Object.getPrototypeOf(probe);
await probe.close();
FileHandle.writeFile = async function (data) {
  process.stdout.write('writing\\n');
  const bytes = Buffer.from(data);
  for (let at = 0; at < bytes.length; at += 65536) {
    await this.write(bytes.subarray(at, at + 65536));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};
fsp.writeFile = async (file, data) => {
  const handle = await fsp.open(file, 'w');
  try { await handle.writeFile(data); } finally { await handle.close(); }
};
syncBuiltinESMExports();
const { writeCassetteAtomic } = await import(${JSON.stringify(bundle)});
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

  /** Starts a writer and kills it a random moment into the write after its first complete one. */
  async function killMidWrite(file: string, start: number): Promise<void> {
    const child: ChildProcess = spawn(process.execPath, [writer, file, String(start)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let firstDone = false;
    const secondWriteStarted = new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line === 'first') firstDone = true;
        else if (line === 'writing' && firstDone) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the writer exited on its own (${code})`)));
    });
    await secondWriteStarted;
    await sleep(Math.random() * 12); // the slowed write lasts about 16 ms
    child.kill('SIGKILL');
    await once(child, 'exit');
  }

  it('leaves the previous complete cassette, loadable, after every SIGKILL', async () => {
    const file = path.join(dir.path, 'crash', 'big.json');
    const seen: number[] = [];
    for (let round = 0; round < 4; round++) {
      await killMidWrite(file, round * 1000);
      const loaded = await loadCassette(file);
      const g = (loaded!.interactions[0]!.request.payload as { json: { generation: number } }).json.generation;
      expect(loaded).toEqual(generation(g, process.version));
      expect(g).toBeGreaterThanOrEqual(round * 1000);
      seen.push(g);
    }
    // The kills did land mid-write: they left the temporary files of unfinished writes behind.
    // Those are hidden, never read, and do not get in the way of the next update.
    const leftovers = (await readdir(path.dirname(file))).filter((f) => f !== 'big.json');
    expect(leftovers.length, `generations on disk after each kill: ${seen.join(', ')}`).toBeGreaterThan(0);
    expect(
      leftovers.every((f) => /^\.big\.json\.\d+\.[0-9a-f]+\.tmp$/.test(f)),
      leftovers.join(', '),
    ).toBe(true);
    await updateCassette(file, (c) => ({ ...c!, interactions: [...c!.interactions, labelledInteraction('after', 0)] }));
    expect((await loadCassette(file))!.interactions).toHaveLength(INTERACTIONS + 1);
  });
});
