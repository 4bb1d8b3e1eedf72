/**
 * Record and replay through fetch and undici against a real endpoint (moto): the in-process doors
 * forward to moto in record mode, write what it answered, and replay it without reaching moto.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openCassette, type LambdaDouble } from '../../../src/index.js';
import { MOTO_CREDENTIALS } from '../../support/moto.js';
import { useMotoWorkspace } from '../../support/moto-workspace.js';
import { UNDICI_CLIENTS, type HttpClient } from '../../support/undici-clients.js';

const workspace = useMotoWorkspace('lc-undici-moto-', ['orders-fn']);
let lambda: LambdaDouble | undefined;
afterEach(async () => {
  await lambda?.close().catch(() => {});
  lambda = undefined;
});

// moto picks service and region from the credential scope; it does not check the signature.
const SIGNED = {
  authorization: `AWS4-HMAC-SHA256 Credential=${MOTO_CREDENTIALS.accessKeyId}/20240101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0`,
};
const { readCassette } = workspace;

describe.each(UNDICI_CLIENTS.filter((c) => !c.http2))('$name against moto', (client: HttpClient) => {
  const invokeEvent = () => ({
    url: `${workspace.moto.url}/2015-03-31/functions/orders-fn/invocations`,
    method: 'POST',
    headers: { ...SIGNED, 'x-amz-invocation-type': 'Event', 'content-type': 'application/json' },
    body: '{"id":7}',
  });
  const open = async (name: string, mode: 'record' | 'replay') =>
    (lambda = await openCassette(name, {
      dir: workspace.dir,
      mode,
      endpoint: workspace.moto.url,
      allowRecordingInCI: true,
    }));

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

    await workspace.moto.startRecording();
    await open(name, 'replay');
    expect(await client.send(invokeEvent())).toEqual(live);
    expect(lambda!.calls.map((c) => [c.operation, c.source])).toEqual([['Invoke', 'replay']]);
    expect(await workspace.moto.recordedRequests()).toEqual([]);
  });
});
