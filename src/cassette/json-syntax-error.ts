/** Where a JSON text stops being JSON. */
interface JsonSyntaxErrorLocation {
  /** Offset (UTF-16 code units) of the first character that cannot be accepted; the text length for an unexpected end. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Short description, e.g. `unexpected end of file` or `unexpected character "}"`. */
  reason: string;
}

/**
 * Finds the first JSON syntax error in `text`, or undefined when `text` is valid JSON.
 *
 * `JSON.parse` alone is not enough: V8 reports a position for some errors (`... at position 42`) but
 * not others (`Unexpected token 'x', "..." is not valid JSON`), and messages change between Node
 * versions. This small scanner follows RFC 8259 so every error gets a line and column. It only runs
 * after `JSON.parse` has failed, so its speed does not matter.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxErrorLocation | undefined {
  // undefined also when nesting is too deep to scan; callers then fall back to JSON.parse's message.
  const failure = scan(text);
  if (failure === undefined) return undefined;
  const before = text.slice(0, failure.offset);
  const lastNewline = before.lastIndexOf('\n');
  return {
    offset: failure.offset,
    line: before.split('\n').length,
    column: failure.offset - lastNewline,
    reason: failure.reason,
  };
}

class Failure {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

function scan(text: string): Failure | undefined {
  let i = 0;

  // A declaration, not an arrow in a const: only then does TypeScript treat calls as ending the branch.
  function fail(reason?: string): never {
    if (i >= text.length) throw new Failure(text.length, 'unexpected end of file (the file looks truncated)');
    throw new Failure(i, reason ?? `unexpected character ${JSON.stringify(text[i])}`);
  }
  const skipWhitespace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (char: string): void => {
    if (text[i] !== char) fail(`expected ${JSON.stringify(char)} but found ${JSON.stringify(text[i])}`);
    i++;
  };
  const digits = (): void => {
    if (!/[0-9]/.test(text[i] ?? '')) fail();
    while (/[0-9]/.test(text[i] ?? '')) i++;
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      const c = text[i];
      if (c === undefined) fail();
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        const escape = text[i];
        if (escape === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('invalid \\u escape in a string');
            i++;
          }
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
          i++;
        } else {
          fail('invalid escape in a string');
        }
      } else if (c < ' ') {
        fail('control character in a string (line breaks and tabs must be escaped)');
      } else {
        i++;
      }
    }
  };
  const value = (): void => {
    skipWhitespace();
    const c = text[i];
    if (c === '{') {
      i++;
      skipWhitespace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipWhitespace();
        if (text[i] !== '"') fail('expected a property name in double quotes');
        string();
        skipWhitespace();
        expect(':');
        value();
        skipWhitespace();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail('expected "," or "}" after a property value');
      }
    }
    if (c === '[') {
      i++;
      skipWhitespace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skipWhitespace();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail('expected "," or "]" after an array element');
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      if (c === '-') i++;
      if (text[i] === '0') i++;
      else digits();
      if (text[i] === '.') {
        i++;
        digits();
      }
      if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        digits();
      }
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    // A prefix of a literal at the very end ("tr") is a truncation, not a bad character.
    if (c !== undefined && ['true', 'false', 'null'].some((l) => l.startsWith(text.slice(i)))) i = text.length;
    fail(`unexpected character ${JSON.stringify(c)}, expected a JSON value`);
  };

  try {
    value();
    skipWhitespace();
    if (i < text.length) fail('unexpected text after the end of the JSON document');
    return undefined;
  } catch (e) {
    if (e instanceof Failure) return e;
    // Nesting deeper than the stack allows: report no location rather than a second error.
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}
