/**
 * Record and replay through fetch and undici against a real endpoint (moto): the in-process doors
 * forward to moto in record mode, write what it answered, and replay it without reaching moto.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCassette, type Cassette, type LambdaDouble } from '../../../src/index.js';
import { MOTO_CREDENTIALS, startMoto, type MotoServer } from '../../support/moto.js';
import { UNDICI_CLIENTS, type HttpClient } from '../../support/undici-clients.js';

let moto: MotoServer;
let tmp: string;
let lambda: LambdaDouble | undefined;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lc-undici-moto-'));
  moto = await startMoto();
  await moto.createFunction('orders-fn');
}, 60_000);
afterAll(async () => {
  await moto?.stop();
  await rm(tmp, { recursive: true, force: true });
});
afterEach(async () => {
  await lambda?.close().catch(() => {});
  lambda = undefined;
  await moto.stopRecording().catch(() => {});
});

// moto picks service and region from the credential scope; it does not check the signature.
const SIGNED = {
  authorization: `AWS4-HMAC-SHA256 Credential=${MOTO_CREDENTIALS.accessKeyId}/20240101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0`,
};
const readCassette = (name: string) => JSON.parse(readFileSync(path.join(tmp, `${name}.json`), 'utf8')) as Cassette;

describe.each(UNDICI_CLIENTS.filter((c) => !c.http2))('$name against moto', (client: HttpClient) => {
  const invokeEvent = () => ({
    url: `${moto.url}/2015-03-31/functions/orders-fn/invocations`,
    method: 'POST',
    headers: { ...SIGNED, 'x-amz-invocation-type': 'Event', 'content-type': 'application/json' },
    body: '{"id":7}',
  });
  const open = async (name: string, mode: 'record' | 'replay') =>
    (lambda = await openCassette(name, { dir: tmp, mode, endpoint: moto.url, allowRecordingInCI: true }));

  it("record writes moto's answer; replay gives it back without reaching moto", async () => {
    const name = `undici-${client.name.replace(/\W+/g, '-')}`;
    await open(name, 'record');
    const live = await client.send(invokeEvent());
    expect(lambda!.calls.map((c) => [c.operation, c.source])).toEqual([['Invoke', 'record']]);
    await lambda!.close();
    lambda = undefined;
    // moto echoes the payload of an Event invocation.
    expect(live).toEqual({ kind: 'response', status: 202, body: '{"id":7}' });
    expect(
      readCassette(name).interactions.map((i) => [i.request.operation, i.request.payload, i.response.status]),
    ).toEqual([['Invoke', { json: { id: 7 } }, 202]]);

    await moto.startRecording();
    await open(name, 'replay');
    expect(await client.send(invokeEvent())).toEqual(live);
    expect(lambda!.calls.map((c) => [c.operation, c.source])).toEqual([['Invoke', 'replay']]);
    expect(await moto.recordedRequests()).toEqual([]);
  });
});
