/**
 * What happens to a Lambda request a double does not serve: msw's vocabulary, with the
 * same meanings. `'error'` stops it before the network (the default where the mode never reaches
 * the network: mock, replay); `'warn'` prints and lets it through; `'bypass'` lets it through (the
 * default where the mode reaches the network anyway); a function sees it and lets it through
 * unless it throws.
 */
import { UnhandledRequestError } from '../common/replay-errors.js';
import { describeLambdaRequest, lambdaOperation } from '../wire/lambda-operation.js';
import { InvalidOptionError } from '../common/seal-errors.js';

/** A request the double does not serve, as `onUnhandledRequest` functions see it. */
export interface UnhandledRequest {
  method: string;
  url: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  /** The Lambda operation, e.g. `GetFunction` or `Invoke (RequestResponse)`. */
  operation: string;
}

/** The `onUnhandledRequest` option. */
export type OnUnhandledRequest = 'error' | 'warn' | 'bypass' | ((request: UnhandledRequest) => void);

const POLICIES = ['error', 'warn', 'bypass'];

/** Throws a TypeError unless `value` is a policy. */
export function checkOnUnhandledRequest(value: unknown): void {
  if (value === undefined || typeof value === 'function' || POLICIES.includes(value as string)) return;
  throw new InvalidOptionError(
    `lambda-cassette: option "onUnhandledRequest" is ${JSON.stringify(value)}; use 'error', 'warn', 'bypass' or a function (request) => void`,
  );
}

/** The policy in force: the option, else `'bypass'` when the mode reaches the network, `'error'` when it does not. */
export function unhandledPolicy(option: OnUnhandledRequest | undefined, reachesNetwork: boolean): OnUnhandledRequest {
  return option ?? (reachesNetwork ? 'bypass' : 'error');
}

/** What to do with one unhandled request: let it through, or fail it with `error`. */
export type UnhandledVerdict = { bypass: true } | { bypass: false; error: Error };

/** Applies `policy` to `request`; `label` names the double in messages. */
export function judgeUnhandled(
  policy: OnUnhandledRequest,
  request: Omit<UnhandledRequest, 'operation'>,
  label: string,
): UnhandledVerdict {
  const invocationType = request.headers['x-amz-invocation-type'];
  const operation = describeLambdaRequest(request.method, request.url, invocationType);
  if (policy === 'bypass') return { bypass: true };
  if (policy === 'warn') {
    console.warn(
      `lambda-cassette: ${label} does not serve ${operation}; letting it through (onUnhandledRequest: 'warn').`,
    );
    return { bypass: true };
  }
  if (policy === 'error') return { bypass: false, error: new UnhandledRequestError(label, [operation]) };
  try {
    policy({ ...request, operation: lambdaOperation(request.method, request.url, invocationType) });
    return { bypass: true };
  } catch (error) {
    return { bypass: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
