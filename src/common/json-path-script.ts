/**
 * The second half of checking a JSONPath option at open (the first is json-path-syntax.ts): the
 * expressions inside filter (`?(...)`) and script (`(...)`) segments. jsonpath-plus compiles those
 * only when it first meets data to run them on, so a broken one would fail in the middle of a
 * recording, as `Unexpected "?" at character 0`, far from the option at fault.
 */
import { lazyModule } from './lazy-module.js';
import { jsonPathProblem } from './json-path-syntax.js';
import { InvalidOptionError } from './seal-errors.js';

const jsonPath = lazyModule<typeof import('jsonpath-plus')>('jsonpath-plus');

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

/** Why a filter or script inside `path` cannot run, or `undefined` when every one compiles. */
export function jsonPathScriptProblem(path: string): string | undefined {
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

/** Throws a TypeError naming `option[i]` and the path when one of `paths` is not a valid JSONPath. */
export function checkJsonPaths(option: string, paths: readonly unknown[] | undefined): void {
  if (paths === undefined) return;
  if (!Array.isArray(paths))
    throw new InvalidOptionError(
      `lambda-cassette: option "${option}" must be an array of JSONPath strings, e.g. ["$.card.number"]`,
    );
  paths.forEach((path, i) => {
    const problem = jsonPathProblem(path) ?? jsonPathScriptProblem(path as string);
    if (problem) {
      throw new InvalidOptionError(
        `lambda-cassette: option "${option}"[${i}] (${JSON.stringify(path)}) is not a valid JSONPath: ${problem}. ` +
          'Write paths like "$.card.number", "$..password" or "$.items[?(@.secret)]".',
      );
    }
  });
}
