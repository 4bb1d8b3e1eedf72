/**
 * Replay scrubs every request's payload for the caller's credentials; a payload whose text shows it
 * cannot hold any skips the pipeline. The shortcut must give what the whole pipeline gives, for
 * payloads holding a credential in every supported form and for plain ones alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Body, JsonValue } from '../../src/cassette/index.js';
import { UnscrubbableSecretError } from '../../src/common/recording-errors.js';
import { withoutOwnCredentials } from '../../src/recording/own-credentials.js';
import {
  recorderPass,
  scrubBodySecretsAndText,
  secretsOf,
  traceOfSecret,
} from '../../src/recording/secret-scrubber.js';
import { SECRET_FORMS } from './secret-forms.js';

const KEY_ID = 'AKIAZZZZQQQQRRRR1234';
const SIGNATURE = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f';
const TOKEN = 'IQoJb3JpZ2luX2VjEPT//////////wEaCXVzLWVhc3QtMSJHMEUCIQD';
const SECRETS = [SIGNATURE, TOKEN, KEY_ID];
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
/** The headers of a request signed with SECRETS, as replay hands them over instead of the secrets. */
const HEADERS = {
  authorization: `AWS4-HMAC-SHA256 Credential=${KEY_ID}/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIGNATURE}`,
  'x-amz-security-token': TOKEN,
};

/** The pipeline alone, as withoutOwnCredentials ran before the shortcut. */
function pipeline(payload: Body, secrets: readonly string[]): Body {
  const { body, text } = scrubBodySecretsAndText(payload, recorderPass(secrets), 'the request payload');
  const trace = secrets.length > 0 ? traceOfSecret(text, secrets) : undefined;
  if (trace !== undefined) throw new UnscrubbableSecretError('the request payload', [trace]);
  return body;
}

const sameAsPipeline = (payload: Body) => {
  const got = withoutOwnCredentials(payload, SECRETS);
  expect(got).toEqual(pipeline(payload, SECRETS));
  // Given the signed request's headers instead, it reads the secrets out of them only when needed.
  const fromHeaders = withoutOwnCredentials(payload, HEADERS);
  expect(fromHeaders).toEqual(got);
  if (got === payload) expect(fromHeaders).toBe(payload);
  return got;
};

describe('withoutOwnCredentials shortcut', () => {
  it('is given headers that carry every secret', () => {
    expect([...secretsOf(HEADERS)].sort()).toEqual([...SECRETS].sort());
  });

  const textForms = SECRET_FORMS.filter((f) => f.text);
  it.each(textForms.map((f) => [f.name, f.text!] as const))(
    'still scrubs a credential %s in a JSON payload',
    (_name, form) => {
      for (const secret of SECRETS) {
        const payload = { json: { orderId: 7, note: `for ${form(secret)} only`, nested: [{ v: form(secret) }] } };
        expect(sameAsPipeline(payload)).not.toEqual(payload);
      }
    },
  );

  it.each(SECRET_FORMS.filter((f) => f.bytes).map((f) => [f.name, f.bytes!] as const))(
    'still scrubs a credential in %s, carried base64 in a JSON payload',
    (_name, bytes) => {
      const payload = { json: { blob: bytes(`key=${KEY_ID} token=${TOKEN}`).toString('base64') } };
      expect(sameAsPipeline(payload)).not.toEqual(payload);
    },
  );

  it('still scrubs bearer credentials, and a credential in another letter case, and only as the pipeline does', () => {
    for (const payload of <Body[]>[
      { json: { auth: `Bearer ${JWT}` } },
      { json: { jwt: JWT } },
      { json: { auth: 'BEARER abc.def.1234567890.xyz' } },
      { json: { key: KEY_ID.toLowerCase() } },
    ]) {
      expect(sameAsPipeline(payload)).not.toEqual(payload);
    }
  });

  it('gives back the same object for payloads that hold nothing, escapes and long runs included', () => {
    for (const payload of <Body[]>[
      { json: { orderId: 100001, customerId: 'c-1', items: [{ sku: 'sku-1', qty: 2 }], total: 13.5 } },
      { json: { url: 'https://example.com/a%20b?x=1&y=2', quote: 'say "hi"\n' } },
      { json: { id: '0123456789abcdef0123456789abcdef', name: 'ÀBC İX bearing' } },
      { json: null },
      { json: 'plain' },
    ]) {
      expect(sameAsPipeline(payload)).toBe(payload);
    }
  });

  it('reads the same from the text a payload was parsed from as from the value, whatever the text holds', () => {
    // Pieces that come near every rule: credentials and their cases, escapes, long runs, exponents,
    // numbers JSON.stringify rewrites, whitespace, JWT starts and `bearer`.
    const piece = fc.constantFrom(
      KEY_ID,
      KEY_ID.toLowerCase(),
      SIGNATURE.slice(0, 20),
      TOKEN,
      'eyJ',
      'Bearer x',
      'BEARER',
      '%41',
      '&amp;',
      '1.5e20',
      '2E-7',
      '0.0000001',
      '1.50',
      '-0',
      '123456789012',
      '12345678901',
      'abc',
      ' ',
      'é',
      'orders-fn-1',
    );
    const value = fc.letrec<{ node: JsonValue }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: piece, maxLength: 4 }),
        fc.constantFrom<JsonValue>(1.5e20, 2e-7, 1e-7, 1.5, -0, 123456789012, 12345, true, null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.string({ unit: piece, maxLength: 2 }), tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    // The text as a client may have written it: compact, indented, or with numbers in another form.
    const texts = (v: JsonValue) =>
      [JSON.stringify(v), JSON.stringify(v, null, 2), JSON.stringify(v).replace(/(\d)e\+?(\d)/g, '$1E$2')].filter(
        (t) => {
          try {
            return JSON.stringify(JSON.parse(t)) === JSON.stringify(v);
          } catch {
            return false;
          }
        },
      );
    fc.assert(
      fc.property(value, (v) => {
        for (const text of texts(v)) {
          const payload: Body = { json: JSON.parse(text) as JsonValue };
          let expected: Body | Error;
          try {
            expected = pipeline(payload, SECRETS);
          } catch (error) {
            expected = error as Error;
          }
          for (const given of [SECRETS, HEADERS]) {
            if (expected instanceof Error) expect(() => withoutOwnCredentials(payload, given, text)).toThrow(expected);
            else expect(withoutOwnCredentials(payload, given, text)).toEqual(expected);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('does not take the text for plain when JSON.stringify would write out digits it does not show', () => {
    const payload: Body = { json: { n: 1.5e20 } };
    // The text shows no run of 12; the value's own text does ("150000000000000000000").
    expect(withoutOwnCredentials(payload, SECRETS, '{"n":1.5e20}')).toEqual(pipeline(payload, SECRETS));
  });
});
