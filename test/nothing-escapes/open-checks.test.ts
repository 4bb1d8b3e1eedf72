/**
 * Runtime checks at open: combinations that cannot work fail at open with an error naming the fix.
 * (nock 15 on Node 20 is no longer one: lambda-cassette does not load nock.)
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockLambda, openCassette } from '../../src/index.js';

describe('redact JSONPaths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-open-checks-'));
  it.each(['$[?(@.a==)]', '$.a[?(@.x ?? 1)]', '', '$[(@.length-)]'])(
    'rejects %j at open, naming the option and the path',
    async (path) => {
      await expect(
        openCassette('c', { dir, mode: 'record', allowRecordingInCI: true, redact: ['$.ok', path] }),
      ).rejects.toThrow(new RegExp(`option "redact"\\[1\\].*${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 's'));
    },
  );

  it('accepts the forms docs/cassettes.md shows', async () => {
    const double = await openCassette('ok', {
      dir,
      mode: 'record',
      allowRecordingInCI: true,
      redact: ['$.card.number', '$..password', '$.items[*].token', '$[?(@.secret)]'],
    });
    await double.close();
  });
});

describe('unknown options', () => {
  it('mockLambda names the option and suggests the nearest known one', async () => {
    await expect(mockLambda({ fuctions: ['f'] } as never)).rejects.toThrow(
      /unknown option "fuctions".*did you mean "functions"/,
    );
  });

  it('openCassette does too', async () => {
    await expect(openCassette('c', { mode: 'mock', endpiont: 'http://127.0.0.1:1' } as never)).rejects.toThrow(
      /unknown option "endpiont".*did you mean "endpoint"/,
    );
  });

  it('an option far from every known one gets the list instead', async () => {
    await expect(mockLambda({ zzzzzzzzzz: 1 } as never)).rejects.toThrow(
      /unknown option "zzzzzzzzzz".*known options: .*functions/,
    );
  });
});
