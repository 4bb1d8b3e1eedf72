/**
 * README snippets run as pasted, on a machine with no AWS configuration at all: no region and no
 * credentials in the environment or in config files. A snippet that only works where `AWS_REGION`
 * happens to be set fails a new user at the first line with the SDK's "Region is missing".
 */
import { afterEach, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import ts from 'typescript';
import { mockLambda } from '../../src/index.js';
import '../../src/vitest/index.js';

const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

/** The first `ts` block after a heading, as JavaScript, without its import lines (the test supplies those names). */
function snippet(heading: string): string {
  const section = readme.slice(readme.indexOf(heading));
  expect(section.length, `README has no heading ${heading}`).toBeLessThan(readme.length);
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const body = code
    .split('\n')
    .filter((line) => !line.startsWith('import '))
    .join('\n');
  return ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
}

afterEach(() => vi.unstubAllEnvs());

it('runs the synchronous Invoke quick start with no AWS region or credentials configured', async () => {
  for (const name of [
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
    'AWS_PROFILE',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
  ])
    vi.stubEnv(name, undefined);
  vi.stubEnv('AWS_CONFIG_FILE', join(import.meta.dirname, 'no-such-aws-config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(import.meta.dirname, 'no-such-aws-credentials'));
  const code = snippet('## Quick start: synchronous Invoke (RequestResponse)');
  expect(code).toContain('new LambdaClient(');
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<{ close(): Promise<void> }>;
  const run = new AsyncFunction('mockLambda', 'LambdaClient', 'InvokeCommand', 'expect', `${code}\nreturn lambda;`);
  const lambda = await run(mockLambda, LambdaClient, InvokeCommand, expect);
  await lambda.close();
});
