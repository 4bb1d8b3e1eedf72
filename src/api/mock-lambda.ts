import type { LambdaDouble } from './lambda-double.js';
import { openDouble } from './open-double.js';
import { MockResponder } from '../engine/mock-responder.js';
import { claimCallerContext } from '../doors/shared/route-by-context.js';
import { unhandledPolicy, type OnUnhandledRequest } from '../engine/unhandled-policy.js';
import { checkMockOptionNames, settleMockOptions } from './double-options.js';

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
  checkMockOptionNames('mockLambda', options);
  return openMockDouble(options, 'mockLambda');
}

/** @internal A mock double named `label` in messages; also what `openCassette` opens in `mock` mode. */
export async function openMockDouble(options: MockLambdaOptions, label: string): Promise<LambdaDouble> {
  const { region, accountId, endpoints, functions } = settleMockOptions(options);
  const claim = claimCallerContext();
  return openDouble({
    mode: 'mock',
    responder: new MockResponder({ functions, accountId, label }),
    settings: {
      region,
      accountId,
      endpoints,
      label,
      onUnhandledRequest: unhandledPolicy(options.onUnhandledRequest, false),
    },
    handlers: options.handlers,
    claim,
    dummyCredentials: true,
  });
}
