/**
 * `verifyCassette()` re-sends an Invoke Event interaction as an Invoke Event (not an InvokeAsync):
 * a cassette recorded from moto verifies clean, and the request moto receives is the Invoke path
 * with `X-Amz-Invocation-Type: Event`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { openCassette, verifyCassette } from '../../src/index.js';
import { recordedRequest } from '../../src/verify/recorded-request.js';
import { startMoto, type MotoServer } from '../support/moto.js';

let moto: MotoServer;
let dir: string;
beforeAll(async () => {
  moto = await startMoto();
  await moto.createFunction('orders-fn');
  dir = await mkdtemp(join(tmpdir(), 'lc-verify-invoke-'));
}, 60_000);
afterAll(async () => {
  await moto?.stop();
  await rm(dir, { recursive: true, force: true });
});

it('an Invoke Event interaction is re-sent as one, and verifies the same against moto', async () => {
  const lambda = await openCassette('invoke', { dir, endpoint: moto.url, mode: 'record', allowRecordingInCI: true });
  await moto
    .lambdaClient()
    .send(new InvokeCommand({ FunctionName: 'orders-fn', InvocationType: 'Event', Payload: '{"id":7}' }));
  await lambda.close();

  const interaction = {
    request: {
      operation: 'Invoke' as const,
      functionName: 'orders-fn',
      qualifier: 'live',
      region: 'us-east-1',
      payload: { json: {} },
    },
    response: { status: 202, headers: {}, body: { text: '' } },
    recordedAt: '2026-12-01T00:00:00.000Z',
  };
  const wire = recordedRequest(interaction, 'http://127.0.0.1:1');
  expect(wire.url).toBe('http://127.0.0.1:1/2015-03-31/functions/orders-fn%3Alive/invocations');
  expect(wire.headers).toMatchObject({ 'x-amz-invocation-type': 'Event' });

  await moto.startRecording();
  const report = await verifyCassette(join(dir, 'invoke.json'), { target: moto.url });
  expect(report.interactions.map((i) => [i.function, i.outcome, i.live?.status])).toEqual([['orders-fn', 'same', 202]]);
  const sent = await moto.recordedRequests();
  expect(sent.map((r) => [r.method, r.path.split('?')[0], r.headers['x-amz-invocation-type']])).toEqual([
    ['POST', '/2015-03-31/functions/orders-fn/invocations', 'Event'],
  ]);
  await moto.stopRecording();
});
