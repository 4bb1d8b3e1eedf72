/**
 * The process side of test/support/moto.ts: a launcher that ties moto's life to the test process, a
 * registry that kills every moto still running when the process exits, and a free-port probe.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';

// Runs moto.server as `python3 -m moto.server` would, plus a watchdog: when the parent dies, however it dies
// (even SIGKILL), the stdin pipe closes and moto removes its temp dir and exits instead of lingering as an orphan.
export const LAUNCHER = [
  'import os, runpy, shutil, sys, threading',
  'def _watch():',
  '    try:',
  '        while os.read(0, 4096):', // raw fd: a buffered stdin's lock would abort interpreter shutdown
  '            pass',
  '    finally:',
  '        shutil.rmtree(os.environ["LAMBDA_CASSETTE_MOTO_DIR"], ignore_errors=True)',
  '        os._exit(0)',
  'threading.Thread(target=_watch, daemon=True).start()',
  'sys.argv = ["moto.server"] + sys.argv[1:]',
  'runpy.run_module("moto.server", run_name="__main__", alter_sys=True)',
].join('\n');

/** A running moto and its private folder. */
export interface Live {
  child: ChildProcess;
  dir: string;
}
/** Every moto started and not yet stopped: killed when the process exits. */
export const live = new Set<Live>();
let exitHookInstalled = false;

export function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const l of live) {
      killGroup(l.child, 'SIGKILL');
      rmSync(l.dir, { recursive: true, force: true });
    }
  });
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}
