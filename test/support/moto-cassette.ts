/** Cassettes recorded from a real moto server, for the tests of what keeps them true. */
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { openCassette, type Cassette, type OpenCassetteOptions } from '../../src/index.js';
import { startMoto, type MotoServer } from './moto.js';

/** InvokeAsync through the real SDK pointed at moto (intercepted by any open double). */
export function invokeVia(moto: MotoServer, FunctionName: string, payload: unknown): Promise<unknown> {
  return moto.lambdaClient().send(new InvokeAsyncCommand({ FunctionName, InvokeArgs: JSON.stringify(payload) }));
}

/** Records `calls` from moto into `<dir>/<name>.json` (record mode) and returns the file. */
export async function recordFromMoto(
  moto: MotoServer,
  dir: string,
  name: string,
  calls: readonly (readonly [string, unknown])[],
  options: OpenCassetteOptions = {},
): Promise<string> {
  const lambda = await openCassette(name, {
    dir,
    endpoint: moto.url,
    mode: 'record',
    allowRecordingInCI: true,
    ...options,
  });
  for (const [fn, payload] of calls) await invokeVia(moto, fn, payload);
  await lambda.close();
  return join(dir, `${name}.json`);
}

export function readCassette(file: string): Cassette {
  return JSON.parse(readFileSync(file, 'utf8')) as Cassette;
}

/** Rewrites a cassette file through `edit`. */
export function editCassette(file: string, edit: (c: Cassette) => void): void {
  const cassette = readCassette(file);
  edit(cassette);
  writeFileSync(file, JSON.stringify(cassette, null, 2));
}

/** A moto server with `functions` created and an empty temporary folder, for one test file. */
export interface MotoWorkspace {
  readonly moto: MotoServer;
  readonly dir: string;
}

/**
 * Starts moto and makes a temporary folder in `beforeAll`, removes both in `afterAll`, and clears the
 * environment that would change a double's mode (`LAMBDA_CASSETTE_MODE`, `CI`, ...) around each test.
 * `ready` runs once both exist (say, to record the file's master cassette).
 */
export function useMotoWorkspace(
  prefix: string,
  functions: readonly string[],
  ready?: (w: MotoWorkspace) => Promise<void>,
): MotoWorkspace {
  let moto: MotoServer | undefined;
  let dir: string | undefined;
  const workspace: MotoWorkspace = {
    get moto() {
      if (!moto) throw new Error('useMotoWorkspace: moto is started in beforeAll; use it inside tests');
      return moto;
    },
    get dir() {
      if (!dir) throw new Error('useMotoWorkspace: the folder is made in beforeAll; use it inside tests');
      return dir;
    },
  };
  beforeAll(async () => {
    moto = await startMoto();
    for (const fn of functions) await moto.createFunction(fn);
    dir = await mkdtemp(join(tmpdir(), `lc-${prefix}-`));
    await ready?.(workspace);
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    for (const name of ['LAMBDA_CASSETTE_MODE', 'CI', 'LAMBDA_CASSETTE_ALLOW_CI_RECORD']) vi.stubEnv(name, '');
    return () => vi.unstubAllEnvs();
  });
  return workspace;
}
