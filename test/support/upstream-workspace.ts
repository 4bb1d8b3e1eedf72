/**
 * A fake Lambda endpoint and an empty cassette folder per test, with the shortcuts the mode tests use:
 * open a double on both, invoke through a real SDK client, read what was written.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeAsyncCommand, type InvokeAsyncCommandOutput } from '@aws-sdk/client-lambda';
import { openCassette, type OpenCassetteOptions } from '../../src/index.js';
import { startUpstream } from './upstream-server.js';
import { lambdaClient } from './sdk.js';

type Upstream = Awaited<ReturnType<typeof startUpstream>>;

export interface UpstreamWorkspace {
  /** This test's cassette folder. */
  readonly dir: string;
  /** This test's endpoint. */
  readonly upstream: Upstream;
  /** Replaces the endpoint with one that answers through `answer`. */
  restartUpstream(answer: Parameters<typeof startUpstream>[0]): Promise<void>;
  open(name: string, options?: OpenCassetteOptions): ReturnType<typeof openCassette>;
  invoke(FunctionName: string, payload: unknown): Promise<InvokeAsyncCommandOutput>;
  file(name: string): string;
  interactions(name: string): { request: { payload: unknown } }[];
}

/** Registers the hooks (CI and LAMBDA_CASSETTE_MODE cleared around each test) and returns the shortcuts. */
export function useUpstreamWorkspace(prefix: string): UpstreamWorkspace {
  let dir = '';
  let upstream: Upstream | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), `lc-${prefix}-`));
    upstream = await startUpstream();
    vi.stubEnv('CI', '');
    vi.stubEnv('LAMBDA_CASSETTE_MODE', '');
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    // A test may have closed it to make the endpoint unreachable.
    await upstream?.close().catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ERR_SERVER_NOT_RUNNING') throw e;
    });
    await rm(dir, { recursive: true, force: true });
  });
  const live = (): Upstream => {
    if (!upstream) throw new Error('useUpstreamWorkspace: the endpoint starts in beforeEach; use it inside tests');
    return upstream;
  };
  const file = (name: string) => join(dir, `${name}.json`);
  return {
    get dir() {
      return dir;
    },
    get upstream() {
      return live();
    },
    async restartUpstream(answer) {
      await live().close();
      upstream = await startUpstream(answer);
    },
    open: (name, options = {}) => openCassette(name, { dir, endpoint: live().url, ...options }),
    invoke: (FunctionName, payload) =>
      lambdaClient({ endpoint: live().url, maxAttempts: 1 }).send(
        new InvokeAsyncCommand({
          FunctionName,
          InvokeArgs: typeof payload === 'string' ? payload : JSON.stringify(payload),
        }),
      ),
    file,
    interactions: (name) =>
      (JSON.parse(readFileSync(file(name), 'utf8')) as { interactions: { request: { payload: unknown } }[] })
        .interactions,
  };
}
