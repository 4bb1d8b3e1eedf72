/**
 * Signs a request for a real AWS endpoint with SigV4 (@smithy/signature-v4, the SDK's own signer) and
 * the default AWS credential chain (@aws-sdk/credential-provider-node: env, SSO, shared files,
 * container and instance roles). Used by `lambda-cassette verify --sign`, and by anything that sends a
 * request somewhere other than where it was signed for (the loopback server's `sign: true`).
 *
 * Both packages are optional peers, loaded on first use only: replaying and mocking never need them,
 * and whoever has @aws-sdk/client-lambda installed has them already.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { normalizeHeaders, type WireRequest } from '../wire/wire-types.js';
import { SigningUnavailableError } from '../common/peer-dependency-errors.js';
import { isMissingPackage } from '../common/optional-peer.js';

/** AWS credentials, as the SDK's providers return them. */
export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

interface SignRequestOptions {
  /** Region of the credential scope, e.g. `us-east-1`. */
  region: string;
  /** Signing name of the service (default `lambda`). */
  service?: string;
  /** Credentials, or a provider of them; default: the SDK's default credential chain. */
  credentials?: SigningCredentials | (() => Promise<SigningCredentials>);
}

/** What the signer hands a hash: a string, an ArrayBuffer or a view of one. */
type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

/** SHA-256 and HMAC-SHA-256 from node:crypto, in the shape the signer asks for (what the SDK passes on Node). */
class NodeSha256 {
  #hash: Hash | Hmac;
  private readonly secret: string | Uint8Array | undefined;
  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : bytes(secret);
    this.#hash = this.#fresh();
  }
  #fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }
  update(data: SourceData): void {
    this.#hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#hash.digest()));
  }
  reset(): void {
    this.#hash = this.#fresh();
  }
}

async function load<T>(pkg: string, importer: () => Promise<T>): Promise<T> {
  try {
    return await importer();
  } catch (e) {
    // Only the package itself missing (optional-peer.ts): a broken install says what it says.
    if (isMissingPackage(e, pkg)) throw new SigningUnavailableError(pkg, e);
    throw e;
  }
}

let defaultCredentials: (() => Promise<SigningCredentials>) | undefined;

/** The SDK's default credential chain, resolved once per process (it caches and refreshes itself). */
async function defaultChain(): Promise<() => Promise<SigningCredentials>> {
  if (defaultCredentials) return defaultCredentials;
  const { defaultProvider } = await load(
    '@aws-sdk/credential-provider-node',
    () => import('@aws-sdk/credential-provider-node'),
  );
  defaultCredentials = defaultProvider();
  return defaultCredentials;
}

/**
 * Loads the signer and the credential chain's module (no credentials are resolved), so a feature
 * that will sign can say at start-up that a peer is missing instead of failing its first request.
 * @throws {SigningUnavailableError} naming the install command.
 */
export async function assertSigningAvailable(): Promise<void> {
  await load('@smithy/signature-v4', () => import('@smithy/signature-v4'));
  await load('@aws-sdk/credential-provider-node', () => import('@aws-sdk/credential-provider-node'));
}

/**
 * `request` signed for the host its URL names: old signature headers dropped, then `authorization`,
 * `x-amz-date`, `x-amz-content-sha256` (and `x-amz-security-token` for session credentials) set.
 */
export async function signRequest(request: WireRequest, options: SignRequestOptions): Promise<WireRequest> {
  const { SignatureV4 } = await load('@smithy/signature-v4', () => import('@smithy/signature-v4'));
  const credentials = options.credentials ?? (await defaultChain());
  const signer = new SignatureV4({
    service: options.service ?? 'lambda',
    region: options.region,
    credentials,
    sha256: NodeSha256,
  });
  const url = new URL(request.url);
  const headers = normalizeHeaders(request.headers);
  delete headers['host'];
  headers['host'] = url.host;
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const signed = await signer.sign({
    method: request.method.toUpperCase(),
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query,
    headers,
    body: request.body,
  });
  return { ...request, headers: signed.headers };
}
