/**
 * A double left open is caught: the next double to open in another test warns with where the
 * leaked one was opened, the runner integration's afterEach fails the test that left it open (and
 * closes it, so the next test's calls reach their own double, counted here), and the process warns
 * at exit. Under concurrent tests a double is put down to the test the runner names for it, and a
 * double of a test still running is not one left behind.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvokeAsyncCommand } from '@aws-sdk/client-lambda';
import { LeakedDoubleError, mockLambda, type LambdaDouble } from '../../src/index.js';
import { failLeakedDoubles, setTestNameSource } from '../../src/api/leaked-doubles.js';
import { lambdaClient } from '../support/sdk.js';

let test: string | undefined;
const running = new Set<string>();
setTestNameSource(
  () => test,
  (name) => running.has(name),
);
const opened: LambdaDouble[] = [];
afterEach(async () => {
  test = undefined;
  running.clear();
  for (const d of opened.splice(0)) await d.close().catch(() => undefined);
  vi.restoreAllMocks();
});

async function open(): Promise<LambdaDouble> {
  const double = await mockLambda();
  opened.push(double);
  return double;
}

describe('a double left open by a test', () => {
  it('makes the next double to open, in another test, warn with where the first was opened', async () => {
    const warnings: string[] = [];
    vi.spyOn(process, 'emitWarning').mockImplementation(
      ((message: string) => void warnings.push(message)) as typeof process.emitWarning,
    );
    test = 'first';
    await open();
    test = 'second';
    await open();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/mockLambda is still open while another double opens in test "second"/);
    expect(warnings[0]).toContain('leaked-doubles.test.ts');
  });

  it('does not warn about two doubles of one test', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    test = 'together';
    await open();
    await open();
    expect(warn).not.toHaveBeenCalled();
  });

  it("fails the test that left it open, closes it, and the next test's calls reach the next double", async () => {
    vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    test = 'leaky';
    const leaked = await mockLambda();
    const error = await failLeakedDoubles().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeakedDoubleError);
    expect(error).toMatchObject({ code: 'LC_LEAKED_DOUBLE' });
    expect((error as Error).message).toContain('leaked-doubles.test.ts');
    expect(leaked.closed).toBe(true);
    test = 'next';
    const next = await open();
    await lambdaClient().send(new InvokeAsyncCommand({ FunctionName: 'f', InvokeArgs: '{}' }));
    expect([leaked.calls.length, next.calls.length]).toEqual([0, 1]);
    await expect(failLeakedDoubles()).rejects.toBeInstanceOf(LeakedDoubleError);
  });

  it('passes a test that closed its doubles', async () => {
    test = 'tidy';
    const double = await mockLambda();
    await double.close();
    await expect(failLeakedDoubles()).resolves.toBeUndefined();
  });

  it('does not warn about the double of a test still running beside the one that opens another', async () => {
    const warnings: string[] = [];
    vi.spyOn(process, 'emitWarning').mockImplementation(
      ((message: string) => void warnings.push(message)) as typeof process.emitWarning,
    );
    running.add('a').add('b');
    test = 'a';
    await open();
    test = 'b';
    await open();
    expect(warnings).toEqual([]);
    // Once "a" is over, its double is one left behind.
    running.delete('a');
    test = 'c';
    await open();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/still open while another double opens in test "c"/);
  });

  it('fails the test its runner names, closing only the doubles that test opened', async () => {
    vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    running.add('a').add('b');
    test = 'a';
    const ofA = await open();
    test = 'b';
    const ofB = await open();
    // The current test, as the runner's shared state says, is "b"; the hook is "a"'s.
    await expect(failLeakedDoubles('a')).rejects.toThrow(/still open at the end of test "a"/);
    expect([ofA.closed, ofB.closed]).toEqual([true, false]);
    // Told the test runs concurrently, the failure names the likely cause: one shared variable.
    const error = await failLeakedDoubles('b', true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeakedDoubleError);
    expect((error as Error).message).toMatch(/block\. This test runs concurrently: if a beforeEach assigns/);
  });
});
