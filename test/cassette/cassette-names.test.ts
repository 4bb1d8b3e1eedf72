/**
 * Cassette names: refused at open, with InvalidCassetteNameError naming the fix, when a checkout on
 * another platform would break them (Windows device names with any extension, `:` and the other
 * characters Windows forbids, trailing dots and spaces), when they hide what they say (control and
 * bidirectional characters) or when they are longer than a file name can be. Valid names, the
 * example cassettes' among them, still open.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { InvalidCassetteNameError, openCassette } from '../../src/index.js';
import { cassetteFile } from '../../src/cassette/cassette-file.js';

const REFUSED: Array<[string, RegExp]> = [
  ['CON', /Windows reserves/],
  ['con', /Windows reserves/],
  ['aux.json', /Windows reserves/],
  ['nested/Aux.backup', /Windows reserves/],
  ['com1', /Windows reserves/],
  ['LPT9.txt', /Windows reserves/],
  ['a:b', /Windows does not allow/],
  ['what?', /Windows does not allow/],
  ['a|b/c', /Windows does not allow/],
  ['trailing.', /ending in a dot or a space/],
  ['trailing /x', /ending in a dot or a space/],
  ['evil\u202Egnp.json', /U\+202E/],
  ['zero\u200Fwidth', /U\+200F/],
  ['del\u007f', /control/],
  ['x'.repeat(251), /over the 255/],
  [`folder/${'é'.repeat(126)}`, /over the 255/],
];

describe('a cassette name', () => {
  it.each(REFUSED)('%j is refused at open with InvalidCassetteNameError, and nothing is written', async (name, why) => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-names-'));
    const error = await openCassette(name, { dir, mode: 'record', allowRecordingInCI: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidCassetteNameError);
    expect(error).toMatchObject({ code: 'LC_INVALID_CASSETTE_NAME', cassetteName: name });
    expect((error as Error).message).toMatch(why);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    'orders',
    'a/b/c',
    'x'.repeat(250),
    'console',
    'com10',
    'auxiliary',
    'con-test',
    'naïve café',
    'v1.2',
    'orders-fn_prod.v2.json',
  ])('%j is still a valid name', (name) => {
    expect(() => cassetteFile(name, tmpdir())).not.toThrow();
  });

  it('every example cassette in the repository still opens under its name', () => {
    const root = join(process.cwd(), 'cassettes');
    const names = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.json'))
      .map((f) => relative(root, join(root, f)).replace(/\.json$/, ''));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(() => cassetteFile(name, root), name).not.toThrow();
  });
});
