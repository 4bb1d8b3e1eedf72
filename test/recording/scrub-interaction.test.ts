import { describe, expect, it } from 'vitest';
import { scrubInteraction } from '../../src/recording/scrub-interaction.js';
import { secretsOf } from '../../src/recording/secret-scrubber.js';
import { decodeBody, encodeBody, type Interaction } from '../../src/cassette/index.js';

const KEY = 'ASIAZZZZZZZZZZZZZZZZ';
const SIGNATURE = 'a'.repeat(64);
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKENVALUE0123456789';

function interaction(body: string): Interaction {
  return {
    request: {
      functionName: 'orders-fn',
      functionRef: 'arn:aws:lambda:us-east-1:210987654321:function:orders-fn',
      region: 'us-east-1',
      payload: { json: { card: { number: '4111' }, account: '210987654321' } },
    },
    response: {
      status: 404,
      headers: { 'x-amzn-errortype': 'ResourceNotFoundException', 'x-echo': `${KEY} 210987654321` },
      body: encodeBody(Buffer.from(body), false),
    },
    recordedAt: '2026-12-02T00:00:00.000Z',
  };
}

describe('scrubInteraction (the recorder and `redact` share it)', () => {
  it('redacts payload paths, masks account ids outside the payload and counts both', () => {
    const {
      interaction: out,
      redacted,
      masked,
    } = scrubInteraction(interaction('Function not found: arn:aws:lambda:us-east-1:210987654321:function:orders-fn'), {
      redact: ['$.card.number'],
      maskAccountIds: true,
    });
    expect(out.request.payload).toEqual({ json: { card: { number: '[REDACTED]' }, account: '210987654321' } });
    expect(out.request.functionRef).toBe('arn:aws:lambda:us-east-1:000000000000:function:orders-fn');
    expect(out.response.headers['x-echo']).toBe(`${KEY} 000000000000`);
    expect(Buffer.from(decodeBody(out.response.body)).toString()).toContain(':000000000000:function');
    expect(redacted).toBe(1);
    expect(masked).toBe(3);
  });

  it('removes the credentials the request carried from every string, headers and body included', () => {
    const secrets = secretsOf({
      authorization: `AWS4-HMAC-SHA256 Credential=${KEY}/20261202/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=${SIGNATURE}`,
      'x-amz-security-token': TOKEN,
    });
    const { interaction: out } = scrubInteraction(interaction(`echo ${TOKEN} ${SIGNATURE}`), {
      redact: [],
      maskAccountIds: false,
      secrets,
    });
    const text = JSON.stringify(out) + Buffer.from(decodeBody(out.response.body)).toString();
    for (const secret of [KEY, SIGNATURE, TOKEN]) expect(text).not.toContain(secret);
    expect(out.response.headers['x-echo']).toBe('[REDACTED-CREDENTIAL] 210987654321');
  });

  it('leaves the input untouched and binary bodies as they are', () => {
    const input = interaction('x');
    input.response.body = { base64: Buffer.from([0xff, 0xfe, 0x21, 0x0a]).toString('base64') };
    const before = JSON.stringify(input);
    const { interaction: out } = scrubInteraction(input, { redact: ['$.card'], maskAccountIds: true });
    expect(JSON.stringify(input)).toBe(before);
    expect(out.response.body).toEqual(input.response.body);
  });
});
