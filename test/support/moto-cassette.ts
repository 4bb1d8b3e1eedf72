/** Cassettes recorded from a real moto server, for the tests of what keeps them true. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { openCassette, type Cassette, type OpenCassetteOptions } from '../../src/index.js';
import type { MotoServer } from './moto.js';

/** InvokeAsync through the real SDK pointed at moto (intercepted by any open double). */
export function invokeVia(moto: MotoServer, FunctionName: string, payload: unknown): Promise<unknown> {
  return moto.lambdaClient().send(new InvokeAsyncCommand({ FunctionName, InvokeArgs: JSON.stringify(payload) }));
}

/** Records `calls` from moto into `<dir>/<name>.json` (record mode) and returns the file. */
export async function recordFromMoto(moto: MotoServer, dir: string, name: string, calls: readonly (readonly [string, unknown])[], options: OpenCassetteOptions = {}): Promise<string> {
  const lambda = await openCassette(name, { dir, endpoint: moto.url, mode: 'record', allowRecordingInCI: true, ...options });
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
