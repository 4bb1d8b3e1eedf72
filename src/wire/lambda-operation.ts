/**
 * Names the Lambda operation a request is, for messages about requests a double does not serve
 * ("GetFunction (GET https://...)" says more than a URL). Covers the common operations; any other
 * is named by its method and path.
 */
import { apiPath, INVOKE_ASYNC_FAMILY, INVOKE_PATH_FAMILY, LAMBDA_API_PATH } from './lambda-address.js';

const OPERATIONS: [method: string, path: RegExp, name: string][] = [
  ['POST', /^\/2014-11-13\//, 'InvokeAsync'],
  ['POST', /^\/20\d\d-\d\d-\d\d\/functions\/[^/]+\/invocations\/?$/, 'Invoke'],
  ['POST', /^\/20\d\d-\d\d-\d\d\/functions\/[^/]+\/response-streaming-invocations\/?$/, 'InvokeWithResponseStream'],
  ['GET', /^\/20\d\d-\d\d-\d\d\/functions\/?$/, 'ListFunctions'],
  ['POST', /^\/20\d\d-\d\d-\d\d\/functions\/?$/, 'CreateFunction'],
  ['GET', /^\/20\d\d-\d\d-\d\d\/functions\/[^/]+\/?$/, 'GetFunction'],
  ['DELETE', /^\/20\d\d-\d\d-\d\d\/functions\/[^/]+\/?$/, 'DeleteFunction'],
  ['GET', /^\/20\d\d-\d\d-\d\d\/functions\/[^/]+\/configuration\/?$/, 'GetFunctionConfiguration'],
  ['PUT', /^\/20\d\d-\d\d-\d\d\/functions\/[^/]+\/configuration\/?$/, 'UpdateFunctionConfiguration'],
  ['PUT', /^\/20\d\d-\d\d-\d\d\/functions\/[^/]+\/code\/?$/, 'UpdateFunctionCode'],
  ['POST', /^\/20\d\d-\d\d-\d\d\/functions\/[^/]+\/versions\/?$/, 'PublishVersion'],
  ['GET', /^\/20\d\d-\d\d-\d\d\/functions\/[^/]+\/aliases\/?$/, 'ListAliases'],
  ['GET', /^\/20\d\d-\d\d-\d\d\/event-source-mappings\/?$/, 'ListEventSourceMappings'],
  ['GET', /^\/20\d\d-\d\d-\d\d\/account-settings\/?$/, 'GetAccountSettings'],
];

/** The operation `method` + `url` calls, e.g. "Invoke (RequestResponse)"; "a Lambda request" when unknown. */
export function lambdaOperation(method: string, url: string, invocationType?: string): string {
  let pathname: string;
  try {
    pathname = apiPath(new URL(url).pathname);
  } catch {
    pathname = apiPath(url);
  }
  const upper = method.toUpperCase();
  const name = OPERATIONS.find(([m, path]) => m === upper && path.test(pathname))?.[2];
  if (name === 'Invoke') return `Invoke (${invocationType || 'RequestResponse'})`;
  return name ?? 'a Lambda request';
}

/**
 * "GetFunction (GET https://...)": how messages name a request. A streaming invoke says why it is not
 * served: a double answers Invoke and InvokeAsync only.
 */
export function describeLambdaRequest(method: string, url: string, invocationType?: string): string {
  const operation = lambdaOperation(method, url, invocationType);
  const why = operation === 'InvokeWithResponseStream' ? '; only Invoke and InvokeAsync are served' : '';
  return `${operation} (${method.toUpperCase()} ${url})${why}`;
}

/** The service a SigV4 `Authorization` header's credential scope names. */
const SCOPE_SERVICE = /Credential=[^/,\s]+\/\d{8}\/[a-z0-9-]+\/([a-z0-9-]+)\/aws4_request/;

/**
 * Whether a request to an emulator endpoint (which may serve every AWS service on one port) is for
 * Lambda. A signed request names its service in the credential scope, and that decides: Route 53,
 * CloudFront, EFS and others have REST paths that start with an API version too (`/2013-04-01/...`).
 * Unsigned, Lambda's REST paths are the ones that start with an API version (`/2015-03-31/...`).
 * Invoke and InvokeAsync paths are a double's whatever the scope (`isServedOperation`).
 */
export function isLambdaApiRequest(pathname: string, headers: Readonly<Record<string, string>>): boolean {
  const service = SCOPE_SERVICE.exec(headers['authorization'] ?? '')?.[1];
  return service !== undefined ? service === 'lambda' : LAMBDA_API_PATH.test(pathname);
}

/**
 * Whether a request is one a double serves on any host (InvokeAsync, or Invoke of any invocation
 * type), judged from method and path alone, as the doors must before the body is read. `headers` is
 * kept for callers that pass it: no header changes the verdict, so none can let a request through.
 */
export function isServedOperation(
  method: string,
  pathname: string,
  _headers?: Readonly<Record<string, string | undefined>>,
): boolean {
  if (method.toUpperCase() !== 'POST') return false;
  return INVOKE_ASYNC_FAMILY.test(pathname) || INVOKE_PATH_FAMILY.test(pathname);
}
