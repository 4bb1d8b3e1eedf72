import { describe, expect, it } from 'vitest';
import { asciiLower } from '../../src/recording/secret-leaves.js';
import { traceOfSecret } from '../../src/recording/secret-scrubber.js';
import { withoutOwnCredentials } from '../../src/recording/own-credentials.js';

const KEY_ID = 'AKIAZZZZQQQQRRRR1234';

describe('asciiLower', () => {
  it('lowers ASCII letters only, keeping the length, with or without other characters', () => {
    expect(asciiLower('{"customerId":"C-1"}')).toBe('{"customerid":"c-1"}');
    expect(asciiLower('ÀBC İX')).toBe('Àbc İx');
    expect(asciiLower('ÀBC İX')).toHaveLength('ÀBC İX'.length);
  });
});

describe('traceOfSecret', () => {
  it('finds a secret base64-encoded inside a long run, and nothing in text without one', () => {
    const encoded = Buffer.from(`x${KEY_ID}y`).toString('base64');
    expect(traceOfSecret(`{"blob":"${encoded}"}`, [KEY_ID])).toBe('the credential base64-encoded');
    expect(traceOfSecret(`{"blob":"${encoded.replace(/\+/g, '-').replace(/\//g, '_')}"}`, [KEY_ID])).toBe(
      'the credential base64-encoded',
    );
    expect(traceOfSecret('{"customerId":"c-1","orderId":100001}', [KEY_ID])).toBeUndefined();
  });

  it('finds a secret as it is, in any letter case', () => {
    expect(traceOfSecret(`{"k":"${KEY_ID.toLowerCase()}"}`, [KEY_ID])).toBe('the credential as it is');
  });
});

describe('withoutOwnCredentials', () => {
  it('gives back the same payload when it holds no credential, and scrubs one that does', () => {
    const clean = { json: { orderId: 1 } };
    expect(withoutOwnCredentials(clean, [KEY_ID])).toBe(clean);
    expect(withoutOwnCredentials({ json: { key: KEY_ID } }, [KEY_ID])).toEqual({
      json: { key: '[REDACTED-CREDENTIAL]' },
    });
    expect(withoutOwnCredentials({ text: `key ${KEY_ID}` }, [KEY_ID])).toEqual({ text: 'key [REDACTED-CREDENTIAL]' });
  });
});
