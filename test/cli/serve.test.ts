/** `lambda-cassette serve`, run as a separate process exactly as a user (or a Python test suite) runs it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cassette } from '../../src/index.js';
import { runCli, startServe, useCli } from '../support/cli.js';
import { awsEnv, boto3InvokeAsync, exec, requireBoto3 } from '../support/external-clients.js';

// Invoke (Event) with boto3's default retry settings; prints the error and how many attempts it took.
const BOTO3_INVOKE_EVENT = `
import json, sys, boto3, botocore.exceptions
client = boto3.client('lambda', endpoint_url=sys.argv[1], region_name='us-east-1')
try:
    client.invoke(FunctionName='orders-fn', InvocationType='Event', Payload=b'{"id": 9}')
    print(json.dumps({'code': None}))
except botocore.exceptions.ClientError as e:
    print(json.dumps({'code': e.response['Error']['Code'], 'message': e.response['Error'].get('Message', ''),
                      'status': e.response['ResponseMetadata']['HTTPStatusCode'], 'attempts': e.response['ResponseMetadata'].get('RetryAttempts', 0) + 1}))
`;

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
      response: {
        status: 202,
        headers: { 'content-type': 'application/json', 'x-amzn-requestid': REQUEST_ID },
        body: { text: '{"Status":202}' },
      },
      recordedAt: '2026-11-22T00:00:00.000Z',
    },
  ],
};

const auth =
  'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0';

function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { authorization: auth, ...headers }, agent: false },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      },
    );
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
    const event = await post(`${serve.url}/2015-03-31/functions/orders-fn/invocations`, '{"id":2}', {
      'x-amz-invocation-type': 'Event',
    });
    expect([event.status, event.body]).toEqual([202, '']);
    const calls = (await (await fetch(`${serve.url}/_lambda-cassette/calls`)).json()) as Array<{
      functionName: string;
      status: number;
      operation: string;
    }>;
    expect(calls.map((c) => [c.operation, c.functionName, c.status])).toEqual([
      ['InvokeAsync', 'orders-fn', 202],
      ['InvokeAsync', 'nope', 404],
      ['Invoke', 'orders-fn', 202],
    ]);
    const run = await serve.stop('SIGTERM');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${serve.url}\n`);
    expect(run.stderr).toMatch(/orders-fn \(us-east-1\) -> 202 \[mock\]/);
    expect(run.stderr).toMatch(/nope \(us-east-1\) -> 404 ResourceNotFoundException \[mock\]/);
    expect(run.stderr).toMatch(/Invoke orders-fn \(us-east-1\) -> 202 \[mock\]/);
    expect(run.stderr).toMatch(/SIGTERM, stopping after 3 call\(s\)/);
  });

  it('replays to boto3 by name inside --dir; a miss gets a 400 naming the flags to fix it, and makes the exit code 1', async () => {
    const serve = await startServe(cli.path, ['checkout/happy', '--mode', 'replay', '--dir', 'cassettes'], {
      cwd: dir,
    });
    expect(await boto3InvokeAsync(serve.url, [['orders-fn', '{"id": 7}']])).toEqual([
      { status: 202, requestId: REQUEST_ID },
    ]);
    const miss = await post(invoke(serve.url, 'orders-fn'), '{"id":8}');
    expect([miss.status, miss.headers['x-amzn-errortype']]).toEqual([400, 'CassetteMissException']);
    const { message } = JSON.parse(miss.body) as { message: string };
    expect(message).toMatch(
      /^lambda-cassette: no recorded answer in cassettes\/checkout\/happy\.json for InvokeAsync orders-fn \(us-east-1\) \{"id":8\}/,
    );
    // Hints name this command's flags, not options of code that does not exist here.
    expect(message).toContain("serve it with --ignore '$.id'");
    expect(message).toContain('restart serve with --mode new-episodes --target URL');
    expect(message).not.toMatch(/ignore: \[|LAMBDA_CASSETTE_MODE/);
    const run = await serve.stop('SIGINT');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /answered 400 CassetteMissException POST \/2014-11-13\/functions\/orders-fn\/invoke-async: lambda-cassette: no recorded answer/,
    );
    expect(run.stderr).toMatch(
      /1 Lambda invocation request\(s\) found no recorded answer in cassettes\/checkout\/happy\.json/,
    );
  });

  it('the AWS CLI and boto3 (default retry settings) get the miss at once, with its message, and the summary lists each request once', async () => {
    writeFileSync(join(dir, 'event.json'), '{"id": 8}');
    const serve = await startServe(cli.path, ['checkout/happy', '--mode', 'replay'], { cwd: dir });
    const env = awsEnv();
    delete env['AWS_MAX_ATTEMPTS'];
    const [awsCli, boto3] = await Promise.all([
      exec(
        'aws',
        [
          'lambda',
          'invoke-async',
          '--endpoint-url',
          serve.url,
          '--function-name',
          'orders-fn',
          '--invoke-args',
          join(dir, 'event.json'),
          '--region',
          'us-east-1',
        ],
        { env },
      ),
      exec('python3', ['-c', BOTO3_INVOKE_EVENT, serve.url], { env }),
    ]);
    expect(awsCli.code).not.toBe(0);
    expect(awsCli.stderr).toMatch(
      /An error occurred \(CassetteMissException\) when calling the InvokeAsync operation: lambda-cassette: no recorded answer in cassettes\/checkout\/happy\.json for InvokeAsync orders-fn/,
    );
    expect(awsCli.stderr).not.toMatch(/Connection was closed/);
    expect(JSON.parse(boto3.stdout)).toMatchObject({ code: 'CassetteMissException', status: 400, attempts: 1 });
    expect((JSON.parse(boto3.stdout) as { message: string }).message).toMatch(
      /for Invoke \(Event\) orders-fn \(us-east-1\) \{"id":9\}/,
    );
    const run = await serve.stop('SIGINT');
    expect(run.code).toBe(1);
    // One attempt each: nothing retried a 400.
    expect(run.stderr.match(/ -> CassetteMissError/g)).toHaveLength(2);
    expect(run.stderr).not.toMatch(/attempt 2/);
    expect(run.stderr).toMatch(/2 Lambda invocation request\(s\) found no recorded answer/);
    expect(run.stderr).not.toMatch(/InvokeAsync Invoke/);
  });

  it('takes --ignore, --allow-playback-repeats and --on-unhandled-request as openCassette takes the options', async () => {
    const serve = await startServe(
      cli.path,
      [
        'checkout/happy',
        '--mode',
        'replay',
        '--ignore',
        '$.id',
        '--allow-playback-repeats',
        '--on-unhandled-request',
        'bypass',
      ],
      { cwd: dir },
    );
    // id ignored: both match the one recording, the second by repeating it.
    expect((await post(invoke(serve.url, 'orders-fn'), '{"id":8}')).status).toBe(202);
    expect((await post(invoke(serve.url, 'orders-fn'), '{"id":9}')).status).toBe(202);
    const rr = await post(`${serve.url}/2021-11-15/functions/orders-fn/response-streaming-invocations`, '{}');
    expect(rr.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    const run = await serve.stop('SIGINT');
    // bypass: the unserved stream invocation is not listed as stopped, so the run is clean.
    expect(run.code).toBe(0);
    const strict = await startServe(cli.path, ['--mode', 'mock'], { cwd: dir });
    await post(`${strict.url}/2021-11-15/functions/orders-fn/response-streaming-invocations`, '{}');
    const stopped = await strict.stop('SIGINT');
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('let them through with --on-unhandled-request bypass (or warn)');
  });

  it('answers every unserved operation with one wording, in every mode', async () => {
    const messages: string[] = [];
    for (const args of [
      ['--mode', 'mock'],
      ['checkout/happy', '--mode', 'replay'],
    ]) {
      const serve = await startServe(cli.path, args, { cwd: dir });
      const rr = await post(`${serve.url}/2021-11-15/functions/orders-fn/response-streaming-invocations`, '{}');
      const list = await post(`${serve.url}/2015-03-31/functions/`, '');
      for (const answer of [rr, list]) {
        expect([answer.status, answer.headers['x-amzn-errortype']]).toEqual([404, 'UnknownOperationException']);
        messages.push((JSON.parse(answer.body) as { message: string }).message.replace(serve.url, 'URL'));
      }
      await serve.stop('SIGINT');
    }
    expect(messages[0]).toMatch(
      /^lambda-cassette: InvokeWithResponseStream \(POST \/2021-11-15\/functions\/orders-fn\/response-streaming-invocations\) is not served: lambda-cassette serves Invoke \(every invocation type\) and InvokeAsync/,
    );
    expect(messages[2]).toBe(messages[0]);
    expect(messages[3]).toBe(messages[1]);
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
      const serve = await startServe(cli.path, ['recorded/new.json', '--mode', 'record', '--target', target], {
        cwd: dir,
      });
      const answer = await post(invoke(serve.url, 'orders-fn:prod'), '{"id":9}');
      expect([answer.status, answer.headers['x-amzn-requestid']]).toEqual([202, 'from-upstream']);
      const run = await serve.stop('SIGINT');
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/wrote recorded\/new\.json/);
      const written = JSON.parse(readFileSync(join(dir, 'recorded', 'new.json'), 'utf8')) as Cassette;
      expect(
        written.interactions.map((i) => [i.request, i.response.status, i.response.headers['x-amzn-requestid']]),
      ).toEqual([
        [
          {
            functionName: 'orders-fn',
            qualifier: 'prod',
            functionRef: 'orders-fn:prod',
            region: 'us-east-1',
            payload: { json: { id: 9 } },
          },
          202,
          'from-upstream',
        ],
      ]);
    } finally {
      upstream.close();
    }
  });

  it('lets --mode beat LAMBDA_CASSETTE_MODE, which beats the default', async () => {
    const fromEnv = await startServe(cli.path, [], { cwd: dir, env: { LAMBDA_CASSETTE_MODE: 'mock' } });
    expect((await post(invoke(fromEnv.url, 'any-fn'), '{}')).status).toBe(202);
    expect((await fromEnv.stop()).code).toBe(0);
    const flag = await runCli(cli.path, ['serve', 'missing', '--mode', 'replay'], {
      cwd: dir,
      env: { LAMBDA_CASSETTE_MODE: 'mock' },
    });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/cassettes\/missing\.json does not exist and mode is "replay"/);
  });

  it.each([
    [['serve', 'x', '--mode', 'record'], /mode "record" forwards requests to a real endpoint: pass --target URL/],
    [['serve', 'never-recorded'], /does not exist, so mode "auto" would record it: pass --target/],
    [['serve', '--mode', 'replay'], /mode "replay" needs a <cassette>/],
    [['serve', '--mode', 'mock', '--port', 'eighty'], /--port <n>' argument 'eighty' is invalid/],
    [['serve', '--mode', 'mock', '--port', '70000'], /from 0 to 65535/],
    [
      ['serve', '--mode', 'sometimes'],
      /Allowed choices are replay, record, rerecord, auto, new-episodes, passthrough, mock/,
    ],
    [
      ['serve', 'x', '--mode', 'new-episodes'],
      /mode "new-episodes" forwards requests to a real endpoint: pass --target URL/,
    ],
    [['serve', '--mode', 'mock', '--on-unhandled-request', 'maybe'], /Allowed choices are error, warn, bypass/],
    [['serve', 'x', '--mode', 'record', '--target', 'ftp://host'], /--target must be an absolute http\(s\) URL/],
    [['serve', '../outside', '--mode', 'replay'], /must be a relative path inside the cassette folder/],
    [
      ['serve', 'x', '--mode', 'record', '--sign'],
      /--sign signs the requests forwarded to --target: pass --target URL/,
    ],
  ])('refuses %j with a usage error (exit 2)', async (args, message) => {
    const run = await runCli(cli.path, args, { cwd: dir });
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});
