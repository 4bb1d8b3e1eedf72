/**
 * Real InvokeAsync clients no one here wrote, run as separate processes: the AWS CLI v1 and boto3
 * from the machine's Python. They must work against `listen()` unchanged.
 *
 * Measured here (aws-cli 1.45.11, botocore/boto3 1.43.11, against a capturing server):
 * `POST /2014-11-13/functions/orders-fn/invoke-async` (no trailing slash; `name:qualifier` sent as
 * `orders-fn%3Aprod`), no content-type, `accept-encoding: identity`, `amz-sdk-request: attempt=1`
 * (no max), `amz-sdk-invocation-id`, SigV4 over `host;x-amz-date` (no x-amz-content-sha256), the
 * region only in the credential scope. The CLI's `--invoke-args` is a plain file path (not
 * `file://`) and sends the file's bytes, trailing newline included. Each CLI run takes ~1.3 s.
 */
import { execFile, execFileSync } from 'node:child_process';

/** Environment for the AWS tools: dummy credentials, no config files, no instance metadata lookups. */
export function awsEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('AWS_')) delete env[name];
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret-example',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    ...extra,
  };
}

export interface Exec {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion, never rejecting: the exit code is part of what tests check. */
export function exec(
  file: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeout?: number } = {},
): Promise<Exec> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { env: options.env ?? process.env, cwd: options.cwd, timeout: options.timeout ?? 30_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** `aws lambda invoke-async --endpoint-url <url> --function-name <fn> --invoke-args <file> --region <region>`. */
export function awsCliInvokeAsync(
  url: string,
  functionName: string,
  argsFile: string,
  region = 'us-east-1',
): Promise<Exec> {
  return exec(
    'aws',
    [
      'lambda',
      'invoke-async',
      '--endpoint-url',
      url,
      '--function-name',
      functionName,
      '--invoke-args',
      argsFile,
      '--region',
      region,
    ],
    {
      env: awsEnv(),
    },
  );
}

/** What one boto3 call gave: the result, or the error botocore raised. */
export interface Boto3Result {
  status?: number;
  requestId?: string;
  error?: { code: string; message: string; status: number };
}

const BOTO3_SCRIPT = `
import json, sys, boto3, botocore.exceptions
url, region, calls = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
client = boto3.client('lambda', endpoint_url=url, region_name=region)
out = []
for fn, payload in calls:
    try:
        r = client.invoke_async(FunctionName=fn, InvokeArgs=payload.encode('utf-8'))
        out.append({'status': r['Status'], 'requestId': r['ResponseMetadata'].get('RequestId')})
    except botocore.exceptions.ClientError as e:
        out.append({'error': {'code': e.response['Error']['Code'], 'message': e.response['Error'].get('Message', ''),
                              'status': e.response['ResponseMetadata']['HTTPStatusCode']}})
print(json.dumps(out))
`;

/** Fails loudly (never skips) when boto3 is not importable in the machine's Python. */
export function requireBoto3(): void {
  try {
    execFileSync('python3', ['-c', 'import boto3'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    throw new Error(
      `BOTO3 IS NOT IMPORTABLE: \`python3 -c "import boto3"\` failed; these tests need it.\n${String((e as { stderr?: unknown }).stderr ?? e)}`,
    );
  }
}

/** Runs `client.invoke_async` for each `[functionName, payloadText]` in one Python process. */
export async function boto3InvokeAsync(
  url: string,
  calls: ReadonlyArray<readonly [string, string]>,
  region = 'us-east-1',
): Promise<Boto3Result[]> {
  const run = await exec('python3', ['-c', BOTO3_SCRIPT, url, region, JSON.stringify(calls)], { env: awsEnv() });
  if (run.code !== 0) throw new Error(`boto3 script failed (exit ${run.code}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as Boto3Result[];
}
