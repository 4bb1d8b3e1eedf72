/**
 * A real moto server (5.2.1, the machine's Python) for tests that record from a third-party Lambda endpoint.
 *
 * `startMoto()` picks a free port on 127.0.0.1, runs `python3 -m moto.server -H 127.0.0.1 -p PORT` (through a
 * small launcher that adds a parent-death watchdog), polls `GET /moto-api/`, sets `{"lambda":{"use_docker":false}}`
 * and gives the recorder a private file. Startup takes 0.65-0.95 s here. When moto cannot start it throws
 * "MOTO DID NOT START: ..." with the process's output tail: tests fail, never skip. `stop()` SIGKILLs the
 * process group and waits. A run that dies anyway takes moto with it: SIGKILL on `process.on('exit')`, and moto
 * exits when its stdin pipe closes (covers SIGKILL of the test process). `MOTO_DEBUG=1` echoes moto's stderr.
 *
 * What moto 5.2.1 answers here to `POST /2014-11-13/functions/{name}/invoke-async`, through `InvokeAsyncCommand`
 * with `endpoint: moto.url` (measured; moto.test.ts pins it):
 * (a) existing function, JSON payload: 202 with `content-type: text/html; charset=utf-8`, `status: 202`,
 *     `x-amz-function-error: Handled`, `x-amz-log-result:` (empty), `x-amz-crc32`, `x-amzn-requestid` (52
 *     alphanumerics, not a UUID), `connection: close`; body (137 bytes) `error running docker: Error while fetching
 *     server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))`.
 *     InvokeAsync ignores `use_docker: false` (that only swaps the backend behind Invoke): it always tries Docker,
 *     so the body depends on the machine. The function never runs. The SDK resolves
 *     `{ Status: 202, $metadata: { httpStatusCode: 202, requestId: <that id>, attempts: 1 } }`.
 *     An empty body is accepted too (treated as `{}`).
 * (b) unknown function: 404, `x-amzn-ErrorType: ResourceNotFoundException`, `content-type: application/json`,
 *     body `{"__type": "ResourceNotFoundException", "message": "Function not found: arn:aws:lambda:us-east-1:123456789012:function:NAME"}`
 *     (note the spaces: Python's json.dumps). The SDK throws `ResourceNotFoundException` ($fault "client",
 *     httpStatusCode 404, requestId set) with that message.
 * (c) body that is not JSON: 500, `content-type: text/html; charset=utf-8`, no request id, body (265 bytes)
 *     Werkzeug's `<!doctype html>...<title>500 Internal Server Error</title>...` (moto's json.loads raised).
 *     Not AWS's 400 InvalidRequestContentException. The SDK retries it (500 is retryable; 3 attempts by default)
 *     then throws a plain `SyntaxError`, message `Unexpected token '<', "<!doctype "... is not valid JSON\n
 *     Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`,
 *     `$metadata: { httpStatusCode: 500, attempts: 3, totalRetryDelay: ~100 }`, no `$fault`, no requestId.
 * (d) the recorder lists every InvokeAsync request that reached a moto route, each retry separately, with the
 *     body; its URL is percent-DECODED (`.../functions/arn:aws:lambda:...:function:NAME/invoke-async`). Requests
 *     that matched no route (the HTML 404s below) are not recorded.
 * Names: full ARN `arn:aws:lambda:us-east-1:123456789012:function:NAME` works (202; the ARN's region is ignored,
 * the credential scope picks the backend). `NAME:qualifier` does not really work: an unknown qualifier gives the
 * 404 ResourceNotFoundException (`...function:NAME:prod`); an existing version or alias crashes moto (HTML 500,
 * AttributeError in its Docker model); `NAME:$LATEST` is an HTML 404 (Werkzeug decodes `%24`, moto's route
 * pattern has no `$`). A partial ARN `123456789012:function:NAME` is an HTML 500. A name of 65+ characters is a
 * 404 ResourceNotFoundException; `bad name!` an HTML 404.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, installExitHook, killGroup, LAUNCHER, live, type Live } from './moto-process.js';
import { storedZip } from './stored-zip.js';
import { parseRecording, type RecordedRequest } from './moto-recorder.js';
import { CreateFunctionCommand, LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';

export { storedZip } from './stored-zip.js';
export type { RecordedRequest } from './moto-recorder.js';
export const MOTO_ACCOUNT_ID = '123456789012';
export const MOTO_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } as const;
const DEFAULT_REGION = 'us-east-1';
const ROLE_NAME = 'lambda-cassette-role';
const READY_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface MotoServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** A real SDK client pointed at this server: dummy credentials, us-east-1, `maxAttempts: 1` unless overridden. */
  lambdaClient(config?: LambdaClientConfig): LambdaClient;
  /** Creates the IAM role once, then the function (python3.12, trivial handler; never run: no Docker). */
  createFunction(name: string, opts?: { region?: string }): Promise<void>;
  /**
   * InvokeAsync without the SDK, to see the bytes: `fetch` with a credential scope that routes to Lambda (moto
   * does not check signatures). `functionName` is URI-encoded as the SDK does.
   */
  invokeAsyncRaw(functionName: string, body: string, opts?: { region?: string }): Promise<RawResponse>;
  /** Clears the recording, then records every request that reaches a moto route (not /moto-api/recorder/*). */
  startRecording(): Promise<void>;
  recordedRequests(): Promise<RecordedRequest[]>;
  stopRecording(): Promise<void>;
  /** Drops every resource (functions, roles) and reapplies `use_docker: false`. */
  reset(): Promise<void>;
  /** Kills the process group and waits for it to exit; safe to call twice. */
  stop(): Promise<void>;
}

/** moto picks the service and region from the credential scope; it does not check the signature. */
const scope = (service: string, region: string) =>
  `AWS4-HMAC-SHA256 Credential=${MOTO_CREDENTIALS.accessKeyId}/20240101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const HANDLER_ZIP = storedZip('lambda_function.py', 'def lambda_handler(event, context):\n    return event\n');

export interface StartMotoOptions {
  /** The Python to run; default `$MOTO_PYTHON` or `python3`. */
  python?: string;
  /** Default 20 s. */
  readyTimeoutMs?: number;
}

export async function startMoto(opts: StartMotoOptions = {}): Promise<MotoServer> {
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(await freePort(), opts);
    } catch (e) {
      lastError = e as Error;
      // Another process took the port between our probe and moto's bind: try a fresh one.
      if (!/Address already in use/i.test(lastError.message)) throw lastError;
    }
  }
  throw lastError;
}

async function launch(port: number, opts: StartMotoOptions): Promise<MotoServer> {
  installExitHook();
  const python = opts.python ?? process.env.MOTO_PYTHON ?? 'python3';
  const readyTimeoutMs = opts.readyTimeoutMs ?? READY_TIMEOUT_MS;
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lambda-cassette-moto-'));
  const child = spawn(python, ['-c', LAUNCHER, '-H', '127.0.0.1', '-p', String(port)], {
    cwd: dir,
    // Each server gets its own recording file: moto's default is ./moto_recording, shared by every server.
    env: {
      ...process.env,
      MOTO_RECORDER_FILEPATH: path.join(dir, 'recording.jsonl'),
      LAMBDA_CASSETTE_MOTO_DIR: dir, // the watchdog removes it when the parent dies
      PYTHONUNBUFFERED: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() can kill moto and anything it spawned
  });
  const entry: Live = { child, dir };
  live.add(entry);

  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.stdin?.on('error', () => {}); // EPIPE once moto is gone
  let spawnError: Error | undefined;
  child.on('error', (e) => {
    spawnError = e;
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  if (process.env.MOTO_DEBUG) child.stderr?.pipe(process.stderr);
  const tail = () => output.trim().split('\n').slice(-25).join('\n') || '(no output)';
  const gone = () => spawnError !== undefined || child.exitCode !== null || child.signalCode !== null;

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= kill());
  const kill = async () => {
    // moto keeps nothing worth flushing, and SIGTERM makes it run Python's full shutdown (0.3-1.1 s here):
    // kill the whole group at once.
    killGroup(child, 'SIGKILL');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, STOP_TIMEOUT_MS)))]);
    clearTimeout(timer);
    child.stdin?.destroy();
    child.stdout?.destroy();
    child.stderr?.destroy();
    rmSync(dir, { recursive: true, force: true });
    if (!gone()) throw new Error(`moto (pid ${child.pid}) did not exit within ${STOP_TIMEOUT_MS} ms of SIGKILL`);
    live.delete(entry);
  };

  const fail = async (why: string): Promise<never> => {
    await stop().catch(() => {});
    const cause = spawnError ? `${spawnError.message}\n` : '';
    throw new Error(
      `MOTO DID NOT START: ${why} (\`${python} -m moto.server -H 127.0.0.1 -p ${port}\`, moto 5.2.1 expected in ` +
        `the machine's Python).\n${cause}--- moto output (tail) ---\n${tail()}`,
    );
  };

  const started = Date.now();
  for (;;) {
    if (gone()) {
      await exited;
      return fail(
        spawnError
          ? `could not run ${python}`
          : `the process exited early (code ${child.exitCode}, signal ${child.signalCode})`,
      );
    }
    try {
      const res = await fetch(`${url}/moto-api/`, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.ok && !gone()) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > readyTimeoutMs)
      return fail(`GET ${url}/moto-api/ did not answer within ${readyTimeoutMs} ms`);
    await sleep(50);
  }

  const api = async (method: 'GET' | 'POST', p: string, body?: string): Promise<string> => {
    const res = await fetch(`${url}${p}`, {
      method,
      body,
      headers: body ? { 'content-type': 'application/json' } : {},
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`moto ${method} ${p} answered ${res.status}: ${text.slice(0, 500)}`);
    return text;
  };
  const configure = async () => {
    const config = JSON.parse(await api('POST', '/moto-api/config', JSON.stringify({ lambda: { use_docker: false } })));
    if (config?.lambda?.use_docker !== false) throw new Error(`moto kept lambda.use_docker: ${JSON.stringify(config)}`);
  };
  try {
    await configure();
    await api('POST', '/moto-api/recorder/reset-recording'); // so download-recording has a file to read
  } catch (e) {
    return fail(`it answered, but configuring it failed: ${(e as Error).message}`);
  }

  const lambdaClient = (config: LambdaClientConfig = {}) =>
    new LambdaClient({
      region: DEFAULT_REGION,
      credentials: MOTO_CREDENTIALS,
      endpoint: url,
      maxAttempts: 1,
      ...config,
    });

  let role: Promise<string> | undefined;
  const ensureRole = () =>
    (role ??= (async () => {
      const form = new URLSearchParams({
        Action: 'CreateRole',
        Version: '2010-05-08',
        RoleName: ROLE_NAME,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      });
      const res = await fetch(`${url}/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: scope('iam', DEFAULT_REGION),
        },
        body: form.toString(),
      });
      const text = await res.text();
      if (!res.ok && !text.includes('EntityAlreadyExists')) {
        role = undefined;
        throw new Error(`moto IAM CreateRole answered ${res.status}: ${text.slice(0, 500)}`);
      }
      return `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/${ROLE_NAME}`;
    })());

  return {
    url,
    port,
    lambdaClient,
    async createFunction(name, opts = {}) {
      const Role = await ensureRole();
      const client = lambdaClient({ region: opts.region ?? DEFAULT_REGION });
      try {
        await client.send(
          new CreateFunctionCommand({
            FunctionName: name,
            Runtime: 'python3.12',
            Role,
            Handler: 'lambda_function.lambda_handler',
            Code: { ZipFile: HANDLER_ZIP },
          }),
        );
      } finally {
        client.destroy();
      }
    },
    async invokeAsyncRaw(functionName, body, opts = {}) {
      const res = await fetch(`${url}/2014-11-13/functions/${encodeURIComponent(functionName)}/invoke-async`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          authorization: scope('lambda', opts.region ?? DEFAULT_REGION),
        },
        body,
      });
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => (headers[key] = value));
      return { status: res.status, headers, body: Buffer.from(await res.arrayBuffer()) };
    },
    async startRecording() {
      await api('POST', '/moto-api/recorder/reset-recording');
      await api('POST', '/moto-api/recorder/start-recording');
    },
    async recordedRequests() {
      const text = await api('GET', '/moto-api/recorder/download-recording');
      return parseRecording(text);
    },
    async stopRecording() {
      await api('POST', '/moto-api/recorder/stop-recording');
    },
    async reset() {
      await api('POST', '/moto-api/reset');
      role = undefined;
      await configure();
    },
    stop,
  };
}
