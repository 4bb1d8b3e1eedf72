import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  bodyBytes,
  bodyLength,
  bodyOver,
  bodyText,
  parseInvocation,
  parseJsonBody,
} from '../../src/wire/parse-request.js';

const body = Buffer.from('{"id":1}');
const parse = (url: string) => parseInvocation({ method: 'POST', url, headers: {}, body }, 'eu-west-1');

/** What the parse must find, read the slow and sure way: WHATWG URL parsing. */
function expected(url: string) {
  const { hostname, pathname } = new URL(url);
  // Every invocation type is parsed: an Invoke without the header is a RequestResponse.
  const encoded =
    /^\/2014-11-13\/functions\/([^/]+)\/invoke-async\/?$/.exec(pathname)?.[1] ??
    /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/.exec(pathname)?.[1];
  if (encoded === undefined) return undefined;
  let functionName = encoded;
  try {
    functionName = decodeURIComponent(encoded);
  } catch {
    // kept as sent
  }
  return { functionName, region: /^lambda\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(hostname)?.[1] ?? 'eu-west-1' };
}

describe('parseInvocation reads host and path as URL parsing would', () => {
  it.each([
    'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/orders-fn/invoke-async',
    'https://lambda.us-east-1.amazonaws.com:443/2014-11-13/functions/orders-fn/invoke-async/',
    'https://lambda.cn-north-1.amazonaws.com.cn/2014-11-13/functions/arn%3Aaws-cn%3Alambda%3Acn-north-1%3A123456789012%3Afunction%3Af%3Aprod/invoke-async',
    'https://LAMBDA.US-WEST-2.AMAZONAWS.COM/2014-11-13/functions/f/invoke-async',
    'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/f/invoke-async?x=1#frag',
    'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/x/../f/invoke-async',
    'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/x/%2E%2e/f/invoke-async',
    'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/./f/invoke-async',
    'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/a b/invoke-async',
    'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/bad%zzname/invoke-async',
    'http://127.0.0.1:4599/2014-11-13/functions/f%24LATEST/invoke-async',
    'http://[::1]:4599/2014-11-13/functions/f/invoke-async',
    'https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/f/invocations',
  ])('%s', (url) => {
    const got = parse(url);
    const want = expected(url);
    expect(got === undefined ? undefined : { functionName: got.functionName, region: got.region }).toEqual(want);
  });
});

describe('parseInvocation reads a body given with its text as it reads the bytes alone', () => {
  const url = 'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/f/invoke-async';
  it.each(['{"id":1}', '{"s":"é✓😀"}', '{"lone":"\uD800"}', 'not json', ''])('%j', (text) => {
    const bytes = Buffer.from(text, 'utf8');
    const withText = parseInvocation({ method: 'POST', url, headers: {}, body: bytes, text }, 'eu-west-1');
    const bytesOnly = parseInvocation({ method: 'POST', url, headers: {}, body: bytes }, 'eu-west-1');
    expect(withText?.json).toEqual(bytesOnly?.json);
  });
});

describe('a request body kept as the string it encodes', () => {
  it('measures, encodes and decodes as its UTF-8 bytes would', () => {
    for (const text of ['', '{}', 'é', '€'.repeat(5), '😀x', '{"a":"ü"}']) {
      const bytes = Buffer.from(text, 'utf8');
      expect(bodyLength(text)).toBe(bytes.byteLength);
      expect([...bodyBytes(text)]).toEqual([...bytes]);
      expect(bodyText(text)).toBe(bytes.toString('utf8'));
      expect(bodyText(bytes)).toBe(text);
      expect(parseJsonBody(text)).toEqual(parseJsonBody(bytes));
    }
  });

  it('is over a limit exactly when its bytes are: the 3-bytes-a-unit shortcut never decides wrongly', () => {
    // 5 units of '€' are 15 bytes: neither the shortcut (15 <= limit) nor the count may let it through at 14.
    const euros = '€'.repeat(5);
    expect(bodyOver(euros, 15)).toBe(false);
    expect(bodyOver(euros, 14)).toBe(true);
    // 10 ASCII units are 10 bytes, though 3 x 10 is over the limit: the count decides.
    expect(bodyOver('a'.repeat(10), 10)).toBe(false);
    expect(bodyOver('a'.repeat(11), 10)).toBe(true);
    for (const [text, limit] of [
      ['😀', 3],
      ['😀', 4],
      ['é'.repeat(7), 13],
      ['é'.repeat(7), 14],
    ] as const)
      expect(bodyOver(text, limit)).toBe(Buffer.byteLength(text) > limit);
    expect(bodyOver(new Uint8Array(11), 10)).toBe(true);
    expect(bodyOver(new Uint8Array(10), 10)).toBe(false);
  });
});

describe('parseInvocation, which keeps the parse of each URL it has seen', () => {
  const urls = [
    'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/orders/invoke-async',
    'https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/orders/invocations',
    'https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/orders/invocations?Qualifier=prod',
    'https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/orders%3Alive/invocations?Qualifier=prod',
    'https://lambda-fips.us-gov-west-1.amazonaws.com/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-2%3A123456789012%3Afunction%3Afn/invocations',
    'https://lambda.cn-north-1.amazonaws.com.cn/2014-11-13/functions/fn/invoke-async',
    'http://localhost:4566/2015-03-31/functions/fn/invocations',
    'http://127.0.0.1:9001/2014-11-13/functions/arn%3Aaws%3Alambda%3Aap-south-1%3A123456789012%3Afunction%3Afn/invoke-async',
    'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions//invoke-async',
    'https://lambda.us-east-1.amazonaws.com/2014-11-13/functions/%zz/invoke-async',
    'https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/fn/configuration',
  ];
  const requests = fc.record({
    url: fc.constantFrom(...urls),
    method: fc.constantFrom('POST', 'post', 'GET'),
    typeName: fc.constantFrom('x-amz-invocation-type', 'X-Amz-Invocation-Type'),
    type: fc.option(fc.constantFrom('Event', 'RequestResponse', 'DryRun', '', 'Sometimes'), { nil: undefined }),
    scope: fc.option(fc.constantFrom('eu-west-2', 'us-gov-east-1'), { nil: undefined }),
    attempt: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    defaultRegion: fc.constantFrom('us-east-1', 'sa-east-1'),
  });
  type Case = typeof requests extends fc.Arbitrary<infer T> ? T : never;
  const first: Case = {
    url: urls[0]!,
    method: 'POST',
    typeName: 'x-amz-invocation-type',
    type: undefined,
    scope: undefined,
    attempt: undefined,
    defaultRegion: 'us-east-1',
  };
  const wire = (c: Case) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (c.type !== undefined) headers[c.typeName] = c.type;
    if (c.scope !== undefined)
      headers['Authorization'] =
        `AWS4-HMAC-SHA256 Credential=AKID/20260101/${c.scope}/lambda/aws4_request, Signature=x`;
    if (c.attempt !== undefined) headers['amz-sdk-request'] = `attempt=${c.attempt}; max=3`;
    return { method: c.method, url: c.url, headers, body: Buffer.from('{"n":1}') };
  };

  it('gives for every request what a process that never saw its URL gives, in any order of requests', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(requests, { minLength: 1, maxLength: 8 }), async (sequence) => {
        for (const c of sequence) {
          const warm = parseInvocation(wire(c), c.defaultRegion);
          vi.resetModules();
          const fresh = (await import('../../src/wire/parse-request.js')).parseInvocation(wire(c), c.defaultRegion);
          expect(warm).toEqual(fresh);
        }
      }),
      {
        numRuns: 100,
        // The same URL again with another default region, signature scope or invocation type.
        examples: [
          [
            [
              { ...first, url: urls[6]!, defaultRegion: 'us-east-1' },
              { ...first, url: urls[6]!, defaultRegion: 'sa-east-1' },
              { ...first, url: urls[6]!, defaultRegion: 'sa-east-1', scope: 'eu-west-2' },
              { ...first, url: urls[1]!, type: 'Event' },
              { ...first, url: urls[1]!, type: 'DryRun' },
              { ...first, url: urls[1]!, type: 'Sometimes' },
            ],
          ],
        ],
      },
    );
  }, 60_000);
});
