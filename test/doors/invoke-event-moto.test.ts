/**
 * Invoke with InvocationType Event against a real third-party endpoint (moto 5.2.1): recorded and
 * replayed through every door (loopback included, with `target`), in record, replay, auto,
 * new-episodes and passthrough; and the AWS CLI v1 (`aws lambda invoke --invocation-type Event`)
 * through `listen()`, in mock mode and recording to moto. moto answers an Event invocation 202 and
 * echoes the payload (real Lambda answers 202 with an empty body); a replay gives the caller exactly that.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { mockLambda, openCassette, type LambdaDouble } from '../../src/index.js';
import { useMotoWorkspace } from '../support/moto-workspace.js';
import { useMotoDoorSession } from './moto-door-session.js';
import { awsEnv, exec } from '../support/external-clients.js';
import { INVOKE_EVENT_DOORS, type Door } from './doors.js';

const workspace = useMotoWorkspace('lc-invoke-moto-', ['orders-fn']);

const event = (Payload: string, FunctionName = 'orders-fn') =>
  new InvokeCommand({ FunctionName, InvocationType: 'Event', Payload });
const text = (bytes: Uint8Array | undefined | null) => Buffer.from(bytes ?? []).toString('utf8');
const { readCassette } = workspace;

describe.each(INVOKE_EVENT_DOORS)('Invoke Event and moto through the $name door', (door: Door) => {
  const session = useMotoDoorSession(door, workspace);
  const { open, release } = session;

  it("record writes operation Invoke and moto's answer; replay gives it back without reaching moto", async () => {
    const name = `invoke-record-${door.name}`;
    const live = await (await open(name, { mode: 'record' })).send(event('{"id":1}'));
    const recordedCalls = session.lambda!.calls;
    await release();
    expect(live.StatusCode).toBe(202);
    expect(text(live.Payload)).toBe('{"id":1}'); // moto echoes the payload of an Event invocation
    expect(recordedCalls.map((c) => [c.operation, c.functionName, c.status, c.source])).toEqual([
      ['Invoke', 'orders-fn', 202, 'record'],
    ]);
    const [interaction] = readCassette(name).interactions;
    expect(interaction!.request).toEqual({
      operation: 'Invoke',
      functionName: 'orders-fn',
      region: 'us-east-1',
      payload: { json: { id: 1 } },
    });
    expect(interaction!.response.status).toBe(202);
    expect(readFileSync(workspace.cassettePath(name), 'utf8')).not.toMatch(/AKIDEXAMPLE|authorization/i);

    await workspace.moto.startRecording();
    const replayed = await (await open(name, { mode: 'replay' })).send(event('{"id":1}'));
    expect(replayed.StatusCode).toBe(202);
    expect(text(replayed.Payload)).toBe('{"id":1}');
    expect(replayed.$metadata.requestId).toBe(live.$metadata.requestId);
    expect(session.lambda!.calls.map((c) => [c.operation, c.source])).toEqual([['Invoke', 'replay']]);
    expect(await workspace.moto.recordedRequests()).toEqual([]);
  });

  it('auto records a missing cassette then replays it; new-episodes appends; passthrough writes nothing', async () => {
    const name = `invoke-auto-${door.name}`;
    await (await open(name, { mode: 'auto' })).send(event('{"id":1}'));
    expect(session.lambda!.calls.map((c) => c.source)).toEqual(['record']);
    await workspace.moto.startRecording();
    await (await open(name, { mode: 'auto' })).send(event('{"id":1}'));
    expect(session.lambda!.calls.map((c) => c.source)).toEqual(['replay']);
    expect(await workspace.moto.recordedRequests()).toEqual([]);

    const client = await open(name, { mode: 'new-episodes' });
    await client.send(event('{"id":1}'));
    await client.send(event('{"id":2}'));
    expect(session.lambda!.calls.map((c) => c.source)).toEqual(['replay', 'record']);
    await release();
    expect(readCassette(name).interactions.map((i) => [i.request.operation, i.request.payload])).toEqual([
      ['Invoke', { json: { id: 1 } }],
      ['Invoke', { json: { id: 2 } }],
    ]);

    const passthrough = await (
      await open(`invoke-passthrough-${door.name}`, { mode: 'passthrough' })
    ).send(event('{"id":3}'));
    expect(passthrough.StatusCode).toBe(202);
    expect(session.lambda!.calls.map((c) => [c.operation, c.source])).toEqual([['Invoke', 'passthrough']]);
    await release();
    expect(() => readCassette(`invoke-passthrough-${door.name}`)).toThrow(/ENOENT/);
  });
});

/** `aws lambda invoke --invocation-type Event` (AWS CLI v1, dummy credentials) against `url`. */
function awsCliInvokeEvent(url: string, payload: string, extra: string[] = []) {
  const out = path.join(workspace.dir, `cli-out-${Math.random().toString(36).slice(2)}.json`);
  const args = [
    'lambda',
    'invoke',
    '--invocation-type',
    'Event',
    '--function-name',
    'orders-fn',
    '--payload',
    payload,
    ...extra,
  ];
  return exec('aws', [...args, '--endpoint-url', url, '--region', 'us-east-1', out], { env: awsEnv() });
}

describe('the AWS CLI through listen()', () => {
  let lambda: LambdaDouble | undefined;
  afterEach(async () => {
    await lambda?.close().catch(() => {});
    lambda = undefined;
  });

  it('mock mode: `aws lambda invoke --invocation-type Event` gets StatusCode 202, and the call is in the log', async () => {
    lambda = await mockLambda({ functions: ['orders-fn'] });
    const { url } = await lambda.listen();
    const cli = await awsCliInvokeEvent(url, '{"id":7}', ['--qualifier', 'live']);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual({ StatusCode: 202 });
    expect(lambda.calls).toEqual([
      {
        operation: 'Invoke',
        invocationType: 'Event',
        functionName: 'orders-fn',
        qualifier: 'live',
        region: 'us-east-1',
        payload: { id: 7 },
        attempt: 1,
        status: 202,
        source: 'mock',
      },
    ]);
    const viaHttp = (await (await fetch(`${url}/_lambda-cassette/calls`)).json()) as unknown[];
    expect(viaHttp).toEqual(JSON.parse(JSON.stringify(lambda.calls)));
  });

  it("record mode: the CLI's Invoke is forwarded to moto (target) and recorded, then replayed to the CLI offline", async () => {
    lambda = await openCassette('cli-invoke', {
      dir: workspace.dir,
      mode: 'record',
      target: workspace.moto.url,
      allowRecordingInCI: true,
    });
    const recording = await lambda.listen();
    const live = await awsCliInvokeEvent(recording.url, '{"id":8}');
    expect(live.code).toBe(0);
    expect(JSON.parse(live.stdout)).toEqual({ StatusCode: 202 });
    await lambda.close();
    const cassette = readCassette('cli-invoke');
    expect(cassette.interactions.map((i) => [i.request, i.response.status])).toEqual([
      [{ operation: 'Invoke', functionName: 'orders-fn', region: 'us-east-1', payload: { json: { id: 8 } } }, 202],
    ]);

    await workspace.moto.startRecording();
    lambda = await openCassette('cli-invoke', { dir: workspace.dir, mode: 'replay' });
    const replaying = await lambda.listen();
    const again = await awsCliInvokeEvent(replaying.url, '{"id":8}');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ StatusCode: 202 });
    expect(lambda.calls.map((c) => [c.operation, c.source])).toEqual([['Invoke', 'replay']]);
    expect(await workspace.moto.recordedRequests()).toEqual([]);
    await workspace.moto.stopRecording();
  });
});
