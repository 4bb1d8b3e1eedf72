import { AssertionError } from 'node:assert';
import { lazyModule } from '../common/lazy-module.js';
import { callLogNote, type LambdaCall } from './call-log.js';
import { callFilter, namedCalls, ofOperation, type CallOptions } from './call-filter.js';
import { canonicalJson } from '../common/canonical-json.js';
import { functionLabel } from '../wire/lambda-address.js';
import { defaultEquals, depthSafe, forDisplay, type PayloadEquals } from './deep-payloads.js';

const textDiff = lazyModule<typeof import('diff')>('diff');

/** A payload to compare against: a value (deep equality) or a predicate. */
type PayloadExpectation = unknown;

export type { CallOptions } from './call-filter.js';

/** Calls to `fn` in the log, in order (only those of `options.operation`, when given). */
export function callsTo(calls: readonly LambdaCall[], fn: string, options?: CallOptions): LambdaCall[] {
  const applies = callFilter(fn, options);
  return calls.filter(applies);
}

/**
 * Whether a helper called as `(fn, payload?, options?)` was given a payload: a second argument
 * other than `undefined` (`expectInvoked(fn, undefined)` means `expectInvoked(fn)`: no call's
 * payload is ever `undefined`, an empty one is `{}`).
 */
export function givenPayload(argumentCount: number, payload: unknown): boolean {
  return argumentCount > 1 && payload !== undefined;
}

/** Calls to `fn` whose payload matches, when a payload is given. */
export function matchingCalls(
  calls: readonly LambdaCall[],
  fn: string,
  payload?: PayloadExpectation,
  hasPayload = payload !== undefined,
  equals: PayloadEquals = defaultEquals,
  options?: CallOptions,
): LambdaCall[] {
  const toFn = callsTo(calls, fn, options);
  const safe = equals === defaultEquals ? equals : depthSafe(equals);
  return hasPayload ? toFn.filter((c) => safe(c.payload, payload)) : toFn;
}

function summarize(payload: unknown, max = 100): string {
  const text = typeof payload === 'string' ? JSON.stringify(payload) : canonicalJson(payload);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describeCall(call: LambdaCall, index: number): string {
  const fn = functionLabel(call);
  const outcome = call.errorType ? `${call.status} ${call.errorType}` : String(call.status);
  const operation = call.operation === 'Invoke' ? 'Invoke ' : '';
  return `  #${index + 1} ${operation}${fn} (${call.region}, attempt ${call.attempt}) -> ${outcome} [${call.source}] ${summarize(call.payload)}`;
}

/**
 * Said when the log is empty. A test that still mocks the SDK module (the commonest set-up before
 * lambda-cassette) sends nothing, and would otherwise see only "never invoked" with no way on.
 */
const NO_CALLS_REACHED =
  "No InvokeAsync or Invoke call reached this double. A call through a mocked SDK never does: remove any vi.mock or jest.mock of '@aws-sdk/client-lambda', and bind an aws-sdk-client-mock stub with lambda.bindClientMock(stub).";

/** The call log as a readable list, for failure messages. */
export function describeCalls(calls: readonly LambdaCall[]): string {
  const note = callLogNote(calls);
  if (calls.length === 0)
    return note === undefined ? NO_CALLS_REACHED : `No InvokeAsync or Invoke call reached this double. ${note}`;
  const kinds = calls.some((c) => c.operation === 'Invoke') ? 'InvokeAsync and Invoke' : 'InvokeAsync';
  const described = [`${kinds} calls made (${calls.length}):`, ...calls.map(describeCall)];
  if (note !== undefined) described.push(note);
  return described.join('\n');
}

function pretty(value: unknown): string {
  return typeof value === 'string' ? `${JSON.stringify(value)}\n` : `${canonicalJson(value, 2)}\n`;
}

function changedLines(expected: string, actual: string): number {
  return textDiff()
    .diffLines(expected, actual)
    .reduce((n, part) => (part.added || part.removed ? n + (part.count ?? 1) : n), 0);
}

/** A line diff, `-` expected and `+` actual, of the recorded payload closest to the expected one. */
function closestPayloadDiff(calls: readonly LambdaCall[], expected: unknown): string | undefined {
  if (calls.length === 0 || typeof expected === 'function') return undefined;
  const want = pretty(expected);
  let best: { index: number; cost: number; text: string } | undefined;
  calls.forEach((call, index) => {
    const text = pretty(call.payload);
    const cost = changedLines(want, text);
    if (!best || cost < best.cost) best = { index, cost, text };
  });
  const lines: string[] = [];
  for (const part of textDiff().diffLines(want, best!.text)) {
    const mark = part.added ? '+ ' : part.removed ? '- ' : '  ';
    for (const line of part.value.replace(/\n$/, '').split('\n')) lines.push(`    ${mark}${line}`);
  }
  return [`Closest payload (call #${best!.index + 1} to this function), - expected + actual:`, ...lines].join('\n');
}

// Operator 'fail' because Jest rewrites node's AssertionErrors by operator, and for 'fail' alone
// prints just the message; for any other it adds "Expected value ... Received ..." and its own diff.
// vitest diffs `actual` and `expected` when both are set, so they are set only where that diff helps.
function fail(message: string, actual?: unknown, expected?: unknown): never {
  // forDisplay: a payload nested thousands deep would overflow the runner's recursive diff printer.
  throw new AssertionError({ message, actual: forDisplay(actual), expected: forDisplay(expected), operator: 'fail' });
}

/** Throws unless `fn` was invoked (with a matching payload, when given). */
export function expectInvoked(
  calls: readonly LambdaCall[],
  fn: string,
  payload?: PayloadExpectation,
  hasPayload = payload !== undefined,
  options?: CallOptions,
): void {
  if (matchingCalls(calls, fn, payload, hasPayload, defaultEquals, options).length > 0) return;
  const toFn = callsTo(calls, fn, options);
  const parts = [
    hasPayload
      ? `Expected ${namedCalls(fn, options)} to be invoked with ${typeof payload === 'function' ? 'a payload matching the predicate' : summarize(payload, 400)}, but ${toFn.length === 0 ? 'it was never invoked' : 'no call had that payload'}.`
      : `Expected ${namedCalls(fn, options)} to be invoked, but it was not.`,
  ];
  if (hasPayload) {
    const diff = closestPayloadDiff(toFn, payload);
    if (diff) parts.push(diff);
  }
  parts.push(describeCalls(calls));
  // The message has the closest payload's diff; a runner's diff of every payload against one would repeat it.
  fail(parts.join('\n'));
}

/** Throws if `fn` (or, without `fn`, any function) was invoked. */
export function expectNotInvoked(calls: readonly LambdaCall[], fn?: string, options?: CallOptions): void {
  const hits = fn === undefined ? ofOperation(calls, options) : callsTo(calls, fn, options);
  if (hits.length === 0) return;
  const what =
    fn === undefined ? `no ${options?.operation ?? 'InvokeAsync'} call` : `no call to ${namedCalls(fn, options)}`;
  fail(
    `Expected ${what}, but there ${hits.length === 1 ? 'was 1' : `were ${hits.length}`}.\n${describeCalls(calls)}`,
    hits.length,
    0,
  );
}

/** Throws unless `fn` was invoked exactly `n` times (every attempt, retries included). */
export function expectInvokedTimes(calls: readonly LambdaCall[], fn: string, n: number, options?: CallOptions): void {
  const count = callsTo(calls, fn, options).length;
  if (count === n) return;
  fail(
    `Expected ${namedCalls(fn, options)} to be invoked ${n} time(s), but it was invoked ${count} time(s).\n${describeCalls(calls)}`,
    count,
    n,
  );
}
