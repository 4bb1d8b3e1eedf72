/**
 * The region a stubbed client sends to, as the SDK would put it in the host. A client's region does
 * not change: the SDK's region provider is asked once per client, and later calls read the answer
 * without waiting.
 */

/** The parts of a `LambdaClient` the client-mock door reads. */
export interface StubbedClient {
  config?: Record<string, unknown> & { region?: unknown };
  middlewareStack?: unknown;
}

const regions = new WeakMap<object, string>();

/** The region already read for `client`, without waiting; `undefined` until {@link resolveRegion} has read it. */
export function knownRegion(client: StubbedClient | undefined): string | undefined {
  return client ? regions.get(client) : undefined;
}

/** The client's region, asked of its region provider once; `fallback` when it has none. */
export async function resolveRegion(client: StubbedClient | undefined, fallback: string): Promise<string> {
  if (!client) return fallback;
  const known = regions.get(client);
  if (known !== undefined) return known;
  const region = client.config?.region;
  try {
    const value: unknown = typeof region === 'function' ? await (region as () => Promise<unknown>)() : region;
    if (typeof value === 'string' && value !== '') {
      regions.set(client, value);
      return value;
    }
  } catch {
    // A client without a region still works with a stub; the double's default region stands in.
  }
  return fallback;
}
