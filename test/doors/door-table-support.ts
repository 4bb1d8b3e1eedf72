/**
 * What the door-behaviour tables share: a temporary cassette folder, recorded interactions as AWS
 * and moto answered them, the shape of an exception as a caller sees it, and a per-door harness that
 * connects a client to a double and closes both after each test.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { InvokeAsyncCommand, type InvokeAsyncCommandInput, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import type { Cassette, Interaction, LambdaDouble } from '../../src/index.js';
import { serializeCassette } from '../../src/cassette/index.js';
import { caught, type CaughtError } from '../support/sdk.js';
import { NOCK_DOOR, REQUEST_HANDLER_DOOR, type Connection, type Door } from './doors.js';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const MOTO_REQUEST_ID = /^[A-Za-z0-9]{52}$/;
export const invoke = (FunctionName: string, InvokeArgs: InvokeAsyncCommandInput['InvokeArgs'] = '{}') =>
  new InvokeAsyncCommand({ FunctionName, InvokeArgs });

/** Everything a caller can observe about an exception, minus what differs per call (request ids). */
export function errorShape(e: CaughtError) {
  const own = Object.fromEntries(Object.entries(e).filter(([k]) => k !== '$metadata'));
  return {
    class: e.constructor,
    name: e.name,
    message: e.message,
    own,
    httpStatusCode: e.$metadata?.httpStatusCode,
    requestId: e.$metadata?.requestId === undefined ? undefined : 'set',
    attempts: e.$metadata?.attempts,
    hidden$response: Object.getOwnPropertyDescriptor(e, '$response')?.enumerable === false,
  };
}

let tmp = '';
/** Makes a temporary cassette folder for the test file and returns a getter for it. */
export function useCassetteFolder(): () => string {
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'lc-doors-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });
  return () => tmp;
}

const interaction = (request: Interaction['request'], response: Interaction['response']): Interaction => ({
  request,
  response,
  recordedAt: '2026-11-22T00:00:00.000Z',
});

/** What AWS and moto answered, as a cassette holds it. */
export const RECORDED: Interaction[] = [
  interaction(
    { functionName: 'orders-fn', region: 'us-east-1', payload: { json: { id: 1 } } },
    {
      status: 202,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': '11111111-1111-4111-8111-111111111111' },
      body: { json: { Status: 202 } },
    },
  ),
  interaction(
    { functionName: 'orders-fn', region: 'us-east-1', payload: { json: { id: 2 } } },
    {
      status: 404,
      headers: {
        'content-type': 'application/json',
        'x-amzn-errortype': 'ResourceNotFoundException',
        'x-amzn-requestid': '22222222-2222-4222-8222-222222222222',
      },
      body: {
        text: '{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders-fn"}',
      },
    },
  ),
  interaction(
    { functionName: 'mailer', region: 'us-east-1', payload: { json: { to: 'a@b.c' } } },
    {
      status: 500,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: { text: '<!doctype html>\n<title>500 Internal Server Error</title>\n' },
    },
  ),
  interaction(
    {
      functionName: 'orders-fn',
      qualifier: 'prod',
      functionRef: 'orders-fn:prod',
      region: 'us-east-1',
      payload: { json: { id: 3 } },
    },
    { status: 202, headers: { 'x-amzn-requestid': '33333333-3333-4333-8333-333333333333' }, body: { text: '' } },
  ),
];

export async function writeCassette(name: string, interactions: Interaction[]): Promise<string> {
  const file = path.join(tmp, `${name}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  const cassette: Cassette = {
    version: 1,
    recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20.20.2' },
    interactions,
  };
  await writeFile(file, serializeCassette(cassette));
  return file;
}

/** Connects clients through `door` and closes what a test opened after it. */
export function useDoor(door: Door) {
  let lambda: LambdaDouble | undefined;
  let connection: Connection | undefined;
  const connect = async (double: LambdaDouble, config?: LambdaClientConfig) => {
    lambda = double;
    connection = await door.connect(double, config);
    return connection.client;
  };
  /**
   * The same call through another door, for comparing what callers see: the nock door (a real
   * HTTP exchange), or for the nock door itself the in-process requestHandler door.
   */
  const viaReference = async (double: LambdaDouble, command: InvokeAsyncCommand, config?: LambdaClientConfig) => {
    const reference = await (door === NOCK_DOOR ? REQUEST_HANDLER_DOOR : NOCK_DOOR).connect(double, config);
    try {
      return await caught(() => reference.client.send(command));
    } finally {
      await reference.release();
    }
  };
  afterEach(async () => {
    await connection?.release();
    connection = undefined;
    const open = lambda;
    lambda = undefined;
    await open?.close().catch(() => {});
  });
  return {
    connect,
    viaReference,
    /** The double the last connect() used. */
    get lambda() {
      return lambda;
    },
    /** Forgets the double, for a test that closes it itself. */
    forget() {
      lambda = undefined;
    },
    /** Releases the client now (a recording test before it closes its double). */
    async release() {
      await connection?.release();
      connection = undefined;
    },
  };
}
