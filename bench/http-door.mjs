#!/usr/bin/env node
/**
 * The http/https door against a real HTTP server on 127.0.0.1 answering the same calls, and the
 * peers on those calls (bare nock, msw's `http.post` handler), all in one process by alternating
 * 200-call blocks (blocks.mjs). Clients: a raw `http.request` InvokeAsync; an SDK v3
 * `LambdaClient` sending over HTTP (its own `NodeHttpHandler` kept off the in-process SDK path,
 * so it reaches `http.request` as custom handlers do); and aws-sdk v2's `Lambda.invokeAsync` when
 * `aws-sdk` (v2) is installed (it is not a dependency: `npm install --no-save aws-sdk@2` first).
 *
 *   node bench/http-door.mjs           (BENCH_QUICK=1 for fewer rounds)
 *
 * Prints one markdown table: ms per call (median of blocks) and the ratio to the loopback server.
 * Run on its own; bench/run.mjs does not call it.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { alternate, stats } from './blocks.mjs';
import { buildPackage } from './build.mjs';

if (typeof globalThis.gc !== 'function') {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
process.removeAllListeners('warning');
// aws-sdk v2 prints a maintenance notice on load; it is not what is measured.
process.env['AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE'] = '1';
const QUICK = process.argv.includes('--quick') || process.env['BENCH_QUICK'] === '1';
const CALLS = 200;

const lc = await import(pathToFileURL(await buildPackage()).href);
const { LambdaClient, InvokeAsyncCommand } = await import('@aws-sdk/client-lambda');
const { setupServer } = await import('msw/node');
const { http: mswHttp, HttpResponse } = await import('msw');

// The answer every mechanism gives: what the double answers an InvokeAsync with.
const ANSWER_HEADERS = { 'content-type': 'application/json', 'x-amzn-requestid': '00000000-0000-4000-8000-000000000000' };
const ANSWER_BODY = '{"Status":202}';

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(202, ANSWER_HEADERS).end(ANSWER_BODY));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;
const PATH = '/2014-11-13/functions/bench-fn/invoke-async/';

function rawInvoke() {
  return new Promise((resolve, reject) => {
    const req = http.request(`${ORIGIN}${PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 202 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end('{"n":1}');
  });
}

// An SDK v3 client whose NodeHttpHandler keeps the SDK's own `handle` as its own property, so the
// in-process SDK path (which patches the prototype) does not take it: it sends over http.
const sdk = (() => {
  const proto = Object.getPrototypeOf(new LambdaClient({ region: 'us-east-1' }).config.requestHandler);
  const handler = new proto.constructor();
  const state = globalThis[Symbol.for('lambda-cassette.sdk-handler-door.v1')];
  handler.handle = function (request, options) {
    return (state?.patched.get(proto)?.original ?? proto.handle).call(this, request, options);
  };
  const client = new LambdaClient({ region: 'us-east-1', endpoint: ORIGIN, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, requestHandler: handler });
  const command = new InvokeAsyncCommand({ FunctionName: 'bench-fn', InvokeArgs: '{"n":1}' });
  return () => client.send(command);
})();

// aws-sdk v2, when installed.
const v2 = await import('aws-sdk').then(
  (m) => {
    const AWS = m.default ?? m;
    const lambda = new AWS.Lambda({ region: 'us-east-1', endpoint: ORIGIN, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, maxRetries: 0 });
    return () => lambda.invokeAsync({ FunctionName: 'bench-fn', InvokeArgs: '{"n":1}' }).promise();
  },
  () => undefined,
);

let nock;
async function loadNock() {
  nock ??= await import('nock').then((m) => m.default ?? m);
  if (nock.isActive()) nock.restore();
  return nock;
}

function variant(name, send, open) {
  return {
    name,
    calls: CALLS,
    async setup() {
      const close = await open();
      return { send, teardown: close };
    },
  };
}

const mechanisms = (client, send) => [
  variant(`${client}: loopback server`, send, async () => () => {}),
  variant(`${client}: lambda-cassette double`, send, async () => {
    const double = await lc.mockLambda();
    return () => double.close();
  }),
  variant(`${client}: msw http.post handler`, send, async () => {
    const msw = setupServer(mswHttp.post(`${ORIGIN}${PATH}`, () => new HttpResponse(ANSWER_BODY, { status: 202, headers: ANSWER_HEADERS })));
    msw.listen({ onUnhandledRequest: 'bypass' });
    return () => msw.close();
  }),
  variant(`${client}: bare nock`, send, async () => {
    const n = await loadNock();
    n.activate();
    n(ORIGIN).persist().post(PATH).reply(202, ANSWER_BODY, ANSWER_HEADERS);
    return () => {
      n.cleanAll();
      n.restore();
    };
  }),
];

const variants = [...mechanisms('http.request', rawInvoke), ...mechanisms('SDK v3 over http', sdk), ...(v2 ? mechanisms('aws-sdk v2', v2) : [])];
const results = await alternate(variants, { rounds: QUICK ? 5 : 15, warmupCalls: QUICK ? 400 : 2000 });
server.close();

const median = (name) => stats(results[name].wall).median;
const lines = ['| client: mechanism | ms/call | × loopback server |', '|---|---|---|'];
for (const v of variants) {
  const base = median(`${v.name.split(':')[0]}: loopback server`);
  lines.push(`| ${v.name} | ${median(v.name).toFixed(3)} | ${(median(v.name) / base).toFixed(2)}× |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
