/**
 * `lambda-cassette typegen`, run as a user runs it, then `tsc` on a project that uses the output:
 * the generated types compile, and a wrong payload for a registered function is a type error in
 * the helpers and the vitest matchers, while unregistered functions accept anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, useCli } from '../support/cli.js';
import { cassette, fileText, interaction, strictProjectConfig } from './fixtures.js';

const root = resolve(__dirname, '../..');
const cli = useCli();
let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);

const ordersSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    items: { type: 'array', items: { $ref: '#/definitions/Item' } },
    note: { type: 'string' },
  },
  required: ['id', 'items'],
  additionalProperties: false,
  definitions: {
    Item: {
      title: 'Item',
      type: 'object',
      properties: { sku: { type: 'string' }, qty: { type: 'integer' } },
      required: ['sku'],
      additionalProperties: false,
    },
  },
};
const mailerSchema = { title: 'Mail', type: 'object', properties: { to: { type: 'string' } }, required: ['to'] };

beforeAll(() => {
  // Inside the worktree so the project finds vitest and @types/node in node_modules.
  mkdirSync(join(root, '.tmp'), { recursive: true });
  dir = mkdtempSync(join(root, '.tmp', 'typegen-'));
  mkdirSync(at('schemas'));
  writeFileSync(at('schemas', 'orders-fn.schema.json'), fileText(ordersSchema));
  writeFileSync(at('schemas', 'mailer.schema.json'), fileText(mailerSchema));
  writeFileSync(at('schemas', 'README.json'), '{"not": "a schema: no .schema.json suffix"}');
  mkdirSync(at('cassettes'));
  writeFileSync(
    at('cassettes', 'audit.json'),
    fileText(
      cassette([
        interaction('audit-fn', { json: { event: 'order.placed', at: 1700000000, tags: ['a'] } }),
        interaction('audit-fn', { json: { event: 'order.paid', at: 1700000001.5, tags: [], actor: { id: 3 } } }),
        interaction('orders-fn', { json: { id: 'recorded with a string id: ignored, the schema file wins' } }),
        interaction('audit-fn', { text: 'not json: left out' }),
      ]),
    ),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tsc(project: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(
      join(root, 'node_modules', '.bin', 'tsc'),
      ['-p', '.'],
      { cwd: project, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
      },
    );
  });
}

const GOOD = `import { mockLambda } from 'lambda-cassette';
import 'lambda-cassette/vitest';
import { expect } from 'vitest';
import type { AuditFnPayload, OrdersFnPayload } from './lambda-payloads.js';

export async function good(): Promise<void> {
  const lambda = await mockLambda();
  lambda.expectInvoked('orders-fn', { id: 7, items: [{ sku: 'A-1', qty: 2 }] });
  lambda.expectInvoked('orders-fn:prod', (p) => p.id > 0 && p.items.every((i) => i.sku !== ''));
  lambda.expectInvoked('arn:aws:lambda:us-east-1:123456789012:function:orders-fn:live', { id: 8, items: [], note: 'x' });
  lambda.expectInvoked('123456789012:function:mailer', { to: 'a@example.com', anyOtherKey: true });
  lambda.expectInvoked('orders-fn');
  lambda.wasInvoked('audit-fn', { event: 'x', at: 1, tags: [] });
  lambda.expectInvoked('unregistered-fn', { anything: [1, 'two'] });
  lambda.wasInvoked('unregistered-fn', 42);
  const dynamic: string = 'orders-fn';
  lambda.expectInvoked(dynamic, { whatever: true });
  expect(lambda).toHaveInvokedAsyncWith('orders-fn', { id: 7, items: [] });
  expect(lambda).toHaveInvokedAsyncWith('orders-fn', expect.objectContaining({ id: 7 }));
  expect(lambda).toHaveInvokedAsyncWith('mailer', { to: expect.stringMatching(/@/) });
  expect(lambda).not.toHaveInvokedAsyncNthWith(1, 'audit-fn', { event: 'e', at: 2.5, tags: ['t'], actor: { id: 1 } });
  expect(lambda).toHaveInvokedAsyncWith('unregistered-fn', 'any payload at all');
  const order: OrdersFnPayload = { id: 1, items: [] };
  const audit: AuditFnPayload = { event: 'e', at: 1, tags: [] };
  void order;
  void audit;
}
`;

// Each line below the imports must be exactly one type error.
const WRONG = `import { mockLambda } from 'lambda-cassette';
import 'lambda-cassette/vitest';
import { expect } from 'vitest';
export async function wrong(): Promise<void> {
  const lambda = await mockLambda();
  lambda.expectInvoked('orders-fn', { id: 'seven', items: [] });
  lambda.wasInvoked('orders-fn:prod', { id: 7 });
  lambda.expectInvoked('orders-fn', { id: 7, items: [], colour: 'red' });
  lambda.expectInvoked('orders-fn', (p) => p.nope === 1);
  expect(lambda).toHaveInvokedAsyncWith('orders-fn', { id: 7, items: [{ sku: 1 }] });
  expect(lambda).toHaveInvokedAsyncNthWith(1, 'mailer', { to: 7 });
  lambda.expectInvoked('audit-fn', { event: 'x', at: 1, tags: [], unseen: 1 });
}
`;
const WRONG_LINES = [6, 7, 8, 9, 10, 11, 12];

describe('lambda-cassette typegen', () => {
  it('generates types from schema files, hand-written schemas winning over inferred ones, and they type-check payloads', async () => {
    const run = await runCli(
      cli.path,
      [
        'typegen',
        '--schemas',
        'schemas',
        '--infer',
        '--cassettes',
        'cassettes',
        '--out',
        'project/lambda-payloads.d.ts',
      ],
      { cwd: dir },
    );
    expect(run.stderr).toBe('typegen: 1 recorded payload(s) are not JSON and were left out of the inference\n');
    expect(run.stdout).toBe('wrote project/lambda-payloads.d.ts: payload types for audit-fn, mailer, orders-fn\n');
    expect(run.code).toBe(0);
    const source = readFileSync(at('project', 'lambda-payloads.d.ts'), 'utf8');
    expect(source).toMatch(/^\/\* eslint-disable \*\/\n\/\*\*\n \* GENERATED by `lambda-cassette typegen`/);
    expect(source).toContain(' * - audit-fn: inferred from 2 payload(s) in 1 cassette(s) under cassettes\n');
    expect(source).toContain(' * - orders-fn: schemas/orders-fn.schema.json\n');
    expect(source).toContain(
      'export interface OrdersFnPayload {\n  id: number;\n  items: Item[];\n  note?: string;\n}',
    );
    expect(source).toContain(
      'export interface AuditFnPayload {\n  actor?: {\n    id: number;\n  };\n  at: number;\n  event: string;\n  tags: string[];\n}',
    );
    expect(source).toMatch(/export interface MailerPayload \{\n {2}to: string;\n {2}\[k: string\]: unknown;\n\}/);
    expect(
      source
        .trimEnd()
        .endsWith("declare module 'lambda-cassette' {\n  interface LambdaPayloads extends LambdaPayloadTypes {}\n}"),
    ).toBe(true);

    writeFileSync(at('project', 'good.ts'), GOOD);
    writeFileSync(at('project', 'wrong.ts'), WRONG);
    writeFileSync(
      at('project', 'tsconfig.json'),
      // lambda-cassette as its sources, the way this repository's own tsconfig maps it.
      strictProjectConfig(
        ['lambda-payloads.d.ts', 'good.ts', 'wrong.ts'],
        {
          'lambda-cassette': [join(root, 'src/index.ts')],
          'lambda-cassette/vitest': [join(root, 'src/vitest/index.ts')],
        },
        { resolveJsonModule: true },
      ),
    );
    const checked = await tsc(at('project'));
    const errors = checked.output.split('\n').filter((l) => /error TS\d+/.test(l));
    // Nothing but the deliberate mistakes: the generated file and the correct uses compile.
    expect(errors.filter((l) => !l.startsWith('wrong.ts('))).toEqual([]);
    expect([...new Set(errors.map((l) => Number(/^wrong\.ts\((\d+),/.exec(l)![1])))]).toEqual(WRONG_LINES);
    expect(checked.output).toMatch(
      /wrong\.ts\(6,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/,
    );
  }, 60_000);

  it('writes inferred schemas with --save-schemas, never over an existing one', async () => {
    const run = await runCli(
      cli.path,
      ['typegen', '--schemas', 'schemas', '--infer', '--cassettes', 'cassettes', '--save-schemas', '--out', '-'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(' * - audit-fn: schemas/audit-fn.schema.json (inferred)\n');
    expect(JSON.parse(readFileSync(at('schemas', 'audit-fn.schema.json'), 'utf8'))).toMatchObject({
      type: 'object',
      required: ['at', 'event', 'tags'],
      properties: { at: { type: 'number' }, tags: { type: 'array', items: { type: 'string' } } },
    });
    expect(JSON.parse(readFileSync(at('schemas', 'orders-fn.schema.json'), 'utf8'))).toEqual(ordersSchema);
    rmSync(at('schemas', 'audit-fn.schema.json'));
  });

  it('--check exits 0 while the output is current and 1 once a schema changed', async () => {
    const args = ['typegen', '--schemas', 'schemas', '--out', 'types/payloads.d.ts'];
    expect((await runCli(cli.path, args, { cwd: dir })).code).toBe(0);
    const current = await runCli(cli.path, [...args, '--check'], { cwd: dir });
    expect([current.code, current.stdout]).toEqual([0, 'types/payloads.d.ts is up to date (mailer, orders-fn)\n']);
    writeFileSync(at('schemas', 'mailer.schema.json'), fileText({ ...mailerSchema, required: [] }));
    const stale = await runCli(cli.path, [...args, '--check'], { cwd: dir });
    expect([stale.code, stale.stdout]).toEqual([
      1,
      'types/payloads.d.ts is stale: run lambda-cassette typegen --schemas schemas --out types/payloads.d.ts and commit the result\n',
    ]);
    writeFileSync(at('schemas', 'mailer.schema.json'), fileText(mailerSchema));
  });

  it.each([
    [['typegen', '--schemas', 'nowhere'], 2, /nowhere: no such folder/],
    [['typegen', '--schemas', 'schemas', '--cassettes', 'cassettes'], 2, /--cassettes only makes sense with --infer/],
    [['typegen', '--schemas', 'schemas', '--save-schemas'], 2, /--save-schemas only makes sense with --infer/],
    [['typegen', '--infer', '--cassettes', 'nowhere'], 2, /nowhere: no such folder of cassettes/],
    [['typegen', '--schemas', 'cassettes'], 1, /nothing to generate: no \*\.schema\.json files in cassettes/],
  ])('%j exits %i', async (args, code, message) => {
    const run = await runCli(cli.path, args, { cwd: dir });
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(code);
    expect(existsSync(at('lambda-payloads.d.ts'))).toBe(false);
  });

  it('exits 1 naming the file for a schema that is not JSON or not a function name', async () => {
    mkdirSync(at('broken'));
    writeFileSync(at('broken', 'orders-fn.schema.json'), '{ nope');
    const run = await runCli(cli.path, ['typegen', '--schemas', 'broken'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([
      1,
      expect.stringMatching(/broken\/orders-fn\.schema\.json: not valid JSON/),
    ]);
    rmSync(at('broken', 'orders-fn.schema.json'));
    writeFileSync(at('broken', 'bad name!.schema.json'), '{}');
    const named = await runCli(cli.path, ['typegen', '--schemas', 'broken'], { cwd: dir });
    expect([named.code, named.stderr]).toEqual([1, expect.stringMatching(/"bad name!" is not a Lambda function name/)]);
  });
});
