/** `lambda-cassette inspect` and `validate`, run as a user runs them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, useCli } from '../support/cli.js';
import { cassette, fileText, interaction, ordersCassette } from './fixtures.js';

const cli = useCli();
let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lc-cli-'));
  mkdirSync(at('cassettes', 'nested', 'node_modules'), { recursive: true });
  mkdirSync(at('cassettes', '.hidden'), { recursive: true });
  writeFileSync(at('cassettes', 'orders.json'), fileText(ordersCassette));
  writeFileSync(at('cassettes', 'nested', 'clean.json'), fileText(cassette([interaction('f', { json: {} })])));
  writeFileSync(at('cassettes', 'nested', 'notes.txt'), 'not a cassette, not *.json: skipped');
  writeFileSync(at('cassettes', 'nested', 'node_modules', 'pkg.json'), '{}');
  writeFileSync(at('cassettes', '.hidden', 'x.json'), '{}');
  writeFileSync(
    at('leaky.json'),
    fileText(
      cassette([
        interaction(
          'orders-fn',
          { json: { id: 1, debug: { key: 'AKIAZ7Q2W5M3N8P4R6T1' } } },
          { headers: { 'x-amz-security-token': 'FQoGZXIvYXdzEXAMPLETOKEN' } },
        ),
      ]),
    ),
  );
  writeFileSync(
    at('bad-schema.json'),
    fileText({ ...ordersCassette, interactions: [{ ...ordersCassette.interactions[0], response: { status: '202' } }] }),
  );
  writeFileSync(at('bad-json.json'), '{\n  "version": 1,\n  "interactions": [,]\n}\n');
  writeFileSync(at('future.json'), fileText({ ...ordersCassette, version: 2 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lambda-cassette inspect', () => {
  it('prints a table of the interactions, without colour when piped', async () => {
    const run = await runCli(cli.path, ['inspect', 'cassettes/orders.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/\x1b\[/); // eslint-disable-line no-control-regex
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      'cassettes/orders.json: 4 interaction(s), format v1, recorded with lambda-cassette 0.1.0 on Node v20.20.2; filters: none',
    );
    const rows = lines
      .filter((l) => l.startsWith('│'))
      .map((l) =>
        l
          .split('│')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    expect(rows).toEqual([
      ['#', 'function', 'qualifier', 'payload', 'status', 'error type'],
      ['1', 'orders-fn', '', '{"card":{"cvc":"123","number":"4111111111111111"},"id":7,"i…', '202', ''],
      ['2', 'orders-fn', 'prod', '{"card":{"cvc":"999","number":"5500000000000004"},"gift":tr…', '202', ''],
      ['3', 'mailer', '', '{"to":"ada@example.com"}', '404', ''],
      ['4', 'throttled-fn', '', '"not json" (text)', '400', 'ThrottlingException'],
    ]);
  });

  it('reads the error type from the body when there is no header, and prints JSON on request', async () => {
    const run = await runCli(cli.path, ['inspect', at('cassettes', 'orders.json'), '--json', '--width', '20'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      interactions: Array<{ functionName: string; payload: string; errorType?: string }>;
    };
    expect(out.interactions.map((r) => [r.functionName, r.payload, r.errorType])).toEqual([
      ['orders-fn', '{"card":{"cvc":"123…', undefined],
      ['orders-fn', '{"card":{"cvc":"999…', undefined],
      ['mailer', '{"to":"ada@example.…', undefined],
      ['throttled-fn', '"not json" (text)', 'ThrottlingException'],
    ]);
  });

  it('colours the status with FORCE_COLOR, and never with NO_COLOR', async () => {
    const forced = await runCli(cli.path, ['inspect', 'cassettes/orders.json'], {
      cwd: dir,
      env: { FORCE_COLOR: '1' },
    });
    expect(forced.stdout).toContain('\x1b[31m'); // red error type
    const off = await runCli(cli.path, ['inspect', 'cassettes/orders.json'], {
      cwd: dir,
      env: { FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(off.stdout).not.toContain('\x1b[');
  });

  it('exits 1 naming the JSON path for an invalid cassette, 2 for a missing file or argument', async () => {
    const invalid = await runCli(cli.path, ['inspect', 'bad-schema.json'], { cwd: dir });
    expect([invalid.code, invalid.stdout]).toEqual([1, '']);
    expect(invalid.stderr).toMatch(/bad-schema\.json: \/interactions\/0\/response/);
    const missing = await runCli(cli.path, ['inspect', 'nope.json'], { cwd: dir });
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/nope\.json: no such file/)]);
    expect((await runCli(cli.path, ['inspect'], { cwd: dir })).code).toBe(2);
  });

  it('takes a cassette name as serve does: resolved inside --dir (default "cassettes")', async () => {
    const byPath = await runCli(cli.path, ['inspect', 'cassettes/orders.json'], { cwd: dir });
    const byName = await runCli(cli.path, ['inspect', 'orders'], { cwd: dir });
    expect([byName.code, byName.stderr]).toEqual([0, '']);
    expect(byName.stdout).toBe(byPath.stdout);
    const nested = await runCli(cli.path, ['inspect', 'nested/clean', '--json'], { cwd: dir });
    expect(nested.code).toBe(0);
    expect(JSON.parse(nested.stdout)).toMatchObject({
      file: join('cassettes', 'nested', 'clean.json'),
      interactions: [{ functionName: 'f' }],
    });
    const inDir = await runCli(cli.path, ['inspect', 'clean', '--dir', at('cassettes', 'nested')], { cwd: dir });
    expect(inDir.code).toBe(0);
    expect(inDir.stdout).toContain(`${at('cassettes', 'nested', 'clean.json')}: 1 interaction(s)`);
    const missing = await runCli(cli.path, ['inspect', 'nope'], { cwd: dir });
    expect([missing.code, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toContain(`nope: no such file, and no cassette ${join('cassettes', 'nope.json')}`);
  });

  it('refuses a folder, naming it and saying what to pass', async () => {
    for (const [arg, folder] of [
      ['cassettes', 'cassettes'],
      [at('cassettes'), at('cassettes')],
      ['nested', join('cassettes', 'nested')],
    ] as const) {
      const run = await runCli(cli.path, ['inspect', arg], { cwd: dir });
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toContain(
        `${folder} is a folder, not a cassette: pass one cassette file (e.g. ${join(folder, '<name>.json')}) or a cassette name inside --dir`,
      );
      expect(run.stderr).toContain(`lambda-cassette validate ${folder}`);
    }
  });

  it('--json output is one JSON document ending with a newline', async () => {
    const run = await runCli(cli.path, ['inspect', 'orders', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('}\n')).toBe(true);
    expect(run.stdout.endsWith('\n\n')).toBe(false);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});

describe('lambda-cassette validate', () => {
  it('passes clean cassettes, walking folders for *.json (not node_modules or dot-folders)', async () => {
    const run = await runCli(cli.path, ['validate', 'cassettes'], { cwd: dir });
    expect(run.stdout).toBe('ok: 2 cassette(s) valid, no secrets found\n');
    expect(run.code).toBe(0);
  });

  it('exits 1 and names the file and JSON path of every finding, and no character of a secret', async () => {
    const run = await runCli(
      cli.path,
      ['validate', 'leaky.json', 'bad-schema.json', 'bad-json.json', 'future.json', 'cassettes'],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      'bad-json.json line 3, column 20 invalid not valid JSON at line 3, column 20: unexpected character ",", expected a JSON value',
      expect.stringMatching(
        /^bad-schema\.json \/interactions\/0\/response invalid \/interactions\/0\/response must have required property/,
      ),
      expect.stringMatching(
        /^future\.json \/version invalid cassette format version 2 .* is newer than lambda-cassette/,
      ),
      'leaky.json /interactions/0/request/payload/json/debug/key secret aws-access-key-id: AWS access key id at character 0',
      expect.stringMatching(
        /^leaky\.json \/interactions\/0\/response\/headers\/x-amz-security-token secret credential-header: "x-amz-security-token" holds a credential/,
      ),
      'failed: 5 finding(s) in 4 of 6 cassette(s)',
    ]);
    expect(run.stdout).not.toContain('AKIA');
  });

  it('prints findings as JSON on request', async () => {
    const run = await runCli(cli.path, ['validate', '--json', 'leaky.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      files: 1,
      findings: [
        {
          file: 'leaky.json',
          where: '/interactions/0/request/payload/json/debug/key',
          kind: 'secret',
          message: expect.stringMatching(/^aws-access-key-id/),
          offset: 0,
          forms: [],
        },
        {
          file: 'leaky.json',
          where: '/interactions/0/response/headers/x-amz-security-token',
          kind: 'secret',
          message: expect.stringMatching(/^credential-header/),
        },
      ],
    });
  });

  it('exits 2 for a path that does not exist or no path at all', async () => {
    const missing = await runCli(cli.path, ['validate', 'cassettes', 'ghost'], { cwd: dir });
    expect([missing.code, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toMatch(/ghost: no such file or directory/);
    const none = await runCli(cli.path, ['validate'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing required argument 'paths'/);
  });

  it('documents the exit codes in its --help', async () => {
    const run = await runCli(cli.path, ['validate', '--help'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: lambda-cassette validate \[options\] <paths\.\.\.>/);
    expect(run.stdout).toMatch(/Exit codes:\n {2}0 {2}success[\s\S]* {2}1 {2}findings[\s\S]* {2}2 {2}usage error/);
  });
});
