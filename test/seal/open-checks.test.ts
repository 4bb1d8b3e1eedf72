/**
 * Issue 9 items 1 and 12 (API §8 "Runtime checks at open"): combinations that cannot work fail at
 * open with an error naming the fix.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockLambda, openCassette } from '../../src/index.js';
import { nockRuntimeProblem } from '../../src/doors/nock/nock-runtime.js';

describe('nock 15 on Node before 22 (item 1)', () => {
  it.each([
    ['15.0.2', '20.20.2', false],
    ['15.0.5', '21.7.0', false],
    ['15.0.2', '22.0.0', true],
    ['15.1.0', '24.11.1', true],
    ['14.0.17', '20.12.0', true],
    ['14.0.0', '24.0.0', true],
  ])('nock %s on Node %s works: %s', (nockVersion, nodeVersion, works) => {
    const problem = nockRuntimeProblem(nockVersion, nodeVersion);
    if (works) expect(problem).toBeUndefined();
    else expect(problem).toMatch(/nock 15 needs Node 22.*npm install --save-dev nock@14/s);
  });
});

describe('redact JSONPaths (item 12)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-open-checks-'));
  it.each(['$[?(@.a==)]', '$.a[?(@.x ?? 1)]', '', '$[(@.length-)]'])('rejects %j at open, naming the option and the path', async (path) => {
    await expect(openCassette('c', { dir, mode: 'record', allowRecordingInCI: true, redact: ['$.ok', path] })).rejects.toThrow(
      new RegExp(`option "redact"\\[1\\].*${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 's'),
    );
  });

  it('accepts the forms the README shows', async () => {
    const double = await openCassette('ok', { dir, mode: 'record', allowRecordingInCI: true, redact: ['$.card.number', '$..password', '$.items[*].token', '$[?(@.secret)]'] });
    await double.close();
  });
});

describe('unknown options (item 12)', () => {
  it('mockLambda names the option and suggests the nearest known one', async () => {
    await expect(mockLambda({ fuctions: ['f'] } as never)).rejects.toThrow(/unknown option "fuctions".*did you mean "functions"/);
  });

  it('openCassette does too', async () => {
    await expect(openCassette('c', { mode: 'mock', endpiont: 'http://127.0.0.1:1' } as never)).rejects.toThrow(/unknown option "endpiont".*did you mean "endpoint"/);
  });

  it('an option far from every known one gets the list instead', async () => {
    await expect(mockLambda({ zzzzzzzzzz: 1 } as never)).rejects.toThrow(/unknown option "zzzzzzzzzz".*known options: .*functions/);
  });
});
