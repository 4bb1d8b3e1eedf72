/**
 * RequestResponse and DryRun against a real third-party endpoint (moto 5.2.1): recorded and
 * replayed through every door (loopback included, with `target`), in record, replay, auto,
 * new-episodes and passthrough. moto answers a RequestResponse 200 echoing the payload and a DryRun
 * 204; the cassette keeps the invocation type and the result, and replay gives the caller
 * exactly what moto gave, without reaching moto.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { UnmatchedRequestsError } from '../../src/index.js';
import { useMotoWorkspace } from '../support/moto-workspace.js';
import { useMotoDoorSession } from './moto-door-session.js';
import { INVOCATION_DOORS, type Door } from './doors.js';
import { caught } from '../support/sdk.js';

const workspace = useMotoWorkspace('lc-sync-moto-', ['pricing-fn']);

const sync = (Payload: string) => new InvokeCommand({ FunctionName: 'pricing-fn', Payload });
const dryRun = () => new InvokeCommand({ FunctionName: 'pricing-fn', InvocationType: 'DryRun' });
const text = (bytes: Uint8Array | undefined | null) => Buffer.from(bytes ?? []).toString('utf8');
const { readCassette } = workspace;

describe.each(INVOCATION_DOORS)('RequestResponse and DryRun with moto through the $name door', (door: Door) => {
  const session = useMotoDoorSession(door, workspace);
  const { open, release } = session;

  it('record keeps the invocation type and the result; replay gives both back byte for byte, offline', async () => {
    const name = `sync-record-${door.name}`;
    const client = await open(name, { mode: 'record' });
    const live = await client.send(sync('{"qty":2}'));
    const liveDry = await client.send(dryRun());
    const recordedCalls = session.lambda!.calls;
    await release();
    expect(live.StatusCode).toBe(200);
    expect(text(live.Payload)).toBe('{"qty":2}'); // moto echoes a synchronous invocation's payload
    expect(liveDry.StatusCode).toBe(204);
    expect(recordedCalls.map((c) => [c.invocationType, c.status, c.source])).toEqual([
      ['RequestResponse', 200, 'record'],
      ['DryRun', 204, 'record'],
    ]);
    expect(recordedCalls[0]!.response).toEqual({ statusCode: 200, payload: { qty: 2 } });
    const interactions = readCassette(name).interactions;
    expect(interactions.map((i) => [i.request.operation, i.request.invocationType, i.response.status])).toEqual([
      ['Invoke', 'RequestResponse', 200],
      ['Invoke', 'DryRun', 204],
    ]);
    expect(readFileSync(workspace.cassettePath(name), 'utf8')).not.toMatch(/AKIDEXAMPLE|authorization/i);

    await workspace.moto.startRecording();
    const again = await open(name, { mode: 'replay' });
    const replayed = await again.send(sync('{"qty":2}'));
    expect(replayed.StatusCode).toBe(200);
    expect(text(replayed.Payload)).toBe(text(live.Payload));
    expect(replayed.ExecutedVersion).toBe(live.ExecutedVersion);
    expect(replayed.$metadata.requestId).toBe(live.$metadata.requestId);
    expect((await again.send(dryRun())).StatusCode).toBe(204);
    expect(session.lambda!.calls.map((c) => [c.invocationType, c.source])).toEqual([
      ['RequestResponse', 'replay'],
      ['DryRun', 'replay'],
    ]);
    expect(await workspace.moto.recordedRequests()).toEqual([]);
  });

  it('replay matches on the invocation type: an Event invocation never plays a RequestResponse recording', async () => {
    const name = `sync-type-${door.name}`;
    await (await open(name, { mode: 'record' })).send(sync('{"qty":3}'));
    const client = await open(name, { mode: 'replay' });
    await caught(() =>
      client.send(new InvokeCommand({ FunctionName: 'pricing-fn', InvocationType: 'Event', Payload: '{"qty":3}' })),
    );
    const closing = await caught(() => release());
    expect(closing).toBeInstanceOf(UnmatchedRequestsError);
    expect(closing.message).toContain('invocation type RequestResponse');
  });

  it('auto records then replays; new-episodes appends; passthrough writes nothing', async () => {
    const name = `sync-auto-${door.name}`;
    await (await open(name, { mode: 'auto' })).send(sync('{"qty":1}'));
    expect(session.lambda!.calls.map((c) => c.source)).toEqual(['record']);
    await workspace.moto.startRecording();
    await (await open(name, { mode: 'auto' })).send(sync('{"qty":1}'));
    expect(session.lambda!.calls.map((c) => c.source)).toEqual(['replay']);
    expect(await workspace.moto.recordedRequests()).toEqual([]);
    await workspace.moto.stopRecording();

    const client = await open(name, { mode: 'new-episodes' });
    await client.send(sync('{"qty":1}'));
    await client.send(dryRun());
    expect(session.lambda!.calls.map((c) => c.source)).toEqual(['replay', 'record']);
    await release();
    expect(readCassette(name).interactions.map((i) => i.request.invocationType)).toEqual(['RequestResponse', 'DryRun']);

    const passthrough = await (
      await open(`sync-passthrough-${door.name}`, { mode: 'passthrough' })
    ).send(sync('{"qty":9}'));
    expect(text(passthrough.Payload)).toBe('{"qty":9}');
    expect(session.lambda!.calls.map((c) => [c.invocationType, c.source])).toEqual([
      ['RequestResponse', 'passthrough'],
    ]);
    await release();
    expect(() => readCassette(`sync-passthrough-${door.name}`)).toThrow(/ENOENT/);
  });
});
