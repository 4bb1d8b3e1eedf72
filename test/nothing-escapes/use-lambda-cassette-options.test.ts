/**
 * Checks at open and unhandled requests, for the vitest helper: useLambdaCassette names a misspelt
 * option when the suite is defined, and passes onUnhandledRequest on to each test's double.
 */
import { describe, expect, it } from 'vitest';
import { useLambdaCassette } from '../../src/vitest/index.js';
import { nodeRequest } from '../support/raw-request.js';

describe('useLambdaCassette options', () => {
  it('names an unknown option and the nearest known one, before any test runs', () => {
    expect(() => useLambdaCassette({ mode: 'mock', onUnhandeledRequest: 'bypass' } as never)).toThrow(
      /useLambdaCassette\(\) got an unknown option "onUnhandeledRequest"; did you mean "onUnhandledRequest"/,
    );
  });

  describe('with onUnhandledRequest: a function', () => {
    const seen: string[] = [];
    const lambda = useLambdaCassette({
      mode: 'mock',
      onUnhandledRequest: (request) => {
        seen.push(request.operation);
        throw new Error(`refused ${request.operation}`);
      },
    });

    it("each test's double applies it", async () => {
      const out = await nodeRequest({
        url: 'https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/f',
        method: 'GET',
      });
      expect(out).toMatchObject({ kind: 'error', error: { message: 'refused GetFunction' } });
      expect(seen).toEqual(['GetFunction']);
      expect(lambda.calls).toEqual([]);
    });
  });
});
