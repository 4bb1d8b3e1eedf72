/**
 * lambda-cassette/matchers with Jest's own `expect` (the `expect` package Jest 30 uses), outside
 * vitest: the matchers work in any runner's `expect.extend`, and a failure's message carries the
 * payload diff, since Jest prints a custom matcher's message and nothing else.
 */
import { describe, expect as vitestExpect, it } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { expect } from 'expect';
import { lambdaMatchers } from '../../src/matchers/index.js';
import { lambdaMatchers as vitestMatchers } from '../../src/matchers/lambda-matchers.js';
import type { InvokeAsyncCall } from '../../src/engine/call-log.js';

// Typed by the `declare module 'expect'` augmentation in src/jest/index.ts, as users' projects are.
expect.extend(lambdaMatchers);

const call = (functionName: string, payload: unknown): InvokeAsyncCall =>
  ({ functionName, payload, region: 'us-east-1', attempt: 1, status: 202, source: 'mock' }) as InvokeAsyncCall;
const double = { calls: [call('orders-fn', { id: 7, qty: 1 }), call('mailer', 'plain text')] };

function messageOf(assertion: () => void): string {
  try {
    assertion();
  } catch (e) {
    // Colours, should the environment force them, are not what is tested.
    return stripVTControlCharacters((e as Error).message);
  }
  throw new Error('expected the matcher to fail');
}

describe('lambda-cassette/matchers in a Jest-compatible expect', () => {
  it('pass, and .not, on what happened, asymmetric matchers included', () => {
    expect(double).toHaveInvokedAsync('orders-fn');
    expect(double).toHaveInvokedAsyncWith('orders-fn', expect.objectContaining({ id: 7 }));
    expect(double).toHaveInvokedAsyncTimes('orders-fn', 1);
    expect(double).toHaveInvokedAsyncNthWith(2, 'mailer', expect.stringMatching(/^plain/));
    expect(double).not.toHaveInvokedAsync('billing');
    expect(double).not.toHaveInvokedAsyncWith('orders-fn', { id: 8 });
  });

  it('write the payload diff into the message of a failure', () => {
    const message = messageOf(() => expect(double).toHaveInvokedAsyncWith('orders-fn', { id: 7, qty: 2 }));
    vitestExpect(message).toContain(
      'expected "orders-fn" to be invoked with {"id": 7, "qty": 2}, but no call had that payload',
    );
    vitestExpect(message).toContain('#1 orders-fn (us-east-1, attempt 1) -> 202 [mock] {"id":7,"qty":1}');
    vitestExpect(message).toMatch(
      /- Expected\n\+ Received\n\n {2}Object \{\n {4}"id": 7,\n- {3}"qty": 2,\n\+ {3}"qty": 1,\n {2}\}/,
    );
    vitestExpect(messageOf(() => expect(double).toHaveInvokedAsyncNthWith(2, 'mailer', 'other text'))).toMatch(
      /- Expected\n\+ Received\n\n- other text\n\+ plain text/,
    );
  });

  it('leave the diff out of a failed .not (the payload matched) and of messages with nothing to compare', () => {
    const negated = messageOf(() => expect(double).not.toHaveInvokedAsyncWith('orders-fn', { id: 7, qty: 1 }));
    vitestExpect(negated).toContain('expected "orders-fn" not to be invoked with');
    vitestExpect(negated).not.toContain('- Expected');
    vitestExpect(messageOf(() => expect(double).toHaveInvokedAsync('billing'))).not.toContain('- Expected');
  });

  it('are the same matchers vitest gets unwrapped, leaving the diff to vitest', () => {
    vitestExpect(Object.keys(lambdaMatchers)).toEqual(Object.keys(vitestMatchers));
    const context = { isNot: false, equals: () => false, utils: { stringify: JSON.stringify, diff: () => 'DIFF' } };
    const raw = vitestMatchers.toHaveInvokedAsyncWith.call(context, double, 'orders-fn', { id: 8 });
    vitestExpect(raw).toMatchObject({ pass: false, actual: { id: 7, qty: 1 }, expected: { id: 8 } });
    vitestExpect(raw.message()).not.toContain('DIFF');
    const wrapped = lambdaMatchers.toHaveInvokedAsyncWith.call(context, double, 'orders-fn', { id: 8 });
    vitestExpect(wrapped).not.toHaveProperty('actual');
    vitestExpect(wrapped.message()).toMatch(/\n\nDIFF$/);
  });
});
