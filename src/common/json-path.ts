/**
 * The one place JSONPath expressions are checked and run: the `ignore` and `redact` options, the
 * filters a cassette stores, and `lambda-cassette redact --path` all go through it, so what one of
 * them accepts every other one can run. jsonpath-plus evaluates almost anything (`$[`, `$.a..`, a
 * bare `sentAt`) without complaint and simply matches nothing, which would turn a typo into a
 * cassette that silently stops matching or scrubbing; the check refuses such expressions with the
 * reason. Filter (`?(...)`) and script (`(...)`) segments are compiled too: jsonpath-plus compiles
 * them only when it first meets data, so a broken one would otherwise fail in the middle of a
 * recording, as `Unexpected "?" at character 0`, far from the option at fault.
 */
import { lazyModule } from './lazy-module.js';
import { InvalidOptionError } from './seal-errors.js';

const jsonPath = lazyModule<typeof import('jsonpath-plus')>('jsonpath-plus');

/** What a JSONPath looks like, for messages. */
export const JSON_PATH_EXAMPLES = '"$.card.number", "$..password" or "$.items[?(@.secret)]"';

// One step after `$`: `.name`, `..name`, `.*`, `..*`, `[selector]` or `..[selector]`.
const STEP =
  /^(?:\.\.?(?:[A-Za-z_$][\w$-]*|\*)|(?:\.\.)?\[(?:\*|-?\d+(?:\s*,\s*-?\d+)*|-?\d*:-?\d*(?::-?\d+)?|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\?\(.+?\)|\(.+?\))\])/;

function syntaxProblem(path: unknown): string | undefined {
  if (typeof path !== 'string') return `expected a string, got ${path === null ? 'null' : typeof path}`;
  if (!path.startsWith('$')) return 'a JSONPath starts at the payload\'s root, "$" (e.g. "$.sentAt" or "$..traceId")';
  if (path === '$') return '"$" is the whole payload; name a field in it (e.g. "$.sentAt")';
  let rest = path.slice(1);
  while (rest.length > 0) {
    const step = STEP.exec(rest);
    if (!step) return `cannot read it from "${rest}" on (expected ".name", "..name", "[*]", "[0]" or "['key']")`;
    rest = rest.slice(step[0].length);
  }
  return undefined;
}

type SafeScriptClass = new (code: string) => unknown;

// The same substitutions jsonpath-plus makes before it compiles a script segment.
function scriptOf(segment: string): string | undefined {
  const code = /^\?\(([\s\S]*)\)$/.exec(segment)?.[1] ?? /^\(([\s\S]*)\)$/.exec(segment)?.[1];
  if (code === undefined) return undefined;
  return code
    .replaceAll('@parentProperty', '_$_parentProperty')
    .replaceAll('@parent', '_$_parent')
    .replaceAll('@property', '_$_property')
    .replaceAll('@root', '_$_root')
    .replaceAll('@path', '_$_path')
    .replaceAll(/@([.\s)[])/gu, '_$_v$1');
}

function scriptProblem(path: string): string | undefined {
  const { JSONPath } = jsonPath();
  let segments: string[];
  try {
    segments = JSONPath.toPathArray(path);
  } catch (e) {
    return (e as Error).message;
  }
  const SafeScript = (JSONPath.prototype as unknown as { safeVm: { Script: SafeScriptClass } }).safeVm.Script;
  for (const segment of segments) {
    const code = scriptOf(segment);
    if (code === undefined) continue;
    try {
      new SafeScript(code);
    } catch (e) {
      return `${(e as Error).message} in "${segment}"`;
    }
  }
  // A last run over a document with one of everything catches what parsing alone lets through.
  try {
    JSONPath({ path, json: { a: [{ b: 1, c: 'x' }], d: { e: null } }, resultType: 'all', callback: () => undefined });
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}

/** Why `path` is not a JSONPath this library accepts, or `undefined` when it is one. */
export function jsonPathProblem(path: unknown): string | undefined {
  return syntaxProblem(path) ?? scriptProblem(path as string);
}

/** The first entry of `paths` that is not a JSONPath: its index, the entry and why; undefined when all are. */
export function firstBadJsonPath(
  paths: readonly unknown[],
): { index: number; path: unknown; problem: string } | undefined {
  for (let index = 0; index < paths.length; index++) {
    const problem = jsonPathProblem(paths[index]);
    if (problem !== undefined) return { index, path: paths[index], problem };
  }
  return undefined;
}

/**
 * Checks a JSONPath-list option (`ignore`, `redact`) at open.
 * @param example how the option is written, for the message when it is not an array.
 * @throws {InvalidOptionError} naming `option[i]`, the path and why it is refused.
 */
export function checkJsonPathOption(
  option: string,
  paths: unknown,
  example = `${option}: ['$.card.number']`,
): asserts paths is readonly string[] | undefined {
  if (paths === undefined) return;
  if (!Array.isArray(paths))
    throw new InvalidOptionError(
      `lambda-cassette: option "${option}" must be an array of JSONPath strings, e.g. ${example}`,
    );
  const bad = firstBadJsonPath(paths);
  if (bad)
    throw new InvalidOptionError(
      `lambda-cassette: option "${option}"[${bad.index}] (${JSON.stringify(bad.path)}) is not a valid JSONPath: ${bad.problem}. ` +
        `Write paths like ${JSON_PATH_EXAMPLES}.`,
    );
}

/** One place a JSONPath matched: its value, and where it sits (`parent` is null for the root). */
export interface JsonPathHit {
  value: unknown;
  parent: Record<string | number, unknown> | unknown[] | null;
  parentProperty: string | number;
}

/**
 * Calls `visit` with each place `path` matches in `json`, as it is found: a visit that replaces a
 * value keeps the walk out of what it replaced.
 */
export function forEachJsonPathHit(json: object, path: string, visit: (hit: JsonPathHit) => void): void {
  jsonPath().JSONPath({ path, json, resultType: 'all', callback: visit });
}
