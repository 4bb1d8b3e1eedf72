/**
 * Refused at load (a replay: when the interaction is first read), with a CassetteError naming the file and the JSON path: a recorded payload nested
 * 100,000 deep (it used to load and then throw a bare RangeError on replay) and CR/LF in a recorded
 * header value (it would split the replayed answer). A payload 6,000 deep still loads.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CassetteError, openCassette } from '../../src/index.js';
import { loadCassette } from '../../src/cassette/index.js';
import { InvokeAsyncCommand, LambdaClient } from '@aws-sdk/client-lambda';

function cassetteText(payload: string, headers: Record<string, string> = { 'x-amzn-requestid': 'r' }): string {
  const cassette = {
    version: 1,
    recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20' },
    interactions: [
      {
        request: { operation: 'InvokeAsync', functionName: 'f', region: 'us-east-1', payload: { json: '@@' } },
        response: { status: 202, headers, body: { json: { Status: 202 } } },
        recordedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
  };
  return JSON.stringify(cassette).replace('"@@"', payload);
}

function write(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lc-load-checks-'));
  writeFileSync(join(dir, 'c.json'), text);
  return dir;
}

const nestedArray = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

describe('loading a cassette', () => {
  it('refuses a payload nested 100,000 deep, naming the file and where', async () => {
    const dir = write(cassetteText(nestedArray(100_000)));
    const error = await loadCassette(join(dir, 'c.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CassetteError);
    expect(error).toMatchObject({ code: 'LC_CASSETTE_SCHEMA', file: join(dir, 'c.json') });
    expect((error as CassetteError).jsonPath).toMatch(/^\/interactions\/0\/request\/payload\/json(\/0){10000}$/);
    expect((error as Error).message).toContain(join(dir, 'c.json'));
    // A replay checks each interaction when it first reads it: the request that reaches it fails with
    // the same error (no bare RangeError), and close() names it.
    const lambda = await openCassette('c', { dir, mode: 'replay' });
    const client = new LambdaClient({
      region: 'us-east-1',
      requestHandler: lambda.requestHandler,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    await expect(client.send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '1' }))).rejects.toMatchObject({
      code: 'LC_CASSETTE_SCHEMA',
    });
    await expect(lambda.close()).rejects.toThrow(/payload\/json(\/0){10000} is nested more than 10000 levels deep/);
  });

  it('still loads a payload 6,000 deep', async () => {
    const dir = write(cassetteText(nestedArray(6_000)));
    await expect(loadCassette(join(dir, 'c.json'))).resolves.toBeDefined();
  });

  it.each([
    ['CR LF', 'a\r\nset-cookie: x=1'],
    ['LF', 'a\nb'],
    ['CR', 'a\rb'],
  ])('refuses a recorded header value with %s, naming the header', async (_label, value) => {
    const dir = write(cassetteText('{}', { 'x-amzn-requestid': 'r', 'x-evil/name': value }));
    const error = await loadCassette(join(dir, 'c.json')).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'LC_CASSETTE_SCHEMA',
      jsonPath: '/interactions/0/response/headers/x-evil~1name',
    });
    expect((error as Error).message).toMatch(/CR, LF or NUL/);
  });
});
