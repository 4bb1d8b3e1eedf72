/**
 * Several worker processes recording into one cassette at once (as vitest workers do under
 * LAMBDA_CASSETTE_MODE=record) keep every interaction and leave valid JSON.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleLibrary } from '../support/bundle-library.js';
import { startUpstream } from '../support/upstream-server.js';

let dir: string;
let library: string;
let upstream: Awaited<ReturnType<typeof startUpstream>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lc-workers-'));
  library = await bundleLibrary('parallel-workers');
  upstream = await startUpstream();
}, 60_000);
afterAll(async () => {
  await upstream?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (library) await rm(library, { force: true });
});

const WORKER = `
import { openCassette } from ${JSON.stringify('LIBRARY')};
const [dir, endpoint, worker, count, mode] = process.argv.slice(2);
const lambda = await openCassette('shared', { dir, endpoint, mode });
for (let i = 0; i < Number(count); i++) {
  const res = await fetch(endpoint + '/2014-11-13/functions/fn-' + worker + '/invoke-async', { method: 'POST', body: JSON.stringify({ worker, i }) });
  if (res.status !== 202) throw new Error('unexpected status ' + res.status);
}
await lambda.close();
`;

function run(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: '' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}: ${stderr}`))));
  });
}

it.each(['record', 'new-episodes'])(
  '%s: three workers recording into one cassette at once lose nothing',
  async (mode) => {
    const script = join(dir, `worker-${mode}.mjs`);
    await writeFile(script, WORKER.replace(JSON.stringify('LIBRARY'), JSON.stringify(library)));
    const cassetteDir = join(dir, mode);
    const workers = ['a', 'b', 'c'];
    await Promise.all(workers.map((w) => run(script, [cassetteDir, upstream.url, w, '15', mode])));
    // A second round, after the file exists, must keep the first round's answers too.
    await run(script, [cassetteDir, upstream.url, 'd', '5', mode]);

    const cassette = JSON.parse(await readFile(join(cassetteDir, 'shared.json'), 'utf8')) as {
      interactions: { request: { functionName: string; payload: { json: { i: number } } } }[];
    };
    const seen = cassette.interactions.map((i) => `${i.request.functionName}/${i.request.payload.json.i}`).sort();
    const expected = [
      ...workers.flatMap((w) => Array.from({ length: 15 }, (_, i) => `fn-${w}/${i}`)),
      ...Array.from({ length: 5 }, (_, i) => `fn-d/${i}`),
    ].sort();
    expect(seen).toEqual(expected);
  },
  60_000,
);
