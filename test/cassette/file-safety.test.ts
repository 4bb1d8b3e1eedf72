/**
 * Cassette files stay inside their folder, a crashed writer never blocks the next
 * one, its temp files do not pile up, and no cassette name becomes a dot-file that `validate` and
 * `redact` would skip.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCassette, newCassette, updateCassette, type Cassette } from '../../src/cassette/index.js';
import { openCassette } from '../../src/index.js';
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

describe('a symlinked folder inside the cassette folder', () => {
  it('is refused at open when it leads outside, and nothing is written there', async () => {
    const root = path.join(dir.path, 'symlinked');
    const outside = path.join(dir.path, 'outside');
    await mkdir(path.join(root, 'cassettes'), { recursive: true });
    await mkdir(outside, { recursive: true });
    await symlink(outside, path.join(root, 'cassettes', 'linked'), 'dir');
    const opening = openCassette('linked/escape', {
      dir: path.join(root, 'cassettes'),
      mode: 'record',
      allowRecordingInCI: true,
    });
    await expect(opening).rejects.toMatchObject({
      code: 'LC_INVALID_CASSETTE_NAME',
      message: expect.stringMatching(/symbolic link.*outside/),
    });
    expect(await readdir(outside)).toEqual([]);
  });

  it('is accepted when the link stays inside the folder, and so is a cassette folder that is itself a link', async () => {
    const real = path.join(dir.path, 'real-cassettes');
    await mkdir(path.join(real, 'inner'), { recursive: true });
    const linkedDir = path.join(dir.path, 'linked-cassettes');
    await symlink(real, linkedDir, 'dir');
    await symlink(path.join(real, 'inner'), path.join(real, 'alias'), 'dir');
    const lambda = await openCassette('alias/ok', { dir: linkedDir, mode: 'record', allowRecordingInCI: true });
    await lambda.close();
    expect(await readdir(path.join(real, 'inner'))).toEqual(['ok.json']);
  });

  it('refuses to write when the folder was swapped for such a link after open, and writes nothing there', async () => {
    const root = path.join(dir.path, 'swapped');
    const outside = path.join(dir.path, 'swapped-outside');
    await mkdir(path.join(root, 'sub'), { recursive: true });
    await mkdir(outside, { recursive: true });
    const lambda = await openCassette('sub/later', { dir: root, mode: 'record', allowRecordingInCI: true });
    await rm(path.join(root, 'sub'), { recursive: true });
    await symlink(outside, path.join(root, 'sub'), 'dir');
    await expect(lambda.close()).rejects.toMatchObject({
      code: 'LC_CASSETTE_WRITE',
      message: expect.stringMatching(/symbolic link/),
    });
    expect(await readdir(outside)).toEqual([]);
  });

  it('refuses a cassette file that is a link to a file outside the folder', async () => {
    const root = path.join(dir.path, 'file-link');
    await mkdir(root, { recursive: true });
    const target = path.join(dir.path, 'victim.json');
    await writeFile(target, 'precious');
    await symlink(target, path.join(root, 'c.json'), 'file');
    await expect(openCassette('c', { dir: root, mode: 'record', allowRecordingInCI: true })).rejects.toMatchObject({
      code: 'LC_INVALID_CASSETTE_NAME',
    });
  });
});

describe('names that would become dot-files', () => {
  it.each(['.json', 'a/', '.hidden', 'a/.b', 'a//b'])('refuses %j with a message saying what to do', async (name) => {
    const opening = openCassette(name, { dir: path.join(dir.path, 'dots'), mode: 'record', allowRecordingInCI: true });
    await expect(opening).rejects.toMatchObject({
      code: 'LC_INVALID_CASSETTE_NAME',
      message: expect.stringContaining(JSON.stringify(name)),
    });
    expect(existsSync(path.join(dir.path, 'dots'))).toBe(false);
  });
});

describe('a writer killed while it holds the lock', () => {
  let worker: string;

  beforeAll(async () => {
    const bundle = await bundleStore(path.join(dir.path, 'store.mjs'));
    worker = path.join(dir.path, 'hang-worker.mjs');
    // Takes the lock, says so, then hangs inside the update until it is killed.
    await writeFile(
      worker,
      `import { updateCassette } from ${JSON.stringify(bundle)};
const [file] = process.argv.slice(2);
// Nothing else keeps this process alive (the lock's own timer is unref'd).
setInterval(() => {}, 60_000);
await updateCassette(file, () => { process.send('locked'); return new Promise(() => {}); });
`,
    );
  });

  it('does not block the next writer until the lock goes stale, and its temp files are cleaned', async () => {
    const file = path.join(dir.path, 'killed', 'cassette.json');
    await updateCassette(file, append('before', 0));
    const child = fork(worker, [file], { stdio: 'pipe' });
    await once(child, 'message');
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    // What a write interrupted between creating its temp file and renaming it leaves behind.
    const leftover = path.join(path.dirname(file), `.cassette.json.${child.pid}.0123456789ab.tmp`);
    await writeFile(leftover, '{"half":');

    // The lock would only count as stale after ten minutes, and waiting is capped at 20 s: only
    // noticing that its holder is dead lets this write through.
    await updateCassette(file, append('after', 0), { staleMs: 600_000, lockTimeoutMs: 20_000 });
    const cassette = await loadCassette(file);
    expect(cassette!.interactions.map((i) => i.request.functionName)).toEqual(['fn-before', 'fn-after']);
    expect(await readdir(path.dirname(file))).toEqual(['cassette.json']);
  }, 30_000);

  it('still waits for a live holder', async () => {
    const file = path.join(dir.path, 'alive', 'cassette.json');
    const child = fork(worker, [file], { stdio: 'pipe' });
    try {
      await once(child, 'message');
      await expect(
        updateCassette(file, append('x', 0), { staleMs: 600_000, lockTimeoutMs: 500 }),
      ).rejects.toMatchObject({ code: 'LC_CASSETTE_LOCK_TIMEOUT' });
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit').catch(() => {});
    }
  });
});
