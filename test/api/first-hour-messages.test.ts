/**
 * Messages a new user meets in the first hour, each as the user sees it: a replay miss (how to
 * re-record, same function and operation first), maxAge under a second, `auto` recording a cassette
 * that does not exist (said once), retries of a failed recording counted once, and mode `rerecord`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeAsyncCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import {
  CASSETTE_MODES,
  CassetteMissError,
  openCassette,
  RecordingIncompleteError,
  UnmatchedRequestsError,
  type Cassette,
} from '../../src/index.js';
import { closeAfterTest } from '../../src/vitest/close-after-test.js';
import { MODE_TABLE } from '../../src/engine/mode-table.js';
import { describeAge } from '../../src/cassette/expiry.js';
import { caught, lambdaClient } from '../support/sdk.js';
import { startUpstream } from '../support/upstream-server.js';
import { cassette, fileText, interaction } from '../cli/fixtures.js';

let dir: string;
const recorded: Cassette = cassette([
  interaction('mailer', { json: { to: 'ada@example.com' } }),
  interaction('orders-fn', { json: { id: 7, items: ['A-1'] } }),
  interaction('orders-fn', { json: { id: 9, items: ['B-2', 'C-3'], gift: true } }),
]);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lc-first-hour-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function warningsDuring<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: Error[] }> {
  const warnings: Error[] = [];
  const on = (w: Error) => warnings.push(w);
  process.on('warning', on);
  return fn()
    .then(async (value) => {
      await new Promise((r) => setImmediate(r));
      return { value, warnings };
    })
    .finally(() => process.off('warning', on));
}

describe('a replay miss', () => {
  it('says how to re-record, and lists the same function and operation first, never another function while one exists', async () => {
    writeFileSync(join(dir, 'miss.json'), fileText(recorded));
    const lambda = await openCassette('miss', { dir, mode: 'replay' });
    const client = lambdaClient({ requestHandler: lambda.requestHandler, maxAttempts: 1 });
    const error = await caught(() =>
      client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":8,"items":["A-1"]}' })),
    );
    await lambda.close().catch(() => undefined);
    const miss = [error, error.cause].find((e) => e instanceof CassetteMissError) as CassetteMissError;
    const lines = miss.message.split('\n');
    expect(lines[0]).toMatch(
      /no recorded answer in .*miss\.json for InvokeAsync orders-fn \(us-east-1\) \{"id":8,"items":\["A-1"\]\}$/,
    );
    expect(miss.message).toContain(
      'LAMBDA_CASSETTE_MODE=new-episodes (adds what is missing) or LAMBDA_CASSETTE_MODE=rerecord (starts the cassette afresh)',
    );
    expect(miss.message).toContain(
      'Closest of the 2 recorded orders-fn interaction(s) (3 in the cassette), the same operation first:',
    );
    expect(lines.filter((l) => /^ {2}#\d/.test(l))).toEqual([
      '  #2 InvokeAsync orders-fn (us-east-1) {"id":7,"items":["A-1"]}',
      '  #3 InvokeAsync orders-fn (us-east-1) {"gift":true,"id":9,"items":["B-2","C-3"]}',
    ]);
    expect(miss.message).not.toContain('mailer');
  });

  it('of an Invoke (Event) names the operation once, and lists the same function under its other operation next', async () => {
    writeFileSync(join(dir, 'event-miss.json'), fileText(recorded));
    const lambda = await openCassette('event-miss', { dir, mode: 'replay' });
    const client = lambdaClient({ requestHandler: lambda.requestHandler, maxAttempts: 1 });
    const error = await caught(() =>
      client.send(
        new InvokeCommand({ FunctionName: 'mailer', InvocationType: 'Event', Payload: Buffer.from('{"to":"bob"}') }),
      ),
    );
    await lambda.close().catch(() => undefined);
    const miss = [error, error.cause].find((e) => e instanceof CassetteMissError) as CassetteMissError;
    expect(miss.message).toMatch(/for Invoke \(Event\) mailer \(us-east-1\) \{"to":"bob"\}/);
    expect(miss.message).not.toContain('InvokeAsync Invoke');
    // The InvokeAsync recording of the same function is the useful neighbour (a call migrated to Invoke Event); orders-fn is not.
    expect(miss.message).toContain(
      'Closest of the 1 recorded mailer interaction(s) (3 in the cassette), the same operation first:',
    );
    expect(miss.message).toMatch(
      /#1 InvokeAsync mailer \(us-east-1\) \{"to":"ada@example.com"\}\n\s+differs in: operation InvokeAsync, payload/,
    );
    expect(miss.message).not.toContain('orders-fn');
  });
});

it('under vitest, close() names a miss the test already failed with by its first line only; a swallowed miss stays whole', async () => {
  writeFileSync(join(dir, 'twice.json'), fileText(recorded));
  const attempt = async (errorsOfTest: (miss: Error) => Array<{ message: string }>) => {
    const lambda = await openCassette('twice', { dir, mode: 'replay', allowUnusedInteractions: true });
    const error = await caught(() =>
      lambdaClient({ requestHandler: lambda.requestHandler, maxAttempts: 1 }).send(
        new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":1}' }),
      ),
    );
    const miss = [error, error.cause].find((e) => e instanceof CassetteMissError) as CassetteMissError;
    return { miss, closed: await caught(() => closeAfterTest(lambda, { result: { errors: errorsOfTest(miss) } })) };
  };
  const failed = await attempt((miss) => [{ message: miss.message }]);
  expect(failed.closed).toBeInstanceOf(UnmatchedRequestsError);
  expect(failed.closed.message.split('\n')).toEqual([
    expect.stringMatching(/^lambda-cassette: 1 Lambda invocation request\(s\) found no recorded answer in /),
    `  1. ${failed.miss.message.split('\n')[0]!} (in full in the test's error above)`,
  ]);
  const swallowed = await attempt(() => []);
  expect(swallowed.closed.message).toContain(swallowed.miss.message);
});

it('maxAge under a second is described in milliseconds, not as "0 seconds"', () => {
  expect([describeAge(1), describeAge(999), describeAge(1_000)]).toEqual([
    '1 millisecond',
    '999 milliseconds',
    '1 second',
  ]);
});

describe('mode auto with no cassette file', () => {
  it('says once per file that it records and where to; RecordingIncompleteError counts a retried request once, with its attempts', async () => {
    const upstream = await startUpstream();
    const target = upstream.url;
    await upstream.close();
    const { value: closes, warnings } = await warningsDuring(async () => {
      const results: Error[] = [];
      for (let i = 0; i < 2; i++) {
        const lambda = await openCassette('auto-unreachable', { dir, mode: 'auto', target, allowRecordingInCI: true });
        const client = lambdaClient({ requestHandler: lambda.requestHandler, maxAttempts: 3 });
        results.push(
          await caught(() => client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{}' }))),
        );
        results.push(await caught(() => lambda.close()));
      }
      return results;
    });
    const notices = warnings.filter((w) => (w as { code?: string }).code === 'LC_AUTO_RECORDING');
    expect(notices.map((w) => w.message)).toEqual([
      `lambda-cassette: ${join(dir, 'auto-unreachable.json')} does not exist, so mode "auto" records it: requests go to ${target} and their answers are written at close(). To fail instead, use mode 'replay' (or LAMBDA_CASSETTE_MODE=replay).`,
    ]);
    // The SDK call's own error says what to do next, not only what failed.
    expect(closes[0]!.message).toMatch(
      /^lambda-cassette: could not reach the real endpoint .* Make it reachable, or record from an emulator with the option target: .*mode 'replay'.*mode 'mock'/,
    );
    const closed = closes[1]!;
    expect(closed).toBeInstanceOf(RecordingIncompleteError);
    expect(closed.message).toMatch(/^lambda-cassette: 1 request\(s\) could not reach the real endpoint/);
    expect(closed.message).toMatch(/ {2}1\. orders-fn \(us-east-1\): .*\(3 attempts\)$/);
    expect(existsSync(join(dir, 'auto-unreachable.json'))).toBe(false);
  });
});

describe("mode 'rerecord'", () => {
  it('is in the modes table, and writes only what this run recorded', async () => {
    expect(CASSETTE_MODES).toContain('rerecord');
    expect(MODE_TABLE.rerecord).toMatchObject({
      startsAfresh: true,
      answers: { withCassette: 'record', withoutCassette: 'record' },
    });
    const upstream = await startUpstream();
    try {
      writeFileSync(join(dir, 'afresh.json'), fileText(recorded));
      const lambda = await openCassette('afresh', {
        dir,
        mode: 'rerecord',
        target: upstream.url,
        allowRecordingInCI: true,
      });
      const client = lambdaClient({ requestHandler: lambda.requestHandler, maxAttempts: 1 });
      await client.send(new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7,"items":["A-1"]}' }));
      await lambda.close();
      const written = JSON.parse(readFileSync(join(dir, 'afresh.json'), 'utf8')) as Cassette;
      expect(written.interactions.map((i) => [i.request.functionName, i.request.payload])).toEqual([
        ['orders-fn', { json: { id: 7, items: ['A-1'] } }],
      ]);
      // record, by contrast, keeps what the run did not ask for.
      writeFileSync(join(dir, 'kept.json'), fileText(recorded));
      const keeping = await openCassette('kept', {
        dir,
        mode: 'record',
        target: upstream.url,
        allowRecordingInCI: true,
      });
      await lambdaClient({ requestHandler: keeping.requestHandler, maxAttempts: 1 }).send(
        new InvokeAsyncCommand({ FunctionName: 'orders-fn', InvokeArgs: '{"id":7,"items":["A-1"]}' }),
      );
      await keeping.close();
      expect((JSON.parse(readFileSync(join(dir, 'kept.json'), 'utf8')) as Cassette).interactions).toHaveLength(3);
      expect(existsSync(join(dir, 'afresh.json'))).toBe(true);
    } finally {
      await upstream.close();
    }
  });
});
