/**
 * The client-mock door parses a stubbed command's request without building it (`invocationOf`,
 * which keeps what an address parses to, and leaves a string payload unencoded). Whatever the input,
 * and in whatever order inputs come (the kept parse is per address, for the last header values and
 * default region), it must give exactly what the engine's own parse of the built request gives.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { invocationOf, wireOf, type InvokeInput } from '../../../src/doors/client-mock/invoke-wire.js';
import {
  bodyBytes,
  bodyLength,
  bodyText,
  parseInvocation,
  type InvocationRequest,
} from '../../../src/wire/parse-request.js';
import type { ServedOperation } from '../../../src/wire/invoke-event.js';

interface Case {
  operation: ServedOperation;
  region: string;
  defaultRegion: string;
  name: string;
  input: InvokeInput;
  payload: string | Uint8Array;
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const names = fc.oneof(
  fc.constantFrom('fn-1', 'fn-2', 'my_function', 'fn:prod', 'fn:$LATEST', '.', '..', '', 'a/b', 'a%20b', '%zz'),
  fc.constantFrom(
    'arn:aws:lambda:us-east-1:123456789012:function:fn-1',
    'arn:aws:lambda:eu-west-1:123456789012:function:fn-1:v2',
    '123456789012:function:fn-2',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const payloads = fc.oneof(
  fc.json().map((j) => j as string | Uint8Array),
  fc.string({ maxLength: 40 }),
  // Lone surrogates: the door encodes such a string, as the SDK would.
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.uint8Array({ maxLength: 40 }),
  fc.json().map((j) => new Uint8Array(Buffer.from(j, 'utf8'))),
);
const cases: fc.Arbitrary<Case> = fc.record({
  operation: fc.constantFrom<ServedOperation>('InvokeAsync', 'Invoke'),
  region: fc.constantFrom(
    'us-east-1',
    'eu-west-1',
    'cn-north-1',
    'us-gov-west-1',
    'us-iso-east-1',
    'Weird Region',
    'US-EAST-1',
    'us-east-1.amazonaws.com',
    '',
  ),
  defaultRegion: fc.constantFrom('us-east-1', 'eu-west-1'),
  name: names,
  input: fc.record(
    {
      Qualifier: maybe(fc.oneof(fc.constantFrom('prod', '$LATEST', '1', 'a b'), fc.string({ maxLength: 6 }))),
      InvocationType: maybe(
        fc.oneof(fc.constantFrom('Event', 'RequestResponse', 'DryRun', ''), fc.string({ maxLength: 6 })),
      ),
      LogType: maybe(fc.oneof(fc.constantFrom('None', 'Tail'), fc.string({ maxLength: 6 }))),
    },
    { requiredKeys: [] },
  ),
  payload: payloads,
});

/** What the door passes for a payload: a string only when encoding it gives back the same text. */
function doorPayload(payload: string | Uint8Array): string | Uint8Array {
  return typeof payload === 'string' && !(payload as string & { isWellFormed(): boolean }).isWellFormed()
    ? Buffer.from(payload, 'utf8')
    : payload;
}

/** The request as the engine parses it once built, or the error building it throws. */
function outcome(run: () => InvocationRequest | undefined): unknown {
  let request: InvocationRequest | undefined;
  try {
    request = run();
  } catch (error) {
    return { threw: String(error) };
  }
  return request && { ...request, body: [...bodyBytes(request.body)] };
}

describe('invocationOf', () => {
  it('gives what parseInvocation gives for the request wireOf builds, in any order of inputs', () => {
    fc.assert(
      fc.property(fc.array(cases, { minLength: 1, maxLength: 12 }), (sequence) => {
        for (const c of sequence) {
          const input = { ...c.input, FunctionName: c.name };
          const text = typeof c.payload === 'string' ? c.payload : undefined;
          const bytes = typeof c.payload === 'string' ? Buffer.from(c.payload, 'utf8') : c.payload;
          const expected = outcome(() =>
            parseInvocation(wireOf(c.operation, c.region, c.name, input, bytes, text), c.defaultRegion),
          );
          const actual = outcome(() =>
            invocationOf(c.operation, c.region, c.name, input, doorPayload(c.payload), c.defaultRegion),
          );
          expect(actual).toEqual(expected);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a string payload unencoded, and reads it as its bytes would be read', () => {
    const request = invocationOf('InvokeAsync', 'us-east-1', 'fn-1', {}, 'not json: é', 'us-east-1')!;
    expect(request.body).toBe('not json: é');
    expect(request.json.ok).toBe(false);
    expect(bodyLength(request.body)).toBe(Buffer.byteLength('not json: é'));
    expect(bodyText(request.body)).toBe('not json: é');
    expect(Buffer.from(bodyBytes(request.body)).toString('utf8')).toBe('not json: é');
  });

  it('does not let one call change the headers the next call of the same address is parsed with', () => {
    const first = invocationOf('Invoke', 'us-east-1', 'fn-1', { InvocationType: 'Event' }, '{}', 'us-east-1')!;
    expect(() => {
      (first.headers as Record<string, string>)['x-amz-invocation-type'] = 'DryRun';
    }).toThrow(TypeError);
    const second = invocationOf('Invoke', 'us-east-1', 'fn-1', { InvocationType: 'Event' }, '{}', 'us-east-1')!;
    expect(second.invocationType).toBe('Event');
    expect(second.headers['x-amz-invocation-type']).toBe('Event');
  });
});
