/**
 * JSONPath flags refuse what openCassette refuses: a `redact --path` typo used to be written into
 * the cassette's filters, where every later replay applied it and matched nothing. Now the command
 * exits 2 naming the flag and the path, and leaves the file as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, useCli } from '../support/cli.js';
import { fileText, ordersCassette } from './fixtures.js';
import { EXIT_USAGE } from '../../src/cli/exit-codes.js';

const cli = useCli();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lc-cli-paths-'));
  mkdirSync(join(dir, 'c'));
  writeFileSync(join(dir, 'c', 'orders.json'), fileText(ordersCassette));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JSONPath flags', () => {
  it.each(['$.a..', '$[', '$.', '$[?(@.a==)]'])(
    'redact --path %j exits 2 naming the flag and the path, and writes nothing',
    async (path) => {
      const before = readFileSync(join(dir, 'c', 'orders.json'), 'utf8');
      const run = await runCli(cli.path, ['redact', 'c', '--path', '$.card.number', '--path', path], { cwd: dir });
      expect(run.code).toBe(EXIT_USAGE);
      expect(run.stderr).toContain(`--path ${JSON.stringify(path)} must be a JSONPath starting with "$"`);
      expect(run.stdout).toBe('');
      expect(readFileSync(join(dir, 'c', 'orders.json'), 'utf8')).toBe(before);
    },
  );

  it('serve --ignore exits 2 naming the flag and the path', async () => {
    const run = await runCli(cli.path, ['serve', 'c/orders.json', '--mode', 'replay', '--ignore', '$.'], {
      cwd: dir,
    });
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toContain('--ignore "$." must be a JSONPath starting with "$"');
    expect(run.stdout).toBe('');
  });

  it('validate reports a cassette whose stored filters hold a bad path, naming the file and the field', async () => {
    const bad = { ...ordersCassette, filters: { redact: ['$.card.number', '$.a..'] } };
    writeFileSync(join(dir, 'c', 'filtered.json'), fileText(bad));
    const run = await runCli(cli.path, ['validate', 'c/filtered.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).toMatch(/c\/filtered\.json.*\/filters\/redact\/1 \("\$\.a\.\."\)/);
  });
});
