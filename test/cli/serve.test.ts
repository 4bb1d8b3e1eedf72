/** `lambda-cassette serve`, run as a separate process exactly as a user (or a Python test suite) runs it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeAsyncCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { Cassette } from '../../src/index.js';
import { runCli, startServe, useCli } from '../support/cli.js';
import { boto3InvokeAsync, requireBoto3 } from '../support/external-clients.js';

const cli = useCli();
let dir: string;
beforeAll(() => {
  requireBoto3();
  dir = mkdtempSync(join(tmpdir(), 'lc-serve-'));
  mkdirSync(join(dir, 'cassettes', 'checkout'), { recursive: true });
  writeFileSync(join(dir, 'cassettes', 'checkout', 'happy.json'), JSON.stringify(cassette));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REQUEST_ID = 'recorded-0000-4000-8000-000000000007';
const cassette: Cassette = {
  version: 1,
  recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20.20.2' },
  interactions: [
    {
      request: { functionName: 'orders-fn', region: 'us-east-1', payload: { json: { id: 7 } } },
      response: { status: 202, headers: { 'content-type': 'application/json', 'x-amzn-requestid': REQUEST_ID }, body: { text: '{"Status":202}' } },
      recordedAt: '2026-11-22T00:00:00.000Z',
    },
  ],
};

const auth = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0';

function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { authorization: auth, ...headers }, agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const invoke = (url: string, fn: string) => `${url}/2014-11-13/functions/${encodeURIComponent(fn)}/invoke-async`;

describe('lambda-cassette serve', () => {
  it('serves mock answers, prints the URL first, logs calls, and stops cleanly on SIGTERM', async () => {
    const serve = await startServe(cli.path, ['--mode', 'mock', '--functions', 'orders-fn'], { cwd: dir });
    expect((await post(invoke(serve.url, 'orders-fn'), '{"id":1}')).status).toBe(202);
    const missing = await post(invoke(serve.url, 'nope'), '{}');
    expect([missing.status, missing.headers['x-amzn-errortype']]).toEqual([404, 'ResourceNotFoundException']);
    const event = await post(`${serve.url}/2015-03-31/functions/orders-fn/invocations`, '{"id":2}', { 'x-amz-invocation-type': 'Event' });
    expect([event.status, event.body]).toEqual([202, '']);
    const calls = (await (await fetch(`${serve.url}/_lambda-cassette/calls`)).json()) as Array<{ functionName: string; status: number; operation: string }>;
    expect(calls.map((c) => [c.operation, c.functionName, c.status])).toEqual([['InvokeAsync', 'orders-fn', 202], ['InvokeAsync', 'nope', 404], ['Invoke', 'orders-fn', 202]]);
    const run = await serve.stop('SIGTERM');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${serve.url}\n`);
    expect(run.stderr).toMatch(/orders-fn \(us-east-1\) -> 202 \[mock\]/);
    expect(run.stderr).toMatch(/nope \(us-east-1\) -> 404 ResourceNotFoundException \[mock\]/);
    expect(run.stderr).toMatch(/Invoke orders-fn \(us-east-1\) -> 202 \[mock\]/);
    expect(run.stderr).toMatch(/SIGTERM, stopping after 3 call\(s\)/);
  });

  it('replays to boto3 by name inside --dir; a miss gets no answer and makes the exit code 1', async () => {
    const serve = await startServe(cli.path, ['checkout/happy', '--mode', 'replay', '--dir', 'cassettes'], { cwd: dir });
    expect(await boto3InvokeAsync(serve.url, [['orders-fn', '{"id": 7}']])).toEqual([{ status: 202, requestId: REQUEST_ID }]);
    await expect(post(invoke(serve.url, 'orders-fn'), '{"id":8}')).rejects.toThrow(/socket hang up/);
    const run = await serve.stop('SIGINT');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no answer POST \/2014-11-13\/functions\/orders-fn\/invoke-async: .*no recorded answer|no answer POST/);
    expect(run.stderr).toMatch(/1 Lambda invocation request\(s\) found no recorded answer in cassettes\/checkout\/happy\.json/);
  });

  it('prints a miss once per request, not once per SDK retry; the call lines name each attempt', async () => {
    const serve = await startServe(cli.path, ['checkout/happy', '--mode', 'replay'], { cwd: dir });
    const client = new LambdaClient({ region: 'us-east-1', endpoint: serve.url, maxAttempts: 3, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    const err = await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":8}' })).catch((e: { $metadata: { attempts?: number } }) => e);
    expect((err as { $metadata: { attempts?: number } }).$metadata.attempts).toBe(3);
    const run = await serve.stop('SIGINT');
    expect(run.code).toBe(1);
    expect(run.stderr.match(/no answer POST/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/orders-fn \(us-east-1\) -> .*\n.*orders-fn \(us-east-1\) \(attempt 2\) -> .*\n.*orders-fn \(us-east-1\) \(attempt 3\) -> /);
  });

  it('records through --target and writes the cassette on SIGINT (a .json path works as <cassette>)', async () => {
    const upstream = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(202, { 'content-type': 'application/json', 'x-amzn-RequestId': 'from-upstream' });
        res.end('{"Status":202}');
      });
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const target = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
    try {
      const serve = await startServe(cli.path, ['recorded/new.json', '--mode', 'record', '--target', target], { cwd: dir });
      const answer = await post(invoke(serve.url, 'orders-fn:prod'), '{"id":9}');
      expect([answer.status, answer.headers['x-amzn-requestid']]).toEqual([202, 'from-upstream']);
      const run = await serve.stop('SIGINT');
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/wrote recorded\/new\.json/);
      const written = JSON.parse(readFileSync(join(dir, 'recorded', 'new.json'), 'utf8')) as Cassette;
      expect(written.interactions.map((i) => [i.request, i.response.status, i.response.headers['x-amzn-requestid']])).toEqual([
        [{ functionName: 'orders-fn', qualifier: 'prod', functionRef: 'orders-fn:prod', region: 'us-east-1', payload: { json: { id: 9 } } }, 202, 'from-upstream'],
      ]);
    } finally {
      upstream.close();
    }
  });

  it('lets --mode beat LAMBDA_CASSETTE_MODE, which beats the default', async () => {
    const fromEnv = await startServe(cli.path, [], { cwd: dir, env: { LAMBDA_CASSETTE_MODE: 'mock' } });
    expect((await post(invoke(fromEnv.url, 'any-fn'), '{}')).status).toBe(202);
    expect((await fromEnv.stop()).code).toBe(0);
    const flag = await runCli(cli.path, ['serve', 'missing', '--mode', 'replay'], { cwd: dir, env: { LAMBDA_CASSETTE_MODE: 'mock' } });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/cassettes\/missing\.json does not exist and mode is "replay"/);
  });

  it.each([
    [['serve', 'x', '--mode', 'record'], /mode "record" forwards requests to a real endpoint: pass --target URL/],
    [['serve', 'never-recorded'], /does not exist, so mode "auto" would record it: pass --target/],
    [['serve', '--mode', 'replay'], /mode "replay" needs a <cassette>/],
    [['serve', '--mode', 'mock', '--port', 'eighty'], /--port <n>' argument 'eighty' is invalid/],
    [['serve', '--mode', 'mock', '--port', '70000'], /from 0 to 65535/],
    [['serve', '--mode', 'sometimes'], /Allowed choices are replay, record, auto, mock/],
    [['serve', 'x', '--mode', 'record', '--target', 'ftp://host'], /--target must be an absolute http\(s\) URL/],
    [['serve', '../outside', '--mode', 'replay'], /must be a relative path inside the cassette folder/],
    [['serve', 'x', '--mode', 'record', '--sign'], /--sign signs the requests forwarded to --target: pass --target URL/],
  ])('refuses %j with a usage error (exit 2)', async (args, message) => {
    const run = await runCli(cli.path, args, { cwd: dir });
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});
