import type { LambdaDouble } from './lambda-double.js';
import { openDouble } from './open-double.js';
import { MockResponder } from '../engine/mock-responder.js';
import { DEFAULTS } from '../engine/defaults.js';
import { claimCallerContext } from '../doors/shared/route-by-context.js';
import { checkKnownOptions } from '../engine/option-check.js';
import { InvalidOptionError } from '../common/seal-errors.js';
import { checkOnUnhandledRequest, unhandledPolicy, type OnUnhandledRequest } from '../engine/unhandled-policy.js';

/** Options of {@link mockLambda}. */
export interface MockLambdaOptions {
  /** Functions that exist; a call to any other gets `ResourceNotFoundException`. Default: all exist. */
  functions?: readonly string[];
  /** Region assumed when neither host nor signature names one. Default `us-east-1`. */
  region?: string;
  /** Account id the double prints in ARNs. Default `123456789012`. */
  accountId?: string;
  /** Custom endpoint(s) to intercept as well as every AWS Lambda host. */
  endpoint?: string | readonly string[];
  /**
   * What becomes of a request to a Lambda host that the double does not serve (another Lambda API,
   * `Invoke`): `'error'` (default: it fails with `UnhandledRequestError` and `close()` lists it),
   * `'warn'` (printed, then sent on), `'bypass'` (sent on), or a function that sees it (sent on
   * unless the function throws). The same vocabulary as msw.
   */
  onUnhandledRequest?: OnUnhandledRequest;
  /**
   * What functions answer, as `lambda.respond(name, resultOrHandler)` would set it: a result, or a
   * handler `(event, context) => result` that also receives Event and InvokeAsync deliveries.
   */
  handlers?: Readonly<Record<string, unknown>>;
}

/** The options {@link mockLambda} knows, for the unknown-option check. */
export const MOCK_LAMBDA_OPTIONS: readonly (keyof MockLambdaOptions)[] = [
  'functions',
  'region',
  'accountId',
  'endpoint',
  'onUnhandledRequest',
  'handlers',
];

/** @internal Normalizes the `endpoint` option. */
export function endpointList(endpoint: string | readonly string[] | undefined): string[] {
  if (endpoint === undefined) return [];
  const list = typeof endpoint === 'string' ? [endpoint] : [...endpoint];
  // Checked before anything is attached: a double that fails later would stay half open.
  const bad = list.find((url) => typeof url !== 'string' || !URL.canParse(url));
  if (bad !== undefined)
    throw new InvalidOptionError(
      `lambda-cassette: option "endpoint" must be an absolute URL (such as http://127.0.0.1:4566), got ${JSON.stringify(bad)}`,
    );
  return list;
}

/**
 * Opens a double with no cassette: every valid Event or InvokeAsync call gets the service's success
 * answer, a DryRun 204, a RequestResponse call what `respond`/`handlers` give the function; invalid
 * calls get the service's validation errors. For unit tests.
 *
 * @example
 * const lambda = await mockLambda({ functions: ['orders-fn'] });
 * await placeOrder();
 * lambda.expectInvoked('orders-fn', { id: 7 });
 * await lambda.close();
 */
export async function mockLambda(options: MockLambdaOptions = {}): Promise<LambdaDouble> {
  checkKnownOptions('mockLambda', options, MOCK_LAMBDA_OPTIONS);
  return openMockDouble(options, 'mockLambda');
}

/** @internal A mock double named `label` in messages; also what `openCassette` opens in `mock` mode. */
export async function openMockDouble(options: MockLambdaOptions, label: string): Promise<LambdaDouble> {
  const bind = claimCallerContext();
  const accountId = options.accountId ?? DEFAULTS.accountId;
  checkOnUnhandledRequest(options.onUnhandledRequest);
  return openDouble({
    mode: 'mock',
    responder: new MockResponder({ functions: options.functions, accountId, label }),
    settings: {
      region: options.region ?? DEFAULTS.region,
      accountId,
      endpoints: endpointList(options.endpoint),
      label,
      onUnhandledRequest: unhandledPolicy(options.onUnhandledRequest, false),
    },
    handlers: options.handlers,
    bind,
    dummyCredentials: true,
  });
}
