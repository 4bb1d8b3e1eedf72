/**
 * Answers that do not look like AWS's: recording one from moto warns naming the interaction, and
 * `lambda-cassette validate --conformance` (run as a process) reports each per interaction; the
 * example cassettes, which hold AWS's answers, pass.
 */
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { conformanceFindings } from '../../src/recording/conformance.js';
import { recordFromMoto, readCassette, useMotoWorkspace } from '../support/moto-cassette.js';
import { runCli, useCli } from '../support/cli.js';

const cli = useCli();
const w = useMotoWorkspace('conformance', ['orders-fn']);

it('recording an InvokeAsync from moto warns that its answer is not what AWS sends, naming the call', async () => {
  const warnings: Error[] = [];
  const on = (e: Error) => warnings.push(e);
  process.on('warning', on);
  try {
    await recordFromMoto(w.moto, w.dir, 'from-moto', [['orders-fn', { id: 7 }]]);
    await new Promise((r) => setImmediate(r));
  } finally {
    process.off('warning', on);
  }
  const notAws = warnings.filter((e) => (e as { code?: string }).code === 'LC_NOT_AWS_LIKE').map((e) => e.message);
  expect(notAws).toHaveLength(1);
  expect(notAws[0]).toMatch(
    /^lambda-cassette: the answer recorded into .*from-moto\.json for InvokeAsync orders-fn \(call #1\) does not look like an AWS answer: /,
  );
  expect(notAws[0]).toContain('an HTML body (content-type text/html');
  expect(notAws[0]).toContain('a function error (x-amz-function-error: Handled) on an asynchronous invocation');

  const file = join(w.dir, 'from-moto.json');
  const check = await runCli(cli.path, ['validate', file, '--conformance']);
  expect(check.code).toBe(1);
  expect(check.stdout).toContain(
    `${file} /interactions/0/response not AWS-like #1 InvokeAsync orders-fn answered 202: an HTML body`,
  );
  // Without the flag the same file is valid: conformance is asked for.
  expect((await runCli(cli.path, ['validate', file])).code).toBe(0);
  expect(readCassette(file).interactions).toHaveLength(1);
}, 60_000);

it('the example cassettes hold what AWS answers', async () => {
  const examples = fileURLToPath(new URL('../../cassettes/examples', import.meta.url));
  const run = await runCli(cli.path, ['validate', examples, '--conformance']);
  expect([run.code, run.stdout]).toEqual([0, 'ok: 7 cassette(s) valid, no secrets found\n']);
});

it('each sign on its own, and none on an AWS answer', () => {
  const aws = {
    operation: 'InvokeAsync' as const,
    status: 202,
    headers: { 'content-type': 'application/json', 'x-amzn-RequestId': 'r' },
    body: '{"Status":202}',
  };
  expect(conformanceFindings(aws)).toEqual([]);
  expect(conformanceFindings({ ...aws, headers: { 'content-type': 'application/json' } })).toEqual([
    'no request id (x-amzn-RequestId)',
  ]);
  expect(conformanceFindings({ ...aws, headers: { ...aws.headers, server: 'hypercorn-h11' } })).toEqual([
    "an emulator's server header (server: hypercorn-h11)",
  ]);
  expect(conformanceFindings({ ...aws, body: '<!DOCTYPE html><p>hi' })).toHaveLength(1);
  // A synchronous invoke may report a function error; an Event invoke may not.
  const fnError = {
    ...aws,
    operation: 'Invoke' as const,
    headers: { ...aws.headers, 'x-amz-function-error': 'Unhandled' },
  };
  expect(conformanceFindings({ ...fnError, invocationType: 'RequestResponse' })).toEqual([]);
  expect(conformanceFindings({ ...fnError, invocationType: 'Event' })).toHaveLength(1);
});
