/**
 * Every entry settles a double's options the same way (src/api/double-options.ts): a URL option
 * is an absolute http(s) URL wherever it is given, and useLambdaCassette refuses a bad value when
 * the suite is defined, as openCassette would before each test.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidOptionError, mockLambda, openCassette } from '../../src/index.js';
import { cassettePerTest } from '../../src/runners/cassette-per-test.js';
import { checkVerifyTarget } from '../../src/verify/verify-cassette.js';

const dir = mkdtempSync(join(tmpdir(), 'lc-option-settling-'));

describe('URL options', () => {
  it.each(['localhost:4566', 'ftp://host', '127.0.0.1:4566', 'not a url'])(
    'refuse %j as an endpoint, a target and a verify target, each naming itself',
    async (url) => {
      const why = new RegExp(`must be an absolute http\\(s\\) URL .*got ${JSON.stringify(url)}`);
      await expect(mockLambda({ endpoint: url })).rejects.toThrow(new RegExp(`option "endpoint" ${why.source}`));
      await expect(openCassette('c', { dir, mode: 'replay', endpoint: [url] })).rejects.toThrow(
        new RegExp(`option "endpoint" ${why.source}`),
      );
      await expect(openCassette('c', { dir, mode: 'record', allowRecordingInCI: true, target: url })).rejects.toThrow(
        new RegExp(`option "target" ${why.source}`),
      );
      expect(() => checkVerifyTarget(url)).toThrow(new RegExp(`verify target ${why.source}`));
    },
  );

  it('say why a host:port is refused: it reads as a URL of another scheme', async () => {
    await expect(mockLambda({ endpoint: 'localhost:4566' })).rejects.toThrow(/its scheme is "localhost:"/);
  });

  it('accept http and https URLs', async () => {
    const lambda = await mockLambda({ endpoint: ['http://127.0.0.1:4566', 'https://lambda.example.test'] });
    await lambda.close();
    expect(() => checkVerifyTarget('https://lambda.us-east-1.amazonaws.com')).not.toThrow();
  });
});

describe('useLambdaCassette options', () => {
  const hooks = {
    beforeEach: () => undefined,
    afterEach: () => undefined,
    currentTest: () => ({ file: '/x/a.test.ts', names: ['t'] }),
  };

  it.each([
    [{ ignore: ['$.a..'] }, /option "ignore"\[0\] \("\$\.a\.\."\) is not a valid JSONPath/],
    [{ redact: ['$['] }, /option "redact"\[0\] \("\$\["\) is not a valid JSONPath/],
    [{ target: 'localhost:4566' }, /option "target" must be an absolute http\(s\) URL/],
    [{ maxAge: 'soon' }, /option "maxAge" is "soon"/],
    [{ name: 'fixed' }, /option "name" must be a function/],
  ])('refuse %j when the suite is defined', (options, message) => {
    const error = (() => {
      try {
        cassettePerTest(hooks, options as never);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as Error).message).toMatch(message);
  });
});
