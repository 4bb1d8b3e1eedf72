import { execFileSync } from 'node:child_process';

/** Runs `cmd` in `cwd` and returns its stdout; throws with stdout and stderr when it exits non-zero. */
export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
    });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** The version of `name` this repository has installed, to install the same one in a test project. */
export function installedVersion(name: string, root: string): string {
  return JSON.parse(run('node', ['-p', `JSON.stringify(require('${name}/package.json').version)`], root)) as string;
}

/** npm install, preferring the local cache (the registry is asked only for what it lacks). */
export function npmInstall(dir: string, specs: string[]): void {
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', ...specs], dir);
}
