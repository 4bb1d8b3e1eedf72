/**
 * A script run inside a freshly installed project (see install-line.test.ts) to check the sealed
 * double beside the user's own nock (nock 15 on Node 24): any host, bodies nock would parse,
 * dot-segment names, a caller's cleanAll()/restore(), other Lambda APIs, the caller's own scopes
 * (re-activated after its restore(), by fetch and http), and a counting server that must see
 * nothing. Prints one JSON object.
 */
export const SEAL_CHECK = [
  "import http from 'node:http';",
  "import nock from 'nock';",
  "import { LambdaClient, InvokeAsyncCommand, GetFunctionCommand } from '@aws-sdk/client-lambda';",
  "import { mockLambda } from 'lambda-cassette';",
  '',
  'const hits = [];',
  "const server = http.createServer((req, res) => { hits.push(`${req.method} ${req.url}`); req.resume(); req.on('end', () => res.writeHead(418).end('net')); });",
  "await new Promise((r) => server.listen(0, '127.0.0.1', r));",
  'const net = `http://127.0.0.1:${server.address().port}`;',
  'const out = {};',
  "async function raw(url, init) { try { const r = await fetch(url, init); return { status: r.status, type: r.headers.get('x-amzn-errortype') }; } catch (e) { return { error: (e.cause ?? e).name, message: (e.cause ?? e).message }; } }",
  "const client = new LambdaClient({ region: 'us-east-1', endpoint: net, maxAttempts: 1, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });",
  'let lambda = await mockLambda();',
  "out.anyHost = (await client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }))).Status;",
  "out.notJson = await raw(`${net}/2014-11-13/functions/f/invoke-async`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'nope' });",
  "out.badGzip = await raw(`${net}/2014-11-13/functions/f/invoke-async`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'nope' });",
  "out.dotdot = await raw(`${net}/2014-11-13/functions/%2e%2e/invoke-async`, { method: 'POST', body: '{}' });",
  'nock.cleanAll();',
  "out.afterCleanAll = (await client.send(new InvokeAsyncCommand({ FunctionName: 'g', InvokeArgs: '{}' }))).Status;",
  'nock.restore();',
  "out.afterRestore = await client.send(new InvokeAsyncCommand({ FunctionName: 'h', InvokeArgs: '{}' })).then((o) => o.Status, (e) => e.name);",
  "out.closeA = await lambda.close().then(() => 'ok', (e) => e.name);",
  'lambda = await mockLambda({ endpoint: net });',
  "out.getFunction = await client.send(new GetFunctionCommand({ FunctionName: 'f' })).then(() => 'ok', (e) => e.name);",
  "out.closeB = await lambda.close().then(() => 'ok', (e) => e.name);",
  // The restore() above switched the caller's nock off (nock's own rule: until activate()); the
  // double leaves nock as it finds it, so the caller turns it back on before mocking its host.
  'nock.activate();',
  "nock('http://example.test').get('/x').times(2).reply(200, 'theirs');",
  'lambda = await mockLambda();',
  "out.theirs = await raw('http://example.test/x');",
  "out.theirsHttp = await new Promise((r) => http.get('http://example.test/x', (res) => { res.resume(); r({ status: res.statusCode }); }).on('error', (e) => r({ error: e.name, message: e.message })));",
  "out.closeC = await lambda.close().then(() => 'ok', (e) => e.name);",
  'out.hits = hits;',
  'console.log(JSON.stringify(out, null, 1));',
  'server.close();',
].join('\n');
