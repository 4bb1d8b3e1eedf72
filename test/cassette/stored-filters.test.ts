/**
 * A cassette's stored redact filters are checked at load, as the `redact` option is at open: replay
 * applies them to every incoming request, so a bad one (written by hand, or by an older `redact
 * --path`) would silently match nothing. The CassetteError names the file and the field.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CassetteError, openCassette } from '../../src/index.js';
import { loadCassette } from '../../src/cassette/index.js';

function writeCassette(redact: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'lc-stored-filters-'));
  const cassette = {
    version: 1,
    recordedWith: { library: 'lambda-cassette', libraryVersion: '0.1.0', node: 'v20' },
    filters: { redact },
    interactions: [
      {
        request: { operation: 'InvokeAsync', functionName: 'f', region: 'us-east-1', payload: { json: { a: 1 } } },
        response: { status: 202, headers: { 'x-amzn-requestid': 'r' }, body: { json: { Status: 202 } } },
        recordedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
  };
  writeFileSync(join(dir, 'c.json'), JSON.stringify(cassette));
  return dir;
}

describe('stored redact filters', () => {
  it.each(['$.a..', '$[', '$.', 'card.number', '$[?(@.a==)]'])(
    'refuse %j at load, naming the file and the field',
    async (path) => {
      const dir = writeCassette(['$.card.number', path]);
      const file = join(dir, 'c.json');
      const loaded = await loadCassette(file).catch((e: unknown) => e);
      expect(loaded).toBeInstanceOf(CassetteError);
      expect(loaded).toMatchObject({ code: 'LC_CASSETTE_SCHEMA', file, jsonPath: '/filters/redact/1' });
      expect((loaded as Error).message).toContain(`${file}: /filters/redact/1 (${JSON.stringify(path)})`);
      // A replay loads lazily, yet the filters are checked before any request is answered.
      const replay = await openCassette('c', { dir, mode: 'replay' }).catch((e: unknown) => e);
      expect(replay).toBeInstanceOf(CassetteError);
      expect(replay).toMatchObject({ file, jsonPath: '/filters/redact/1' });
    },
  );

  it('load when every path is one lambda-cassette applies', async () => {
    const dir = writeCassette(['$.card.number', '$..password', '$.items[*].token', '$[?(@.secret)]']);
    await expect(loadCassette(join(dir, 'c.json'))).resolves.toMatchObject({
      filters: { redact: ['$.card.number', '$..password', '$.items[*].token', '$[?(@.secret)]'] },
    });
    const lambda = await openCassette('c', { dir, mode: 'replay' });
    await lambda.close();
  });
});
