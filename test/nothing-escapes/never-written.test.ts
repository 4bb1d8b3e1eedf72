/**
 * README "What lambda-cassette guarantees": mock and replay modes write nothing, whatever the
 * requests (answered, missed, refused, unhandled) and however close() ends.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCassette } from '../../src/index.js';
import { nodeRequest } from '../support/raw-request.js';

function listing(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true })
      .map(String)
      .sort()
      .map((f) => {
        const path = join(dir, f);
        return [f, statSync(path).isDirectory() ? 'dir' : `${statSync(path).mtimeMs} ${readFileSync(path, 'utf8')}`];
      }),
  );
}

const EMPTY = JSON.stringify({
  version: 1,
  recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20' },
  interactions: [],
});

describe.each(['mock', 'replay'] as const)('%s mode', (mode) => {
  it('leaves the cassette folder exactly as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), `lc-never-written-${mode}-`));
    writeFileSync(join(dir, 'c.json'), EMPTY);
    const before = listing(dir);
    const lambda = await openCassette('c', { dir, mode, functions: ['f'] });
    const host = 'https://lambda.us-east-1.amazonaws.com';
    await nodeRequest({ url: `${host}/2014-11-13/functions/f/invoke-async`, body: '{"a":1}' });
    await nodeRequest({ url: `${host}/2014-11-13/functions/nope/invoke-async`, body: 'not json' });
    await nodeRequest({ url: `${host}/2015-03-31/functions/f`, method: 'GET' });
    await lambda.close().catch(() => undefined);
    expect(listing(dir)).toEqual(before);
  });
});
