import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CassetteError, loadCassette, loadCassetteForReplay, serializeCassette } from '../../src/cassette/index.js';
import { sampleCassette } from './support/sample-cassette.js';
import { useTempDir } from './support/temp-dir.js';

const dir = useTempDir();
const valid = serializeCassette(sampleCassette());

let counter = 0;
/** Writes `text` to a fresh cassette file and returns its path. */
async function cassetteFile(text: string | Uint8Array): Promise<string> {
  const file = path.join(dir.path, `case-${++counter}.json`);
  await writeFile(file, text);
  return file;
}

/** Loads `file`, expecting a CassetteError, and checks that loading left the file's bytes alone. */
async function loadError(file: string): Promise<CassetteError> {
  const before = await readFile(file);
  const error = await loadCassette(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(Buffer.compare(await readFile(file), before), 'the file changed').toBe(0);
  expect(error).toBeInstanceOf(CassetteError);
  return error as CassetteError;
}

// The cases below break arbitrary deep parts of the JSON; typing each path would drown the table.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = Record<string, any>;

/** The sample cassette as a plain JSON object, altered by `change`. */
function edited(change: (c: LooseJson) => void): string {
  const c = JSON.parse(valid) as LooseJson;
  change(c);
  return JSON.stringify(c, null, 2);
}

describe('a cassette that is not JSON', () => {
  it('names the file and gives line 1, column 1 for text that is not JSON at all', async () => {
    const file = await cassetteFile('this is not json\n');
    const e = await loadError(file);
    expect(e.code).toBe('LC_CASSETTE_INVALID_JSON');
    expect(e.file).toBe(file);
    expect(e.message).toBe(
      `${file}: not valid JSON at line 1, column 1: unexpected character "t", expected a JSON value`,
    );
  });

  it('points at the line and column of a hand-editing mistake deep in the file', async () => {
    const lines = valid.split('\n');
    const at = lines.findIndex((l) => l.includes('"status": 500'));
    lines[at] = lines[at]!.replace('500', '500 oops');
    const e = await loadError(await cassetteFile(lines.join('\n')));
    expect(e.code).toBe('LC_CASSETTE_INVALID_JSON');
    expect([e.line, e.column]).toEqual([at + 1, lines[at]!.indexOf('oops') + 1]);
    expect(e.message).toContain(`at line ${at + 1}, column ${lines[at]!.indexOf('oops') + 1}: expected "," or "}"`);
  });

  it.each([0.5, 0.1, 0.9])(
    'a file cut at %s of its length is reported as truncated, at its last line',
    async (fraction) => {
      const truncated = valid.slice(0, Math.floor(valid.length * fraction));
      const file = await cassetteFile(truncated);
      const e = await loadError(file);
      expect(e.code).toBe('LC_CASSETTE_INVALID_JSON');
      expect(e.message).toMatch(
        new RegExp(
          `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON at line \\d+, column \\d+: unexpected end of file`,
        ),
      );
      expect(e.line).toBe(truncated.split('\n').length);
    },
  );

  it('an empty file', async () => {
    const e = await loadError(await cassetteFile(''));
    expect(e.code).toBe('LC_CASSETTE_INVALID_JSON');
    expect(e.message).toMatch(/: the file is empty, not a cassette$/);
  });

  it('binary garbage', async () => {
    const e = await loadError(await cassetteFile(Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0xff])));
    expect(e.code).toBe('LC_CASSETTE_INVALID_JSON');
  });
});

describe('a cassette that breaks the schema: the message names the file and the JSON path', () => {
  const cases: [string, string, string][] = [
    [
      'a status that is a string',
      edited((c) => (c.interactions[1].response.status = '500')),
      '/interactions/1/response/status must be integer',
    ],
    [
      'an interaction without its request',
      edited((c) => delete c.interactions[0].request),
      "/interactions/0 must have required property 'request'",
    ],
    [
      'a body with two forms',
      edited((c) => (c.interactions[2].response.body = { json: 1, text: '1' })),
      '/interactions/2/response/body must be a body with exactly one key, {"json": <value>}, {"text": "<string>"} or {"base64": "<bytes>"} (found keys "json", "text")',
    ],
    [
      'a text body that is not a string',
      edited((c) => (c.interactions[1].response.body = { text: 5 })),
      '/interactions/1/response/body/text must be string',
    ],
    [
      'base64 that is not base64',
      edited((c) => (c.interactions[2].request.payload = { base64: 'not base64!' })),
      '/interactions/2/request/payload/base64 must be standard base64 with padding (RFC 4648)',
    ],
    [
      'an upper-case header name',
      edited((c) => (c.interactions[0].response.headers['Content-Type'] = 'text/plain')),
      '/interactions/0/response/headers property name "Content-Type" must match pattern',
    ],
    [
      'a header value that is a number',
      edited((c) => (c.interactions[0].response.headers['x-count'] = 3)),
      '/interactions/0/response/headers/x-count must be string',
    ],
    [
      'a date that does not exist',
      edited((c) => (c.interactions[0].recordedAt = '2026-02-30T00:00:00Z')),
      '/interactions/0/recordedAt must match format "date-time"',
    ],
    [
      'an unknown top-level key',
      edited((c) => (c.tapes = [])),
      '(root) must NOT have additional properties (found "tapes")',
    ],
    [
      'an unknown request key',
      edited((c) => (c.interactions[0].request.headers = {})),
      '/interactions/0/request must NOT have additional properties (found "headers")',
    ],
    ['no version', edited((c) => delete c.version), '/version is missing; it must be a non-negative integer'],
    [
      'a version that is a string',
      edited((c) => (c.version = '1')),
      '/version is "1"; it must be a non-negative integer',
    ],
    ['an array instead of a cassette', '[]', '(root) must be an object (a cassette), found an array'],
    ['no interactions', edited((c) => delete c.interactions), "(root) must have required property 'interactions'"],
  ];

  it.each(cases)('%s', async (_name, text, expected) => {
    const file = await cassetteFile(text);
    const e = await loadError(file);
    expect(e.code).toBe('LC_CASSETTE_SCHEMA');
    expect(e.file).toBe(file);
    expect(e.message.startsWith(`${file}: ${expected}`), e.message).toBe(true);
    expect(e.jsonPath).toBe(expected.startsWith('(root)') ? '' : expected.split(' ')[0]);
  });
});

describe('other load outcomes', () => {
  it('a cassette from a newer lambda-cassette asks for an upgrade, naming both versions', async () => {
    const file = await cassetteFile(
      edited((c) => {
        c.version = 2;
        c.recordedWith.libraryVersion = '3.0.0';
      }),
    );
    const e = await loadError(file);
    expect(e.code).toBe('LC_CASSETTE_FUTURE_VERSION');
    expect(e.message).toMatch(
      /: cassette format version 2 \(written by lambda-cassette 3\.0\.0\) is newer than lambda-cassette \S+ reads \(format version 1\); upgrade lambda-cassette/,
    );
  });

  it('a leading byte-order mark (added by some editors) is accepted', async () => {
    expect(await loadCassette(await cassetteFile(`\uFEFF${valid}`))).toEqual(sampleCassette());
  });

  it('a path that cannot be read is LC_CASSETTE_READ, not "missing"', async () => {
    const file = path.join(dir.path, 'a-directory.json');
    await mkdir(file);
    await expect(loadCassette(file)).rejects.toMatchObject({ code: 'LC_CASSETTE_READ', file });
  });
});

describe('loading for a replay checks each interaction when it is first needed', () => {
  const interactionCases = [
    ['a status that is a string', edited((c) => (c.interactions[1].response.status = '500')), 1],
    ['an interaction without its request', edited((c) => delete c.interactions[0].request), 0],
    ['a body with two forms', edited((c) => (c.interactions[2].response.body = { json: 1, text: '1' })), 2],
    ['base64 that is not base64', edited((c) => (c.interactions[2].request.payload = { base64: 'not base64!' })), 2],
    [
      'an upper-case header name',
      edited((c) => (c.interactions[0].response.headers['Content-Type'] = 'text/plain')),
      0,
    ],
    ['a date that does not exist', edited((c) => (c.interactions[0].recordedAt = '2026-02-30T00:00:00Z')), 0],
  ] as const;

  it.each(interactionCases)(
    '%s: opens, and checking that interaction throws what loading everything throws',
    async (_name, text, bad) => {
      const file = await cassetteFile(text);
      const eager = await loadError(file);
      const lazy = (await loadCassetteForReplay(file))!;
      for (let i = 0; i < lazy.cassette.interactions.length; i++) {
        if (i === bad) continue;
        expect(() => lazy.checkInteraction(i), `interaction ${i}`).not.toThrow();
      }
      const error = (() => {
        try {
          lazy.checkInteraction(bad);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(CassetteError);
      expect(error).toMatchObject({ code: eager.code, file, message: eager.message, jsonPath: eager.jsonPath });
    },
  );

  it('checks ahead of the interaction asked for, quietly: a broken one further on throws only once it is asked for', async () => {
    // Interactions are checked in runs (a replay reads them in order): 40 interactions, the 5th and
    // the 35th broken, asked for in order, then the broken ones again.
    const text = edited((c) => {
      const [first] = c.interactions as LooseJson[];
      c.interactions = Array.from({ length: 40 }, () => structuredClone(first));
      c.interactions[5].response.status = 'broken';
      c.interactions[35].recordedAt = 'yesterday';
    });
    const file = await cassetteFile(text);
    const lazy = (await loadCassetteForReplay(file))!;
    const thrown: number[] = [];
    for (let i = 0; i < 40; i++) {
      try {
        lazy.checkInteraction(i);
      } catch (e) {
        expect(e).toMatchObject({
          code: 'LC_CASSETTE_SCHEMA',
          jsonPath: expect.stringMatching(`^/interactions/${i}/`),
        });
        thrown.push(i);
      }
    }
    expect(thrown).toEqual([5, 35]);
    expect(() => lazy.checkInteraction(5)).toThrow(/\/interactions\/5\/response\/status/);
    expect(() => lazy.checkInteraction(35)).toThrow(/\/interactions\/35\/recordedAt/);
  });

  it.each([
    ['an unknown top-level key', edited((c) => (c.tapes = []))],
    ['no interactions', edited((c) => delete c.interactions)],
    ['interactions that are not an array', edited((c) => (c.interactions = {}))],
    ['a version that is a string', edited((c) => (c.version = '1'))],
  ])('%s: fails at load with the same error', async (_name, text) => {
    const file = await cassetteFile(text);
    const eager = await loadError(file);
    await expect(loadCassetteForReplay(file)).rejects.toMatchObject({
      code: eager.code,
      message: eager.message,
      jsonPath: eager.jsonPath,
    });
  });

  it('a valid cassette loads equal to loadCassette, and a missing file is undefined', async () => {
    const file = await cassetteFile(valid);
    expect((await loadCassetteForReplay(file))!.cassette).toEqual(await loadCassette(file));
    expect(await loadCassetteForReplay(path.join(dir.path, 'none.json'))).toBeUndefined();
  });
});
