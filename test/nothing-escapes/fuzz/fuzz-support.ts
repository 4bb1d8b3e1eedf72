/**
 * What the fuzz tests throw at every door, to prove that nothing escapes and nothing crashes:
 * function names that break the path, payloads of any bytes, content types and encodings nock reacts
 * to, and other Lambda APIs. fast-check prints the seed and path of any failure;
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path>` replays it, `FUZZ_RUNS` changes how many cases run (2,000 per
 * door by default, the number docs/guarantees.md states).
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { InvokeAsyncCommand, InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { LAMBDA_ERRORS } from '../../../src/index.js';
import { LAMBDA_API_PATH } from '../../../src/wire/lambda-address.js';

/** fast-check parameters shared by every fuzz test. */
export function fuzzParameters(): fc.Parameters<unknown> {
  const runs = Number(process.env['FUZZ_RUNS'] ?? 2000);
  const seed = process.env['FUZZ_SEED'];
  const path = process.env['FUZZ_PATH'];
  return {
    numRuns: runs,
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
    ...(path !== undefined ? { path } : {}),
    // Fail fast and shrink little: one counterexample with its seed is what a reader needs.
    endOnFailure: true,
    verbose: 1,
  };
}

/** The error names a double may answer with: the documented catalogue. */
export const DOCUMENTED_ERRORS: ReadonlySet<string> = new Set(Object.keys(LAMBDA_ERRORS));

/** Success statuses the service documents for Invoke: 200 RequestResponse, 202 Event (and InvokeAsync), 204 DryRun. */
export const SERVED_STATUSES: ReadonlySet<number> = new Set([200, 202, 204]);

/** The double's own refusals: a request it does not serve, and a RequestResponse nothing answers. */
export const OWN_REFUSALS: ReadonlySet<string> = new Set(['UnhandledRequestError', 'NoFunctionAnswerError']);

/** The invocation kinds the SDK fuzz sends: InvokeAsync, and Invoke of each invocation type. */
export const invocationKinds = fc.constantFrom('InvokeAsync', 'Event', 'RequestResponse', 'DryRun');

/** The status each kind succeeds with. */
export const SUCCESS_STATUS: Record<string, number> = {
  InvokeAsync: 202,
  Event: 202,
  RequestResponse: 200,
  DryRun: 204,
};

const EDGE_NAMES = [
  '',
  '.',
  '..',
  '...',
  '/',
  '//',
  'a/b',
  'a/../b',
  '%2e',
  '%2e%2e',
  '%',
  '%zz',
  '?',
  '#',
  ' ',
  'a b',
  'fn?x=1',
  'fn#frag',
  '\u0000',
  '\u00e9t\u00e9',
  '\ud83d\ude00',
  'orders-fn',
  'orders-fn:prod',
  'orders-fn:$LATEST',
  'orders-fn:',
  ':prod',
  '123456789012:function:orders-fn',
  'arn:aws:lambda:us-east-1:123456789012:function:orders-fn:live',
  'arn:aws:lambda:us-east-1:123456789012:function:',
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(170),
  'x'.repeat(257),
];

/** FunctionName values: valid ones, edge cases, and any string. */
export const functionNames: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EDGE_NAMES),
  fc.stringMatching(/^[a-zA-Z0-9_.-]{1,64}(:(\$LATEST|[a-zA-Z0-9_-]{1,20}))?$/),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Request bodies: JSON, text, any bytes, gzip of either, and now and then one over 256 KB. */
export const bodies: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 40, arbitrary: fc.json({ maxDepth: 4 }).map((j) => Buffer.from(j)) },
  { weight: 20, arbitrary: fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)) },
  { weight: 20, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
  { weight: 10, arbitrary: fc.json({ maxDepth: 2 }).map((j) => gzipSync(j)) },
  {
    weight: 10,
    arbitrary: fc.constantFrom(Buffer.alloc(0), Buffer.from('null'), Buffer.from('{"a":'), Buffer.from('\ufeff{}')),
  },
  // Over the 256 KB limit: rare, since each costs nock hundreds of times a small one.
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(262_145, 0x61)) },
);

/** Content types and encodings, including the ones that made nock parse (and crash). */
export const contentTypes = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/octet-stream',
  'binary/octet-stream',
  'text/plain',
  'application/x-amz-json-1.1',
);
export const contentEncodings = fc.constantFrom(
  undefined,
  undefined,
  'gzip',
  'deflate',
  'br',
  'identity',
  'gzip, deflate',
  'GZIP',
);

/** Paths of other Lambda APIs, and paths that normalise or are only almost InvokeAsync. */
export const otherPaths = fc.constantFrom(
  '/2015-03-31/functions/f/invocations',
  '/2015-03-31/functions/f',
  '/2015-03-31/functions/',
  '/2015-03-31/functions/f/configuration',
  '/2014-11-13/functions/f/invoke-async/extra',
  '/2014-11-13/functions//invoke-async',
  '/2014-11-13/functions/./invoke-async',
  '/2014-11-13/functions/../invoke-async',
  '/2014-11-13/functions/%2e%2e/invoke-async',
  '/2014-11-13/invoke-async',
  '/2014-11-13/functions/invoke-async',
  '/2014-11-13/',
  '/2014-11-13/functions/f/invoke-async?x=1',
  '/2014-11-13/functions/f/invoke-async/',
  '/',
);

/**
 * What goes before a path: nothing mostly, else the forms the service and moto still read as the
 * path they end in (a doubled slash from an endpoint or `fetch` base ending in `/`, an endpoint's
 * path prefix, both).
 */
// Not a leading `//` for raw http: nock reads `//x/...` as a URL of host `x` (see docs/guarantees.md).
export const pathPrefixes = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.constantFrom('/prefix', '/prefix/', '/prefix//', '/a/b', '/2014-11-13', '/stage%2Fx') },
  { weight: 1, arbitrary: fc.stringMatching(/^(\/[a-z0-9._~-]{1,8}\/?){1,3}$/) },
);

/** A raw request: an InvokeAsync or Invoke path for an arbitrary name, or another path; with body and headers. */
export interface RawCase {
  method: string;
  path: string;
  /** Whether `path` is a Lambda API path: an API version first, before or after the prefix. */
  apiPath: boolean;
  body: Buffer;
  headers: Record<string, string>;
}

export const rawCases: fc.Arbitrary<RawCase> = fc
  .record({
    method: fc.constantFrom('POST', 'POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH'),
    path: fc.oneof(
      { weight: 3, arbitrary: functionNames.map((n) => `/2014-11-13/functions/${encodeURIComponent(n)}/invoke-async`) },
      {
        weight: 1,
        arbitrary: functionNames.map((n) => `/2014-11-13/functions/${n.replace(/[^\x21-\x7e]/g, '_')}/invoke-async/`),
      },
      // Invoke (any invocation type below), with a Qualifier query now and then.
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            functionNames,
            fc.option(fc.constantFrom('live', '$LATEST', '$LATEST.PUBLISHED', '7', '', 'bad qualifier!'), {
              nil: undefined,
            }),
          )
          .map(
            ([n, q]) =>
              `/2015-03-31/functions/${encodeURIComponent(n)}/invocations${q === undefined ? '' : `?Qualifier=${encodeURIComponent(q)}`}`,
          ),
      },
      { weight: 2, arbitrary: otherPaths },
    ),
    body: bodies,
    contentType: contentTypes,
    contentEncoding: contentEncodings,
    invocationType: fc.constantFrom(undefined, 'Event', 'RequestResponse', 'DryRun'),
    prefix: pathPrefixes,
  })
  .map(({ method, path: bare, body, contentType, contentEncoding, invocationType, prefix }) => {
    const path = `${prefix}${bare}`;
    const headers: Record<string, string> = {};
    if (contentType) headers['content-type'] = contentType;
    if (contentEncoding) headers['content-encoding'] = contentEncoding;
    if (invocationType) headers['x-amz-invocation-type'] = invocationType;
    // A prefix can make the path an API path by itself (`/2014-11-13` + `/`): a double judges the whole path.
    return {
      method,
      path,
      apiPath: /^\/\d{4}-\d\d-\d\d\//.test(bare) || LAMBDA_API_PATH.test(path),
      body: method === 'GET' ? Buffer.alloc(0) : body,
      headers,
    };
  });

/** Rejects after `ms` so a hang fails the case (with its seed) instead of the whole file. */
export async function within<T>(ms: number, label: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`hung for ${ms} ms: ${label}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Counts uncaught exceptions and unhandled rejections while a fuzz test runs: a crash would be one. */
export function watchCrashes(): { readonly crashes: unknown[]; stop(): void } {
  const crashes: unknown[] = [];
  const onError = (error: unknown) => crashes.push(error);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return {
    crashes,
    stop() {
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
    },
  };
}

/**
 * Sends one fuzzed call of `kind` through `client` and says what was wrong with its outcome, if
 * anything: the type's success status, a documented error and the double's own refusals are right.
 */
export function invocationProblem(
  client: LambdaClient,
  kind: string,
  FunctionName: string,
  body: Uint8Array,
): Promise<string | undefined> {
  const sent =
    kind === 'InvokeAsync'
      ? client.send(new InvokeAsyncCommand({ FunctionName, InvokeArgs: body })).then((out) => out.Status)
      : client
          .send(new InvokeCommand({ FunctionName, InvocationType: kind as 'Event', Payload: body }))
          .then((out) => out.StatusCode);
  return within(
    10_000,
    `${kind} ${JSON.stringify(FunctionName)}`,
    sent.then(
      (status) => (status === SUCCESS_STATUS[kind] ? undefined : `${kind}: Status ${status}`),
      (e: Error) => (DOCUMENTED_ERRORS.has(e.name) || OWN_REFUSALS.has(e.name) ? undefined : `${e.name}: ${e.message}`),
    ),
  );
}
