import { LambdaDouble } from './lambda-double.js';
import { MockResponder } from '../engine/mock-responder.js';
import { DEFAULTS } from '../engine/defaults.js';
import { attachNockDoor } from '../doors/nock/nock-door.js';
import { attachSdkHandlerDoor } from '../doors/sdk-handler/sdk-handler-door.js';
import { attachInProcessDoors } from '../doors/in-process/attach-in-process.js';
import { claimCallerContext } from '../doors/shared/route-by-context.js';
import { checkKnownOptions } from '../engine/option-check.js';
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
}

/** The options {@link mockLambda} knows, for the unknown-option check. */
export const MOCK_LAMBDA_OPTIONS: readonly (keyof MockLambdaOptions)[] = ['functions', 'region', 'accountId', 'endpoint', 'onUnhandledRequest'];

/** @internal Normalizes the `endpoint` option. */
export function endpointList(endpoint: string | readonly string[] | undefined): string[] {
  if (endpoint === undefined) return [];
  return typeof endpoint === 'string' ? [endpoint] : [...endpoint];
}

/**
 * Opens a double with no cassette: every valid InvokeAsync call gets the service's success answer,
 * invalid ones the service's validation errors. For unit tests.
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
  const double = new LambdaDouble('mock', new MockResponder({ functions: options.functions, accountId }), {
    region: options.region ?? DEFAULTS.region,
    accountId,
    endpoints: endpointList(options.endpoint),
    label,
    onUnhandledRequest: unhandledPolicy(options.onUnhandledRequest, false),
  });
  bind(double);
  await attachNockDoor(double);
  // Ahead of nock for the SDK's own handler: LambdaClients reach the double in-process.
  attachSdkHandlerDoor(double);
  // After nock: the fetch wrapper sits above nock's, and undici, http2 and workers are covered.
  attachInProcessDoors(double);
  return double;
}
