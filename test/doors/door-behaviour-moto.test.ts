/**
 * The door table against a real endpoint (moto): record, new-episodes and passthrough through every
 * door; see door-behaviour.test.ts for the rest of the table.
 *
 * One table of behaviours, run through every door in ./doors.ts: whichever way the SDK's call
 * reaches the double, the caller gets the same answers and exceptions, and the double keeps the same
 * call log and cassettes. Where a door cannot behave like the wire (aws-sdk-client-mock has no
 * retries), the case says what it does instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResourceNotFoundException, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import { openCassette } from '../../src/index.js';
import { loadCassette } from '../../src/cassette/index.js';
import { caught } from '../support/sdk.js';
import { MOTO_CREDENTIALS, startMoto, type MotoServer } from '../support/moto.js';
import { DOORS, type Door } from './doors.js';
import {
  errorShape,
  invoke,
  MOTO_REQUEST_ID,
  RECORDED,
  useCassetteFolder,
  useDoor,
  writeCassette,
} from './door-table-support.js';

const tmp = useCassetteFolder();
// One moto for the whole table; startMoto() throws "MOTO DID NOT START" rather than letting tests skip.
let moto: MotoServer;
beforeAll(async () => {
  moto = await startMoto();
  await moto.createFunction('orders-fn');
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe.each(DOORS)('through the $name door', (door: Door) => {
  const d = useDoor(door);

  describe('against a real endpoint (moto)', () => {
    const config = (): LambdaClientConfig => ({ endpoint: moto.url, credentials: MOTO_CREDENTIALS, maxAttempts: 1 });

    it('records what moto answers, then replays the cassette without reaching moto', async () => {
      const name = `record-${door.name}`;
      const file = path.join(tmp(), `${name}.json`);
      const recording = await openCassette(name, {
        mode: 'record',
        dir: tmp(),
        endpoint: moto.url,
        allowRecordingInCI: true,
      });
      const client = await d.connect(recording, config());
      const ok = await client.send(invoke('orders-fn', '{"orderId":1}'));
      const missing = await caught(() => client.send(invoke('nope')));
      await d.release();
      await recording.close();

      expect(ok).toMatchObject({
        Status: 202,
        $metadata: { httpStatusCode: 202, requestId: expect.stringMatching(MOTO_REQUEST_ID) },
      });
      expect(missing).toBeInstanceOf(ResourceNotFoundException);
      expect(missing.message).toBe('Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope');
      expect(recording.calls.map((c) => [c.functionName, c.attempt, c.status, c.source])).toEqual([
        ['orders-fn', 1, 202, 'record'],
        ['nope', 1, 404, 'record'],
      ]);
      const cassette = (await loadCassette(file))!;
      expect(
        cassette.interactions.map((i) => ({
          request: i.request,
          status: i.response.status,
          errorType: i.response.headers['x-amzn-errortype'],
        })),
      ).toEqual([
        {
          request: { functionName: 'orders-fn', region: 'us-east-1', payload: { json: { orderId: 1 } } },
          status: 202,
          errorType: undefined,
        },
        {
          request: { functionName: 'nope', region: 'us-east-1', payload: { json: {} } },
          status: 404,
          errorType: 'ResourceNotFoundException',
        },
      ]);
      expect(cassette.interactions[0]!.response.body).toEqual({ text: expect.stringMatching(/^error running docker/) });
      expect(cassette.interactions[0]!.response.headers).toMatchObject({
        'x-amz-function-error': 'Handled',
        'content-type': 'text/html; charset=utf-8',
      });
      expect(readFileSync(file, 'utf8')).not.toMatch(/AKIDEXAMPLE|authorization|amz-sdk/i);

      await moto.startRecording();
      const replaying = await openCassette(name, { mode: 'replay', dir: tmp(), endpoint: moto.url });
      const again = await d.connect(replaying, config());
      expect(await again.send(invoke('orders-fn', '{"orderId":1}'))).toEqual(ok);
      expect(errorShape(await caught(() => again.send(invoke('nope'))))).toEqual(errorShape(missing));
      expect(await moto.recordedRequests()).toEqual([]);
      await moto.stopRecording();
    });

    it('new-episodes replays what is recorded and records (and appends) the rest', async () => {
      const name = `episodes-${door.name}`;
      const file = await writeCassette(name, RECORDED.slice(0, 1));
      const double = await openCassette(name, {
        mode: 'new-episodes',
        dir: tmp(),
        endpoint: moto.url,
        allowRecordingInCI: true,
      });
      const client = await d.connect(double, config());
      const replayed = await client.send(invoke('orders-fn', '{"id":1}'));
      const recorded = await client.send(invoke('orders-fn', '{"id":2}'));
      d.forget();
      await double.close();

      expect(replayed.$metadata.requestId).toBe('11111111-1111-4111-8111-111111111111');
      expect(recorded.$metadata.requestId).toMatch(MOTO_REQUEST_ID);
      expect(double.calls.map((c) => c.source)).toEqual(['replay', 'record']);
      expect((await loadCassette(file))!.interactions.map((i) => i.request.payload)).toEqual([
        { json: { id: 1 } },
        { json: { id: 2 } },
      ]);
    });

    it('passthrough sends every call to moto and writes nothing', async () => {
      const name = `passthrough-${door.name}`;
      const double = await openCassette(name, { mode: 'passthrough', dir: tmp(), endpoint: moto.url });
      const client = await d.connect(double, config());
      const out = await client.send(invoke('orders-fn', '{"id":1}'));
      d.forget();
      await double.close();
      expect(out.$metadata.requestId).toMatch(MOTO_REQUEST_ID);
      expect(double.calls.map((c) => [c.status, c.source])).toEqual([[202, 'passthrough']]);
      expect(existsSync(path.join(tmp(), `${name}.json`))).toBe(false);
    });
  });
});
