import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError } from '../../src/cassette/json-syntax-error.js';
import { serializeCassette } from '../../src/cassette/index.js';
import { sampleCassette } from './support/sample-cassette.js';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('locating a JSON syntax error', () => {
  it.each([
    ['{"a":1', 1, 7, 'unexpected end of file (the file looks truncated)'],
    ['{\n  "a": tru', 2, 11, 'unexpected end of file (the file looks truncated)'],
    ['{\n  "a": 1,\n}', 3, 1, 'expected a property name in double quotes'],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ['[1 2]', 1, 4, 'expected "," or "]" after an array element'],
    ['"line\nbreak"', 1, 6, 'control character in a string (line breaks and tabs must be escaped)'],
    ['"\\x"', 1, 3, 'invalid escape in a string'],
    ['01', 1, 2, 'unexpected text after the end of the JSON document'],
    ['{"a": nul}', 1, 7, 'unexpected character "n", expected a JSON value'],
  ])('%j: line %i, column %i', (text, line, column, reason) => {
    expect(parses(text)).toBe(false);
    expect(locateJsonSyntaxError(text)).toMatchObject({ line, column, reason });
  });

  it('agrees with JSON.parse on what is valid, for single-character deletions all over a real cassette', () => {
    const text = serializeCassette(sampleCassette());
    expect(locateJsonSyntaxError(text)).toBeUndefined();
    for (let i = 0; i < text.length; i += 3) {
      const broken = text.slice(0, i) + text.slice(i + 1);
      expect(locateJsonSyntaxError(broken) === undefined, `deleting offset ${i}`).toBe(parses(broken));
    }
  });
});
