import { describe, expect, it } from 'vitest';
import { scanForSecrets } from '../../src/cli/secret-scan.js';

const KEY_ID = 'AKIAZ7Q2W5M3N8P4R6T1';
const SESSION_KEY_ID = 'ASIAQ4W8E2R6T0Y3U5I7';
const SECRET = 'x9Fq2L7mZ4vB1nK8cR5tW3yH6jD0gS2aP7eU4iO1';
const SIGNATURE = 'a3f5c8e1d2b4a6c8e0f1d3b5a7c9e1f2d4b6a8c0e2f4d6b8a0c2e4f6d8b0a2c4';
const TOKEN = `IQoJb3JpZ2luX2VjE${'A'.repeat(120)}==`;

const rules = (doc: unknown) => scanForSecrets(doc).map((f) => [f.jsonPath, f.rule]);

describe('scanForSecrets', () => {
  it('finds access key ids, signatures, session tokens and credential headers wherever they are', () => {
    const doc = {
      interactions: [
        {
          request: { payload: { json: { note: `key ${KEY_ID} leaked`, nested: [{ id: SESSION_KEY_ID }] } } },
          response: {
            headers: {
              authorization: `AWS4-HMAC-SHA256 Credential=X/20260101/us-east-1/lambda/aws4_request, Signature=${SIGNATURE}`,
              'x-amz-security-token': 'tok',
            },
            body: { text: `echo: Signature=${SIGNATURE} and ${TOKEN}` },
          },
        },
      ],
    };
    expect(rules(doc)).toEqual([
      ['/interactions/0/request/payload/json/note', 'aws-access-key-id'],
      ['/interactions/0/request/payload/json/nested/0/id', 'aws-access-key-id'],
      ['/interactions/0/response/headers/authorization', 'credential-header'],
      ['/interactions/0/response/headers/x-amz-security-token', 'credential-header'],
      ['/interactions/0/response/body/text', 'sigv4-signature'],
      ['/interactions/0/response/body/text', 'session-token'],
    ]);
  });

  it('finds a 40-character secret next to a key name, as a value or inside text', () => {
    expect(rules({ aws_secret_access_key: SECRET, SecretAccessKey: SECRET, other: SECRET })).toEqual([
      ['/aws_secret_access_key', 'secret-access-key'],
      ['/SecretAccessKey', 'secret-access-key'],
    ]);
    expect(rules({ text: `[default]\naws_secret_access_key = ${SECRET}\n` })).toEqual([['/text', 'secret-access-key']]);
    expect(rules({ text: `{"SecretAccessKey":"${SECRET}"}` })).toEqual([['/text', 'secret-access-key']]);
  });

  it('looks inside base64 bodies', () => {
    const doc = { body: { base64: Buffer.from(`\u0000\u00ff binary then ${KEY_ID}`, 'latin1').toString('base64') } };
    expect(scanForSecrets(doc)).toEqual([
      {
        jsonPath: '/body/base64',
        rule: 'aws-access-key-id',
        offset: 15,
        forms: [],
        message: 'AWS access key id at byte 15',
      },
    ]);
  });

  it('never repeats the secret in its message', () => {
    const messages = scanForSecrets({ a: KEY_ID, aws_secret_access_key: SECRET, t: TOKEN })
      .map((f) => f.message)
      .join('\n');
    expect(messages).not.toContain(KEY_ID);
    expect(messages).not.toContain(SECRET);
    expect(messages).not.toContain(TOKEN.slice(0, 30));
    // Not even the first characters: the place and the kind are all a reader needs.
    expect(messages).not.toMatch(/AKIA|IQoJ|x9Fq/);
    expect(messages).toContain('AWS access key id at character 0');
  });

  it('leaves alone what the recorder writes, AWS documentation examples, and look-alikes', () => {
    expect(
      rules({
        authorization: '[REDACTED]',
        'x-amz-security-token': '[REDACTED-CREDENTIAL]',
        key: 'AKIAIOSFODNN7EXAMPLE',
        aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        credential: 'AKIDEXAMPLE',
        longer: `X${KEY_ID}`,
        requestId: '5b0c0d3e-0000-4000-8000-000000000001',
        hash: SIGNATURE,
        secret: 'short',
      }),
    ).toEqual([]);
  });
});
