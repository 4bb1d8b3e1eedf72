/**
 * Worker threads: a double answers the thread that opened it, and a worker is another thread with
 * its own modules, so the double cannot see the worker's requests. Instead, every `Worker` started
 * while a double is open runs a guard first (worker-guard-source.ts, passed as `--require`) that
 * makes the worker's Lambda requests fail loudly with `LC_WORKER_REQUEST_REFUSED` instead of
 * reaching the network. Workers started before the double opened are not guarded (documented in
 * docs/guarantees-clients.md). lambda-cassette's own forwarding worker is marked and left alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import workerThreads, { type WorkerOptions } from 'node:worker_threads';
import { openDoubles, type ProcessPatch } from '../shared/door-registry.js';
import { replaceMethod } from '../shared/replace-method.js';
import { loopbackOriginList } from '../shared/loopback-origins.js';
import { guardSource } from './worker-guard-source.js';
// The recorder's own forwarding worker (it must reach Lambda), known by an object no request can carry.
import { FORWARDER_WORKER_DATA } from '../../recording/send-outside-interceptors.js';

/** The guard file for the doubles open now: content-addressed in the temp folder, written once. */
function guardFile(): string {
  const endpoints = [...new Set(openDoubles.flatMap((d) => d.settings.endpoints.map((e) => new URL(e).origin)))].sort();
  const source = guardSource({ endpoints, loopback: loopbackOriginList().sort() });
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `lambda-cassette-worker-guard-${hash}.cjs`);
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, source);
    renameSync(partial, file);
  }
  return file;
}

/** The flags `Worker` refused as per-process (it names them), taken out of an inherited `execArgv`. */
function withoutRefusedFlags(execArgv: readonly string[], error: unknown): string[] | undefined {
  if ((error as { code?: string } | undefined)?.code !== 'ERR_WORKER_INVALID_EXEC_ARGV') return undefined;
  const listed = /flags: (.*)$/.exec((error as Error).message)?.[1];
  if (!listed) return undefined;
  const refused = new Set(listed.split(', '));
  return execArgv.filter((flag) => !refused.has(flag));
}

/** `Worker`, starting every thread with the guard while a double is open. */
function guarded(Original: typeof workerThreads.Worker): typeof workerThreads.Worker {
  return class Worker extends Original {
    constructor(filename: string | URL, options: WorkerOptions = {}) {
      if (openDoubles.length === 0 || options.workerData === FORWARDER_WORKER_DATA) {
        super(filename, options);
        return;
      }
      const guard = ['--require', guardFile()];
      const inherited = options.execArgv === undefined;
      const execArgv = options.execArgv ?? process.execArgv;
      try {
        super(filename, { ...options, execArgv: [...execArgv, ...guard] });
      } catch (error) {
        // Inherited per-process flags (--max-old-space-size, --expose-gc) apply to the whole process anyway.
        const allowed = inherited ? withoutRefusedFlags(execArgv, error) : undefined;
        if (!allowed) throw error;
        super(filename, { ...options, execArgv: [...allowed, ...guard] });
      }
    }
  };
}

/** The `Worker` patch: installed with the first double, removed with the last. */
export const WORKER_PATCH: ProcessPatch = {
  name: 'worker-threads',
  install() {
    const undo = replaceMethod<typeof workerThreads.Worker>(workerThreads, 'Worker', guarded);
    syncBuiltinESMExports();
    return () => {
      undo?.();
      syncBuiltinESMExports();
    };
  },
};
