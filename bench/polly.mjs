/**
 * Polly.js (@pollyjs/core with the node-http adapter and the fs persister) as a peer: the bench's
 * interactions written as Polly recordings (HAR files, as Polly's fs persister stores them), and a
 * variant that replays them to the same SDK calls as every other variant.
 *
 * Polly identifies a request by an md5 of its normalized method, URL and body (and headers, which
 * are left out of matching here: SigV4 signs every request with the time, so no recorded request's
 * headers ever match again; a Polly user recording the SDK has to do the same). The recordings
 * below carry the ids Polly computes, so replay finds them exactly as if Polly had recorded them.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { call, input } from './fixtures.mjs';

const REGION = 'us-east-1';
const RECORDED_AT = '2026-11-22T00:00:00.000Z';

/** Polly's config for the bench: replay only, no headers in matching (see above), quiet. */
export function pollyConfig(recordingsDir, mode = 'replay') {
  return {
    adapters: ['node-http'],
    persister: 'fs',
    persisterOptions: { fs: { recordingsDir } },
    mode,
    recordIfMissing: false,
    logLevel: 'silent',
    matchRequestsBy: { headers: false },
  };
}

/** `md5(stableStringify({ body, method, url }))`: Polly's request id for these identifiers. */
function pollyId(identifiers) {
  const sorted = Object.fromEntries(
    Object.keys(identifiers)
      .sort()
      .map((k) => [k, identifiers[k]]),
  );
  return createHash('md5').update(JSON.stringify(sorted), 'utf8').digest('hex');
}

function entry(i, slash) {
  const c = call(i);
  const url = `https://lambda.${REGION}.amazonaws.com/2014-11-13/functions/${c.functionName}/invoke-async${slash}`;
  const body = input(i).InvokeArgs;
  const answer = '{"Status":202}';
  return {
    _id: pollyId({ method: 'POST', url, body }),
    _order: 0,
    cache: {},
    request: {
      method: 'POST',
      url,
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'content-type', value: 'application/octet-stream' }],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: Buffer.byteLength(body),
      postData: { mimeType: 'application/octet-stream', text: body },
    },
    response: {
      status: 202,
      statusText: 'Accepted',
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'content-type', value: 'application/json' },
        { name: 'x-amzn-requestid', value: c.requestId },
      ],
      cookies: [],
      redirectURL: '',
      headersSize: -1,
      bodySize: answer.length,
      content: { mimeType: 'application/json', size: answer.length, text: answer },
    },
    startedDateTime: RECORDED_AT,
    time: 0,
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 0, receive: 0, ssl: -1 },
  };
}

/**
 * Writes a Polly recording named `polly-n<count>` for each count under `<dir>/polly/`, where Polly's fs
 * persister looks for it; `recordingId(name)` is Polly's own id for a recording name. With
 * `sdkV2`, `polly-v2-n<count>` instead, whose URLs end in a slash as aws-sdk v2 sends them.
 */
export async function writePollyFixtures(dir, counts, recordingId, { sdkV2 = false } = {}) {
  const recordingsDir = path.join(dir, 'polly');
  for (const count of counts) {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'Polly.JS', version: '6.0.6', comment: 'persister:fs' },
        pages: [],
        entries: Array.from({ length: count }, (_, i) => entry(i, sdkV2 ? '/' : '')),
      },
    };
    const file = path.join(recordingsDir, recordingId(`polly-${sdkV2 ? 'v2-' : ''}n${count}`), 'recording.har');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(har, null, 2));
  }
  return recordingsDir;
}

/** Loads Polly and registers the adapter and persister; returns `{ Polly, recordingId }`. */
export async function loadPolly() {
  const [{ Polly }, { default: NodeHttpAdapter }, { default: FSPersister }] = await Promise.all([
    import('@pollyjs/core'),
    import('@pollyjs/adapter-node-http'),
    import('@pollyjs/persister-fs'),
  ]);
  Polly.register(NodeHttpAdapter);
  Polly.register(FSPersister);
  const recordingId = (name) => {
    // The id is computed from the name alone; an instance with no adapter intercepts nothing.
    const probe = new Polly(name, { adapters: [], persister: null, logLevel: 'silent' });
    const id = probe.recordingId;
    void probe.stop();
    return id;
  };
  return { Polly, recordingId };
}
