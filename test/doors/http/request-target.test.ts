import { describe, expect, it } from 'vitest';
import { splitArgs, targetOf } from '../../../src/doors/http/request-target.js';
import { claimHttpRequest } from '../../../src/doors/http/claim.js';
import type { DoorPort } from '../../../src/engine/door-port.js';

const INVOKE_ASYNC = '/2014-11-13/functions/orders-fn/invoke-async';

describe('targetOf', () => {
  it('reads a URL and options as Node does, options winning, the origin without a default port', () => {
    const target = targetOf(
      'http:',
      splitArgs([
        `https://LAMBDA.us-east-1.amazonaws.com:443${INVOKE_ASYNC}?x=1`,
        { method: 'post', headers: { 'X-Amz-Invocation-Type': 'Event' } },
      ]),
    )!;
    expect(target).toMatchObject({
      protocol: 'https:',
      hostname: 'lambda.us-east-1.amazonaws.com',
      origin: 'https://lambda.us-east-1.amazonaws.com',
      where: { hostname: 'lambda.us-east-1.amazonaws.com', origin: 'https://lambda.us-east-1.amazonaws.com' },
      method: 'POST',
      path: `${INVOKE_ASYNC}?x=1`,
      pathname: INVOKE_ASYNC,
      served: true,
    });
    expect(target.headers).toEqual({ 'x-amz-invocation-type': 'Event' });
    const fromOptions = targetOf('https:', splitArgs([{ host: '::1', port: 8080, path: '/a?b', method: 'GET' }]))!;
    expect(fromOptions).toMatchObject({
      hostname: '[::1]',
      origin: 'https://[::1]:8080',
      pathname: '/a',
      served: false,
    });
    expect(targetOf('http:', splitArgs([{ socketPath: '/tmp/s' }]))).toBeUndefined();
  });

  it('reads the headers only when asked for, once, and the claim of a served call does not ask', () => {
    let reads = 0;
    const options = {
      host: 'lambda.eu-west-1.amazonaws.com',
      path: INVOKE_ASYNC,
      method: 'POST',
      get headers() {
        reads += 1;
        return [['Content-Type', 'application/json']].flat();
      },
    };
    const target = targetOf('https:', splitArgs([options]))!;
    // An open double as the claim reads one: its endpoints (none), and whether it is closed.
    const double = { settings: { endpoints: [] }, closed: false } as unknown as DoorPort;
    expect(claimHttpRequest([double], target)).toBe(double);
    expect(reads).toBe(0);
    expect(target.headers).toEqual({ 'content-type': 'application/json' });
    expect(target.headers).toBe(target.headers);
    expect(reads).toBe(1);
  });
});
