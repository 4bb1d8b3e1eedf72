/**
 * The non-SDK table: the same InvokeAsync calls sent without the AWS SDK v3 to each mechanism that
 * can answer them in a test. Clients: global `fetch` (answered by the double's undici dispatcher
 * door); `https.request`/`http.request` and requests shaped as aws-sdk v2 sends them (its headers, a
 * precomputed SigV4 Authorization, over Node's https), both answered by the http door; and aws-sdk v2
 * itself (`Lambda.invokeAsync`): not a dependency (108 MB, for the bench alone), so when it is not
 * installed the bench installs a pinned version once into .tmp/bench/aws-sdk-v2 from the registry.
 * Mechanisms: the double (mock, and a 1,000-interaction replay); a real HTTP server on
 * 127.0.0.1 (keep-alive); a bare nock interceptor; msw (`http.post` with `setupServer`); Polly.js
 * replay (its node-http adapter does not see `fetch`, so no fetch row).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './build.mjs';
import { call, input } from './fixtures.mjs';
import { pollyConfig } from './polly.mjs';

const REGION = 'us-east-1';
/** The AWS Lambda origin the clients send to when no base URL stands in for it. */
export const HOST = `https://lambda.${REGION}.amazonaws.com`;
const ANSWER = '{"Status":202}';
const pathOf = (i) => `/2014-11-13/functions/${call(i).functionName}/invoke-async`;
const answerHeaders = (i) => ({ 'content-type': 'application/json', 'x-amzn-requestid': call(i).requestId });

// What aws-sdk v2 adds to an InvokeAsync (its signature is computed per request; a fixed one here).
const V2_HEADERS = {
  'user-agent': `aws-sdk-nodejs/2.1692.0 linux/${process.version} callback`,
  'content-type': 'application/octet-stream',
  'x-amz-date': '20261207T000000Z',
  authorization:
    'AWS4-HMAC-SHA256 Credential=AKIDBENCH/20261207/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, ' +
    'Signature=0000000000000000000000000000000000000000000000000000000000000000',
  'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
};

/** The clients always measured: each sends call i to `base` and reads the whole answer. */
const CLIENTS = {
  fetch: async (base, i) => {
    const res = await fetch(`${base}${pathOf(i)}`, {
      method: 'POST',
      body: input(i).InvokeArgs,
      headers: { 'content-type': 'application/octet-stream' },
    });
    await res.arrayBuffer();
    if (res.status !== 202) throw new Error(`bench: fetch got ${res.status}`);
  },
  http: (base, i) => viaNode(base, i, { 'content-type': 'application/octet-stream' }),
  'aws-sdk v2 (shaped)': (base, i) => viaNode(base, i, V2_HEADERS),
};

// The version the package test's consumer project gets too (`aws-sdk@2`), pinned here so runs compare.
const SDK_V2 = 'aws-sdk@2.1693.0';
const SDK_V2_DIR = path.join(ROOT, '.tmp', 'bench', 'aws-sdk-v2');

/**
 * aws-sdk v2: the project's own copy if one is installed, else the bench's, installed on first use.
 * Without it (no registry) the table keeps the shaped requests and says aws-sdk v2 was not measured.
 */
export function loadSdkV2(log) {
  const own = createRequire(path.join(ROOT, 'package.json'));
  const cached = createRequire(path.join(SDK_V2_DIR, 'package.json'));
  for (const require of [own, cached]) {
    try {
      return require('aws-sdk');
    } catch {
      // not there: try the next, then install
    }
  }
  log(`bench: installing ${SDK_V2} into ${path.relative(ROOT, SDK_V2_DIR)} (once) to measure aws-sdk v2 itself`);
  mkdirSync(SDK_V2_DIR, { recursive: true });
  writeFileSync(path.join(SDK_V2_DIR, 'package.json'), '{ "private": true }\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', SDK_V2], {
    cwd: SDK_V2_DIR,
    encoding: 'utf8',
  });
  try {
    return cached('aws-sdk');
  } catch {
    log(
      `bench: could not install ${SDK_V2} (${(run.stderr || run.error?.message || '').trim().split('\n').pop()}); aws-sdk v2 itself is not measured`,
    );
    return undefined;
  }
}

/** CLIENTS, and aws-sdk v2 itself (one `AWS.Lambda` per base URL) unless it could not be installed. */
export async function loadClients(log = (message) => process.stderr.write(`${message}\n`)) {
  // aws-sdk v2 prints a maintenance notice on load; it is not what is measured.
  process.env['AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE'] = '1';
  const AWS = loadSdkV2(log);
  if (!AWS) return CLIENTS;
  const byBase = new Map();
  const lambdaFor = (base) => {
    if (!byBase.has(base)) {
      const endpoint = base === HOST ? {} : { endpoint: base };
      byBase.set(
        base,
        new AWS.Lambda({
          region: REGION,
          credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' },
          maxRetries: 0,
          ...endpoint,
        }),
      );
    }
    return byBase.get(base);
  };
  return { ...CLIENTS, 'aws-sdk v2': (base, i) => lambdaFor(base).invokeAsync(input(i)).promise() };
}

function viaNode(base, i, headers) {
  const body = input(i).InvokeArgs;
  const transport = base.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      `${base}${pathOf(i)}`,
      { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.on('data', () => {});
        res.on('end', () =>
          res.statusCode === 202 ? resolve() : reject(new Error(`bench: http got ${res.statusCode}`)),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The variants of the non-SDK table, for `alternate()`: `<client> · <mechanism>`. `clients` is what
 * loadClients() gave; `server` is the loopback server's base URL; `msw` is `{ setupServer, http, HttpResponse }`.
 */
export function nonSdkVariants({ lc, nock, msw, Polly, pollyDir, dir, server, calls, clients }) {
  const nockOff = () => {
    nock.cleanAll();
    nock.enableNetConnect();
    nock.restore();
  };
  const variant = (client, mechanism, base, open) => ({
    name: `${client} · ${mechanism}`,
    calls,
    async setup() {
      const close = await open();
      return { send: (i) => clients[client](base, i), teardown: close };
    },
  });
  const out = [];
  for (const client of Object.keys(clients)) {
    // aws-sdk v2 itself ends the path with a slash (…/invoke-async/): its nock interceptors and its
    // Polly recording are the ones a user of it would have, made with that slash.
    const v2 = client === 'aws-sdk v2';
    out.push(
      // The double: fetch through its undici dispatcher door, every other client through its http door.
      variant(client, 'double (mock)', HOST, async () => {
        const double = await lc.mockLambda();
        return () => double.close();
      }),
      variant(client, 'double (replay 1000)', HOST, async () => {
        const double = await lc.openCassette('n1000', { mode: 'replay', dir });
        return () => double.close();
      }),
      variant(client, 'loopback server', server, () => () => {}),
      variant(client, 'bare nock', HOST, () => {
        if (!nock.isActive()) nock.activate();
        const scope = nock(HOST).persist();
        for (let k = 0; k < 5; k++) scope.post(`${pathOf(k)}${v2 ? '/' : ''}`).reply(202, ANSWER, answerHeaders(0));
        return nockOff;
      }),
      variant(client, 'msw', HOST, () => {
        const s = msw.setupServer(
          msw.http.post(
            `${HOST}/2014-11-13/functions/:name/invoke-async`,
            () => new msw.HttpResponse(ANSWER, { status: 202, headers: answerHeaders(0) }),
          ),
        );
        s.listen({ onUnhandledRequest: 'bypass' });
        return () => s.close();
      }),
    );
    if (client !== 'fetch') {
      out.push(
        variant(client, 'Polly.js replay (1000)', HOST, async () => {
          if (nock.isActive()) throw new Error('bench: nock 14 is on at a Polly block');
          const polly = new Polly(v2 ? 'polly-v2-n1000' : 'polly-n1000', pollyConfig(pollyDir));
          await polly.persister.findRecording(polly.recordingId);
          return () => polly.stop();
        }),
      );
    }
  }
  return out;
}

/** A real HTTP server on 127.0.0.1 answering 202 (keep-alive); resolves to its base URL and a close(). */
export async function loopbackServer() {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(202, answerHeaders(0)).end(ANSWER));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The mechanisms in table order. */
export const MECHANISMS = [
  'double (mock)',
  'double (replay 1000)',
  'loopback server',
  'bare nock',
  'msw',
  'Polly.js replay (1000)',
];
