/**
 * Dummy AWS credentials for doubles that never reach the network (mock, and replay of an existing
 * cassette), the way moto's `mock_aws` supplies them: a zero-config `LambdaClient` otherwise walks the
 * SDK's credential chain before its request reaches the double, and fails there (under Jest's
 * CommonJS mode, and on any machine without credentials) or asks the instance metadata service.
 * Set only when the process has no credentials of its own, removed when the last such double closes;
 * never in a mode that records, where a dummy key would sign the real request.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { DoorAttachment } from '../engine/door-port.js';

/** What the SDK's credential chain would find in the environment. */
const CREDENTIAL_ENV = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
] as const;

/** The values supplied; recognisable in a call log or a signature. */
export const DUMMY_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'LAMBDACASSETTEDUMMY',
  AWS_SECRET_ACCESS_KEY: 'lambda-cassette-dummy-secret',
} as const;

/** Settings in a shared credentials or config file that give credentials (one with only `region` gives none). */
const CREDENTIAL_SETTINGS =
  /^\s*(aws_access_key_id|credential_process|role_arn|sso_session|sso_start_url|web_identity_token_file)\s*=/m;

/** Whether the process has credentials the SDK's chain would find without the network. */
export function credentialsConfigured(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): boolean {
  if (CREDENTIAL_ENV.some((name) => env[name])) return true;
  const files = [
    env['AWS_SHARED_CREDENTIALS_FILE'] ?? path.join(home, '.aws', 'credentials'),
    env['AWS_CONFIG_FILE'] ?? path.join(home, '.aws', 'config'),
  ];
  return files.some((file) => {
    try {
      return CREDENTIAL_SETTINGS.test(readFileSync(file, 'utf8'));
    } catch {
      // Missing or unreadable: the SDK finds nothing there either.
      return false;
    }
  });
}

/** Doubles currently relying on the dummy credentials. */
let holders = 0;

/**
 * Supplies the dummy credentials for one double when the process has none; the returned
 * attachment takes them back when the last double relying on them closes. `undefined` when
 * nothing was supplied.
 */
export function supplyDummyCredentials(env: NodeJS.ProcessEnv = process.env): DoorAttachment | undefined {
  if (holders === 0 && credentialsConfigured(env)) return undefined;
  if (holders === 0) Object.assign(env, DUMMY_CREDENTIALS);
  holders += 1;
  let released = false;
  return {
    detach() {
      if (released) return;
      released = true;
      holders -= 1;
      if (holders > 0) return;
      // Only what is still ours: a test that set its own credentials meanwhile keeps them.
      for (const [name, value] of Object.entries(DUMMY_CREDENTIALS)) if (env[name] === value) delete env[name];
    },
  };
}
