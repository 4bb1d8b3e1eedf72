import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassette, serializeCassette, writeCassetteAtomic } from '../../src/cassette/index.js';
import { reverseKeys, sampleCassette } from './support/sample-cassette.js';
import { useTempDir } from './support/temp-dir.js';

const dir = useTempDir();

/** Fails unless every object in `value` lists its keys in sorted order. */
function expectKeysSorted(value: unknown, at = ''): void {
  if (Array.isArray(value)) value.forEach((v, i) => expectKeysSorted(v, `${at}/${i}`));
  else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    expect(keys, `keys of ${at || '(root)'}`).toEqual([...keys].sort());
    for (const k of keys) expectKeysSorted((value as Record<string, unknown>)[k], `${at}/${k}`);
  }
}

describe('canonical cassette text', () => {
  it('sorts keys at every level, indents by 2 spaces and ends with one newline', () => {
    const text = serializeCassette(sampleCassette());
    expectKeysSorted(JSON.parse(text));
    const lines = text.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe('  "interactions": [');
    expect(lines[2]).toBe('    {');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('is identical for two key orders of the same data', () => {
    const a = sampleCassette();
    const b = reverseKeys(a);
    expect(Object.keys(b)).not.toEqual(Object.keys(a));
    expect(serializeCassette(b)).toBe(serializeCassette(a));
  });

  it('keeps interactions in recorded order instead of sorting them', () => {
    const cassette = sampleCassette();
    const names = cassette.interactions.map((i) => i.request.functionName);
    expect(names).toEqual(['orders-fn', 'mailer', 'bytes-fn']);
    const reloaded = JSON.parse(serializeCassette(cassette)) as typeof cassette;
    expect(reloaded.interactions.map((i) => i.request.functionName)).toEqual(names);
  });
});

describe('write then load', () => {
  it('gives back an equal cassette, and the file holds the canonical text', async () => {
    const file = path.join(dir.path, 'round-trip.json');
    await writeCassetteAtomic(file, sampleCassette());
    expect(await loadCassette(file)).toEqual(sampleCassette());
    expect(await readFile(file, 'utf8')).toBe(serializeCassette(sampleCassette()));
  });

  it('writes identical bytes for two key orders of the same data', async () => {
    const a = path.join(dir.path, 'order-a.json');
    const b = path.join(dir.path, 'order-b.json');
    await writeCassetteAtomic(a, sampleCassette());
    await writeCassetteAtomic(b, reverseKeys(sampleCassette()));
    expect(await readFile(b, 'utf8')).toBe(await readFile(a, 'utf8'));
  });

  it('creates missing directories and leaves no temporary file behind', async () => {
    const nested = path.join(dir.path, 'deep', 'er', 'cassettes');
    await writeCassetteAtomic(path.join(nested, 'a.json'), sampleCassette());
    expect(await readdir(nested)).toEqual(['a.json']);
  });

  it('loading a file that does not exist gives undefined', async () => {
    expect(await loadCassette(path.join(dir.path, 'nope', 'missing.json'))).toBeUndefined();
  });

  it('refuses to write an invalid cassette and writes nothing', async () => {
    const file = path.join(dir.path, 'invalid', 'bad.json');
    const bad = sampleCassette();
    (bad.interactions[0]!.response as { status: unknown }).status = '202';
    await expect(writeCassetteAtomic(file, bad)).rejects.toMatchObject({
      code: 'LC_CASSETTE_SCHEMA',
      file,
      message: `${file}: refusing to write an invalid cassette: /interactions/0/response/status must be integer`,
    });
    await expect(readdir(path.dirname(file))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
