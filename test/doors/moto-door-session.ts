import { afterEach } from 'vitest';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { openCassette, type LambdaDouble, type OpenCassetteOptions } from '../../src/index.js';
import { MOTO_CREDENTIALS } from '../support/moto.js';
import type { MotoWorkspace } from '../support/moto-workspace.js';
import { LOOPBACK_DOOR, type Connection, type Door } from './doors.js';

/** One cassette at a time opened against moto through one door, released after each test. */
export interface MotoDoorSession {
  /** Releases what is open, opens cassette `name` in the workspace, and connects a client through the door. */
  open(name: string, options: OpenCassetteOptions): Promise<LambdaClient>;
  /** Disconnects the client and closes the double (so a recording is written). */
  release(): Promise<void>;
  /** The double opened last, until released. */
  readonly lambda: LambdaDouble | undefined;
}

/**
 * The loopback server forwards to `target`; the in-process doors to the endpoint the client names,
 * so each door gets moto's URL the way it reads it. Call inside the door's `describe`.
 */
export function useMotoDoorSession(door: Door, workspace: MotoWorkspace): MotoDoorSession {
  let lambda: LambdaDouble | undefined;
  let connection: Connection | undefined;
  const release = async () => {
    await connection?.release();
    connection = undefined;
    const double = lambda;
    lambda = undefined;
    await double?.close();
  };
  afterEach(async () => {
    await release().catch(() => {});
  });
  return {
    async open(name, options) {
      await release();
      const { moto, dir } = workspace;
      const upstream: OpenCassetteOptions = door === LOOPBACK_DOOR ? { target: moto.url } : { endpoint: moto.url };
      lambda = await openCassette(name, { dir, allowRecordingInCI: true, ...upstream, ...options });
      connection = await door.connect(lambda, { credentials: MOTO_CREDENTIALS, maxAttempts: 1, endpoint: moto.url });
      return connection.client;
    },
    release,
    get lambda() {
      return lambda;
    },
  };
}
