/**
 * Doubles that never reach the network (mock, replay) supply dummy credentials when the process has
 * none, so a zero-config client gets past the SDK's credential chain; modes that record never do,
 * and whatever the process had is left as it was. Real Jest CommonJS with no credentials at all runs
 * in test/package/runners.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaClient, InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { credentialsConfigured, DUMMY_CREDENTIALS, supplyDummyCredentials } from '../../src/api/dummy-credentials.js';
import { mockLambda, openCassette } from '../../src/index.js';

const CREDENTIAL_VARS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONFIG_FILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
];
let home: string;
let saved: Record<string, string | undefined>;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'lc-no-credentials-'));
  saved = Object.fromEntries(CREDENTIAL_VARS.map((name) => [name, process.env[name]]));
  for (const name of CREDENTIAL_VARS) delete process.env[name];
  // An empty home: no ~/.aws files either.
  process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(home, 'credentials');
  process.env['AWS_CONFIG_FILE'] = join(home, 'config');
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(home, { recursive: true, force: true });
});

describe('credentialsConfigured', () => {
  it('sees credentials in the environment, or in a shared credentials or config file that gives some', () => {
    expect(credentialsConfigured({}, home)).toBe(false);
    expect(credentialsConfigured({ AWS_PROFILE: 'dev' }, home)).toBe(true);
    expect(credentialsConfigured({ AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1/creds' }, home)).toBe(true);
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'config'), '[default]\nregion = eu-west-1\n');
    expect(credentialsConfigured({}, home)).toBe(false);
    writeFileSync(join(home, '.aws', 'config'), '[default]\nregion = eu-west-1\nsso_session = corp\n');
    expect(credentialsConfigured({}, home)).toBe(true);
    writeFileSync(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIAEXAMPLE\n');
    expect(credentialsConfigured({ AWS_CONFIG_FILE: join(home, 'nowhere') }, home)).toBe(true);
    // Pointed at an empty file (a common way to say "none"): none.
    expect(
      credentialsConfigured({ AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_CONFIG_FILE: '/dev/null' }, home),
    ).toBe(false);
  });
});

describe('supplyDummyCredentials', () => {
  it('sets them once for overlapping doubles and removes them when the last one lets go', () => {
    const env: NodeJS.ProcessEnv = {
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
      AWS_CONFIG_FILE: join(home, 'none'),
    };
    const first = supplyDummyCredentials(env);
    const second = supplyDummyCredentials(env);
    expect(env).toMatchObject(DUMMY_CREDENTIALS);
    void first!.detach();
    expect(env).toMatchObject(DUMMY_CREDENTIALS);
    void second!.detach();
    expect(env['AWS_ACCESS_KEY_ID']).toBeUndefined();
    expect(env['AWS_SECRET_ACCESS_KEY']).toBeUndefined();
  });

  it('leaves credentials the process has alone', () => {
    const env: NodeJS.ProcessEnv = { AWS_ACCESS_KEY_ID: 'AKIAREAL', AWS_SECRET_ACCESS_KEY: 'real' };
    expect(supplyDummyCredentials(env)).toBeUndefined();
    expect(env).toEqual({ AWS_ACCESS_KEY_ID: 'AKIAREAL', AWS_SECRET_ACCESS_KEY: 'real' });
  });
});

describe('doubles', () => {
  it('a mock double lets a client with no credentials at all reach it, and takes the dummies back at close', async () => {
    const lambda = await mockLambda({ functions: ['orders-fn'] });
    try {
      const client = new LambdaClient({ region: 'us-east-1', maxAttempts: 1 });
      expect(
        (await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7}' }))).Status,
      ).toBe(202);
      lambda.expectInvoked('orders-fn', { id: 7 });
    } finally {
      await lambda.close();
    }
    expect(process.env['AWS_ACCESS_KEY_ID']).toBeUndefined();
    expect(process.env['AWS_SECRET_ACCESS_KEY']).toBeUndefined();
  });

  it('a double that may record supplies none: a dummy key would sign the real request', async () => {
    const dir = mkdtempSync(join(home, 'cassettes-'));
    const lambda = await openCassette('recording', { mode: 'record', dir, allowRecordingInCI: true });
    try {
      expect(process.env['AWS_ACCESS_KEY_ID']).toBeUndefined();
    } finally {
      await lambda.close();
    }
    const mocked = await openCassette('mocked', { mode: 'mock', dir });
    expect(process.env['AWS_ACCESS_KEY_ID']).toBe(DUMMY_CREDENTIALS.AWS_ACCESS_KEY_ID);
    await mocked.close();
    expect(process.env['AWS_ACCESS_KEY_ID']).toBeUndefined();
  });
});
