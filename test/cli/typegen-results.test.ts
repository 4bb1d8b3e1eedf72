/**
 * `typegen --infer` writes result types from recorded RequestResponse answers (`ResultFor<'fn'>`,
 * registered in `LambdaResults`) next to the payload types, and `respond` is typed by them: a
 * result of the wrong shape does not compile. Failed answers (FunctionError) are left out.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, useCli } from '../support/cli.js';
import { cassette, fileText, interaction, strictProjectConfig } from './fixtures.js';

const root = resolve(__dirname, '../..');
const cli = useCli();
let dir = '';
const at = (...parts: string[]) => join(dir, ...parts);
const sync = { invocationType: 'RequestResponse' as const, operation: 'Invoke' as const };

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  dir = mkdtempSync(join(root, '.tmp', 'typegen-results-'));
  mkdirSync(at('cassettes'));
  writeFileSync(
    at('cassettes', 'pricing.json'),
    fileText(
      cassette([
        interaction(
          'pricing-fn',
          { json: { qty: 2 } },
          {
            status: 200,
            headers: { 'x-amz-executed-version': '$LATEST' },
            body: { json: { total: 6, currency: 'EUR' } },
          },
          sync,
        ),
        interaction(
          'pricing-fn',
          { json: { qty: 0 } },
          {
            status: 200,
            headers: { 'x-amz-function-error': 'Unhandled' },
            body: { json: { errorType: 'Error', errorMessage: 'no qty' } },
          },
          sync,
        ),
        interaction('audit-fn', { json: { event: 'x' } }),
      ]),
    ),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tsc(project: string): Promise<string> {
  return new Promise((done) => {
    execFile(
      join(root, 'node_modules', '.bin', 'tsc'),
      ['-p', '.'],
      { cwd: project, encoding: 'utf8', timeout: 60_000 },
      (_error, stdout, stderr) => done(stdout + stderr),
    );
  });
}

it('writes ResultFor types from recorded RequestResponse answers, and respond() is typed by them', async () => {
  const run = await runCli(
    cli.path,
    ['typegen', '--infer', '--cassettes', 'cassettes', '--out', 'project/lambda-payloads.d.ts'],
    { cwd: dir },
  );
  expect(run.stdout).toBe(
    'wrote project/lambda-payloads.d.ts: payload types for audit-fn, pricing-fn; result types for pricing-fn\n',
  );
  expect(run.code).toBe(0);
  const source = readFileSync(at('project', 'lambda-payloads.d.ts'), 'utf8');
  expect(source).toContain('export interface PricingFnResult {\n  currency: string;\n  total: number;\n}');
  expect(source).toContain('interface LambdaResults extends LambdaResultTypes {}');
  writeFileSync(
    at('project', 'use.ts'),
    [
      "import { mockLambda, type ResultFor } from 'lambda-cassette';",
      'export async function f() {',
      '  const lambda = await mockLambda();',
      "  lambda.respond('pricing-fn', { total: 1, currency: 'EUR' });",
      "  lambda.respond('pricing-fn', async (event) => ({ total: event.qty * 3, currency: 'EUR' }));",
      "  lambda.respond('other-fn', 'anything goes for an unregistered function');",
      "  const r: ResultFor<'pricing-fn:prod'> = { total: 2, currency: 'USD' };",
      "  lambda.respond('pricing-fn', { total: 'six' });",
      '  return r;',
      '}',
      '',
    ].join('\n'),
  );
  writeFileSync(
    at('project', 'tsconfig.json'),
    strictProjectConfig(['lambda-payloads.d.ts', 'use.ts'], { 'lambda-cassette': [join(root, 'src/index.ts')] }),
  );
  const errors = (await tsc(at('project'))).split('\n').filter((l) => /error TS\d+/.test(l));
  expect(errors.map((l) => /^use\.ts\((\d+),/.exec(l)?.[1])).toEqual(['8']);
}, 60_000);
