import { randomUUID } from 'node:crypto';

/** The `context` a handler gets: the fields of the Node runtime's context object that tests use. */
export interface LambdaContext {
  functionName: string;
  /** `$LATEST`, or the version the call named. */
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  /** Always false here: the double does not freeze a process between calls. */
  callbackWaitsForEmptyEventLoop: boolean;
  /** Milliseconds until the function's timeout (the default 3 seconds, counted from the call's start). */
  getRemainingTimeInMillis(): number;
}

/** What a context is built from. */
export interface ContextSource {
  functionName: string;
  qualifier?: string | undefined;
  arn: string;
  requestId?: string;
}

const DEFAULT_TIMEOUT_MS = 3000;

/** A context as the Node runtime passes it, for one invocation. */
export function lambdaContext(source: ContextSource): LambdaContext {
  // performance.now(): fake timers (which replace Date) must not make the remaining time jump.
  const started = performance.now();
  const version = source.qualifier !== undefined && /^\d+$/.test(source.qualifier) ? source.qualifier : '$LATEST';
  return {
    functionName: source.functionName,
    functionVersion: version,
    invokedFunctionArn: source.arn,
    memoryLimitInMB: '128',
    awsRequestId: source.requestId ?? randomUUID(),
    logGroupName: `/aws/lambda/${source.functionName}`,
    logStreamName: `lambda-cassette/[${version}]`,
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, Math.round(DEFAULT_TIMEOUT_MS - (performance.now() - started))),
  };
}
