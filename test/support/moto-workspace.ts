import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Cassette } from '../../src/index.js';
import { startMoto, type MotoServer } from './moto.js';

/** A moto server with functions created, a cassette folder, and the file's cassettes read back. */
export interface MotoWorkspace {
  readonly moto: MotoServer;
  /** The cassette folder, removed after the file's tests. */
  readonly dir: string;
  cassettePath(name: string): string;
  readCassette(name: string): Cassette;
}

/**
 * Starts moto once for a test file (hooks registered here), creates `functionNames`, and gives every
 * test a private cassette folder; after each test moto's request recorder is stopped so one test's
 * "nothing reached moto" never counts another's requests.
 */
export function useMotoWorkspace(tmpPrefix: string, functionNames: readonly string[]): MotoWorkspace {
  let moto: MotoServer | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), tmpPrefix));
    moto = await startMoto();
    for (const name of functionNames) await moto.createFunction(name);
  }, 60_000);
  afterEach(async () => {
    await moto?.stopRecording().catch(() => {});
  });
  afterAll(async () => {
    await moto?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const workspace: MotoWorkspace = {
    get moto() {
      if (!moto) throw new Error('moto is not started yet: use the workspace inside a test or hook');
      return moto;
    },
    get dir() {
      if (!dir) throw new Error('the cassette folder is not made yet: use the workspace inside a test or hook');
      return dir;
    },
    cassettePath: (name) => path.join(workspace.dir, `${name}.json`),
    readCassette: (name) => JSON.parse(readFileSync(workspace.cassettePath(name), 'utf8')) as Cassette,
  };
  return workspace;
}
