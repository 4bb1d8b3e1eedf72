/**
 * Large bodies are not lost: a base64 body over ~8 MB used to make the schema's regex overflow V8's
 * backtracking stack, so `close()` threw RangeError and the whole cassette was not written.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassette, validateCassette, writeCassetteAtomic, type Cassette } from '../../src/cassette/index.js';
import { sampleCassette } from './support/sample-cassette.js';
import { useTempDir } from './support/temp-dir.js';

const dir = useTempDir();

function withResponseBase64(base64: string): Cassette {
  const cassette = sampleCassette();
  cassette.interactions[0]!.response.body = { base64 };
  return cassette;
}

describe('base64 bodies', () => {
  it('a 12 MB body is written and loads back intact', async () => {
    const bytes = Buffer.alloc(9 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131) & 0xff;
    const base64 = bytes.toString('base64');
    const file = path.join(dir.path, 'big.json');
    await writeCassetteAtomic(file, withResponseBase64(base64));
    const loaded = await loadCassette(file);
    expect((loaded!.interactions[0]!.response.body as { base64: string }).base64 === base64).toBe(true);
  });

  it.each(['abc', 'ab=c', 'a!bc', 'abcd=', '====', 'YQ'])('%j is still refused, naming where it is', (base64) => {
    expect(() => validateCassette(withResponseBase64(base64), 'c.json', 'write')).toThrow(
      /\/interactions\/0\/response\/body/,
    );
  });

  it.each(['', 'YQ==', 'YWI=', 'YWJj', '/wCA/g=='])('%j is accepted', (base64) => {
    expect(() => validateCassette(withResponseBase64(base64), 'c.json', 'write')).not.toThrow();
  });
});
