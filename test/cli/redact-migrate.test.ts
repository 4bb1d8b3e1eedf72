/** `lambda-cassette redact` and `migrate`, run as a user runs them; the migration chain is also driven in-process. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturingIo } from '../support/capturing-io.js';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateCommand, migrateFile } from '../../src/cli/migrate.js';
import { openCassette, type Cassette } from '../../src/index.js';
import { serializeCassette } from '../../src/cassette/index.js';
import { runCli, useCli } from '../support/cli.js';
import { lambdaClient } from '../support/sdk.js';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { fileText, ordersCassette } from './fixtures.js';

const cli = useCli();
let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);
const read = (file: string) => JSON.parse(readFileSync(at(file), 'utf8')) as Cassette;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lc-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lambda-cassette redact', () => {
  it('redacts payload fields in place, masks account ids outside payloads, and records the filters', async () => {
    mkdirSync(at('r1'), { recursive: true });
    writeFileSync(at('r1', 'orders.json'), fileText(ordersCassette));
    const run = await runCli(
      cli.path,
      ['redact', 'r1', '--path', '$.card.number', '--path', '$..cvc', '--mask-account-ids'],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('r1/orders.json: rewritten (4 value(s) redacted, account ids masked in 2 value(s))\n');
    expect(run.code).toBe(0);
    const after = read('r1/orders.json');
    expect(after.filters).toEqual({ redact: ['$.card.number', '$..cvc'], maskAccountIds: true });
    expect(after.interactions.map((i) => i.request.payload)).toEqual([
      { json: { id: 7, items: [{ sku: 'A-1', qty: 2 }], card: { number: '[REDACTED]', cvc: '[REDACTED]' } } },
      { json: { id: 8, items: [], card: { number: '[REDACTED]', cvc: '[REDACTED]' }, gift: true } },
      { json: { to: 'ada@example.com' } },
      { text: 'not json' },
    ]);
    expect(after.interactions[1]!.request.functionRef).toBe(
      'arn:aws:lambda:us-east-1:000000000000:function:orders-fn:prod',
    );
    expect(after.interactions[2]!.response.body).toEqual({ text: expect.stringContaining('function:mailer') });
    expect(JSON.stringify(after)).not.toMatch(/210987654321|4111111111111111/);
    // Written as the store writes: canonical, no temp files left behind.
    expect(readFileSync(at('r1', 'orders.json'), 'utf8')).toBe(serializeCassette(after));
    expect(readdirSync(at('r1'))).toEqual(['orders.json']);
  });

  it('leaves a file alone when there is nothing left to change, and replay still matches redacted payloads', async () => {
    const before = statSync(at('r1', 'orders.json')).mtimeMs;
    const again = await runCli(cli.path, ['redact', 'r1/orders.json', '--path', '$..cvc'], { cwd: dir });
    expect([again.code, again.stdout]).toEqual([0, 'r1/orders.json: unchanged\n']);
    expect(statSync(at('r1', 'orders.json')).mtimeMs).toBe(before);

    // The recorded filters make replay redact incoming payloads the same way.
    const lambda = await openCassette('orders', { dir: at('r1'), mode: 'replay' });
    const out = await lambdaClient({ maxAttempts: 1 }).send(
      new InvokeAsyncCommand({
        FunctionName: 'orders-fn',
        InvokeArgs: JSON.stringify({
          id: 7,
          items: [{ sku: 'A-1', qty: 2 }],
          card: { number: '4111111111111111', cvc: '123' },
        }),
      }),
    );
    expect(out.Status).toBe(202);
    await lambda.close();
  });

  it.each([
    [['redact', 'r1'], /nothing to do: give at least one --path/],
    [['redact', 'r1', '--path', 'card.number'], /must be a JSONPath starting with "\$"/],
    [['redact', 'ghost', '--path', '$.a'], /ghost: no such file or directory/],
  ])('refuses %j with a usage error (exit 2), writing nothing', async (args, message) => {
    const run = await runCli(cli.path, args, { cwd: dir });
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  it('exits 1 for a cassette it cannot load, and still redacts the others', async () => {
    mkdirSync(at('r2'));
    writeFileSync(at('r2', 'a-broken.json'), '{"version": 1');
    writeFileSync(at('r2', 'b-good.json'), fileText(ordersCassette));
    const run = await runCli(cli.path, ['redact', 'r2', '--path', '$.card'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error r2\/a-broken\.json: not valid JSON/m);
    expect(run.stdout).toMatch(/^r2\/b-good\.json: rewritten \(2 value\(s\) redacted\)$/m);
    expect(readFileSync(at('r2', 'a-broken.json'), 'utf8')).toBe('{"version": 1');
  });
});

describe('lambda-cassette migrate', () => {
  it('reports current cassettes as up to date and never rewrites them', async () => {
    mkdirSync(at('m1'));
    // Not canonical layout: a rewrite would show.
    const text = JSON.stringify(ordersCassette);
    writeFileSync(at('m1', 'current.json'), text);
    const run = await runCli(cli.path, ['migrate', 'm1'], { cwd: dir });
    expect(run.stdout).toBe(
      'm1/current.json: up to date (format v1)\n' +
        '1 cassette(s): 1 up to date, 0 failed. Format v1 is the only cassette format so far: there is nothing to migrate yet.\n',
    );
    expect(run.code).toBe(0);
    expect(readFileSync(at('m1', 'current.json'), 'utf8')).toBe(text);
  });

  it('exits 1 for a cassette it cannot migrate (a version that never existed, too new, invalid), touching nothing', async () => {
    mkdirSync(at('m2'));
    writeFileSync(at('m2', 'v0.json'), fileText({ version: 0, tapes: [] }));
    writeFileSync(at('m2', 'v2.json'), fileText({ ...ordersCassette, version: 2 }));
    writeFileSync(at('m2', 'invalid.json'), fileText({ ...ordersCassette, interactions: 'none' }));
    const run = await runCli(cli.path, ['migrate', 'm2', '--check'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(/^m2\/invalid\.json: failed \/interactions must be array$/),
      expect.stringMatching(
        /^m2\/v0\.json: failed cassette format version 0 does not exist: .* fix the version, or record the cassette again\.$/,
      ),
      expect.stringMatching(
        /^m2\/v2\.json: failed cassette format version 2 .* is newer than .*; upgrade lambda-cassette to use this cassette\.$/,
      ),
      '3 cassette(s): 0 up to date, 3 failed. Format v1 is the only cassette format so far: there is nothing to migrate yet.',
      '',
    ]);
    expect(JSON.parse(readFileSync(at('m2', 'v0.json'), 'utf8'))).toEqual({ version: 0, tapes: [] });
  });

  it('exits 2 without paths or with a path that does not exist', async () => {
    expect((await runCli(cli.path, ['migrate'], { cwd: dir })).code).toBe(2);
    expect((await runCli(cli.path, ['migrate', 'ghost'], { cwd: dir })).code).toBe(2);
  });

  it("runs the store's real chain: an older cassette is rewritten in the current format, --check only reports", async () => {
    // The chain is empty while v1 is the only format; drive it with a v0 -> v1 step as the next format change will.
    const migrations = {
      0: ({ tapes, ...rest }: Record<string, unknown>) => ({ ...rest, version: 1, interactions: tapes }),
    };
    const v0 = { version: 0, recordedWith: ordersCassette.recordedWith, tapes: ordersCassette.interactions };
    writeFileSync(at('old.json'), JSON.stringify(v0));
    expect(await migrateFile(at('old.json'), { migrations, check: true })).toEqual({
      file: at('old.json'),
      outcome: 'outdated',
      from: 0,
      to: 1,
    });
    expect(JSON.parse(readFileSync(at('old.json'), 'utf8'))).toEqual(v0);
    expect(await migrateFile(at('old.json'), { migrations })).toEqual({
      file: at('old.json'),
      outcome: 'migrated',
      from: 0,
      to: 1,
    });
    expect(read('old.json')).toEqual(ordersCassette);
    expect(await migrateFile(at('old.json'), { migrations })).toEqual({
      file: at('old.json'),
      outcome: 'current',
      version: 1,
    });
  });
  it('runs a test-only migration through the command: the file is replaced in one rename, or left whole when a step fails', async () => {
    mkdirSync(at('m3'));
    const file = at('m3', 'old.json');
    const v0 = { version: 0, recordedWith: ordersCassette.recordedWith, tapes: ordersCassette.interactions };
    const v0Text = JSON.stringify(v0);
    writeFileSync(file, v0Text);
    const inodeBefore = statSync(file).ino;
    const ran: number[] = [];
    const chain = {
      0: ({ tapes, ...rest }: Record<string, unknown>) => (ran.push(0), { ...rest, version: 1, interactions: tapes }),
    };
    const io = capturingIo();
    expect(await migrateCommand([at('m3')], {}, io, chain)).toBe(0);
    expect(ran).toEqual([0]);
    expect(io.stdout()).toBe(
      `${file}: migrated v0 -> v1\n1 cassette(s): 1 migrated, 0 to migrate, 0 up to date, 0 failed (current format v1)\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(serializeCassette(ordersCassette));
    // A new inode and no temporary file left: the new text arrived by renaming a complete file over the old one.
    expect(statSync(file).ino).not.toBe(inodeBefore);
    expect(readdirSync(at('m3'))).toEqual(['old.json']);

    writeFileSync(file, v0Text);
    const failing = {
      0: () => {
        throw new Error('tapes is not an array');
      },
    };
    const failed = capturingIo();
    expect(await migrateCommand([at('m3')], {}, failed, failing)).toBe(1);
    expect(failed.stdout().split('\n')[0]).toBe(
      `${file}: failed migrating from format version 0 to 1 failed: tapes is not an array`,
    );
    expect(readFileSync(file, 'utf8')).toBe(v0Text);
    expect(readdirSync(at('m3'))).toEqual(['old.json']);
  });
});
