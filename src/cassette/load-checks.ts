/**
 * What a loaded cassette must not hold even when the schema allows it, found at load so the error
 * names the file and the place instead of surfacing later, bare, on replay: a recorded payload or
 * body nested deeper than any code that handles it can go (a stack overflow while matching), a
 * response header value with CR or LF (an answer that splits into two HTTP responses on replay),
 * and a stored redact filter that is no JSONPath (replay applies it to every request, matching
 * nothing: the scrubbing it stands for would silently stop).
 */
import type { Body, Cassette } from './cassette-types.generated.js';
import { firstBadJsonPath } from '../common/json-path.js';

/** The deepest nesting of a recorded payload or body that a cassette may hold. */
const MAX_RECORDED_DEPTH = 10_000;

const pointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Whether `value` nests deeper than {@link MAX_RECORDED_DEPTH}: no strings built, since it visits every node of every payload. */
function isTooDeep(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  // Two flat stacks, no pair per node: a replay runs this on each interaction it reads.
  const values: object[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop()!;
    const depth = depths.pop()!;
    if (depth + 1 > MAX_RECORDED_DEPTH) return true;
    if (Array.isArray(v)) {
      for (const child of v as unknown[]) {
        if (child !== null && typeof child === 'object') {
          values.push(child);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    const record = v as Record<string, unknown>;
    for (const key in record) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
      const child = record[key];
      if (child !== null && typeof child === 'object') {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** The JSON Pointer of the first array or object deeper than {@link MAX_RECORDED_DEPTH} in `value`. */
function tooDeep(value: unknown, at: string): string | undefined {
  if (!isTooDeep(value)) return undefined;
  const stack: [unknown, string, number][] = [[value, at, 0]];
  while (stack.length > 0) {
    const [v, where, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > MAX_RECORDED_DEPTH) return where;
    if (Array.isArray(v)) v.forEach((child, i) => stack.push([child, `${where}/${i}`, depth + 1]));
    else
      for (const [key, child] of Object.entries(v as Record<string, unknown>))
        stack.push([child, `${where}/${pointer(key)}`, depth + 1]);
  }
  return undefined;
}

/**
 * The first problem of `cassette` (its JSON Pointer and what is wrong), or undefined. `textLength`
 * is the length of the file's text: one shorter than two characters a level cannot nest that deep,
 * and the depth walk is skipped.
 */
export function firstLoadProblem(cassette: Cassette, textLength = Infinity): LoadProblem | undefined {
  const filters = filtersLoadProblem(cassette);
  if (filters) return filters;
  for (let i = 0; i < cassette.interactions.length; i++) {
    const problem = interactionLoadProblem(cassette, i, textLength);
    if (problem) return problem;
  }
  return undefined;
}

/** What {@link firstLoadProblem} finds in the stored filters: a replay checks them at load, before any interaction. */
export function filtersLoadProblem(cassette: Cassette): LoadProblem | undefined {
  const bad = firstBadJsonPath(cassette.filters?.redact ?? []);
  if (!bad) return undefined;
  return {
    jsonPath: `/filters/redact/${bad.index}`,
    problem: `(${JSON.stringify(bad.path)}) is not a JSONPath lambda-cassette can apply: ${bad.problem}; correct it or remove it from the file`,
  };
}

/** What {@link firstLoadProblem} finds, for one interaction: a replay checks each when it first reads it. */
export function interactionLoadProblem(cassette: Cassette, i: number, textLength = Infinity): LoadProblem | undefined {
  const interaction = cassette.interactions[i]!;
  // JSON Pointers are spelt only for a problem found: a replay checks one interaction every call.
  if (textLength >= 2 * MAX_RECORDED_DEPTH) {
    const deep =
      tooDeepBody(interaction.request.payload, i, 'request/payload') ??
      tooDeepBody(interaction.response.body, i, 'response/body');
    if (deep !== undefined) return deep;
  }
  const { headers } = interaction.response;
  for (const name of Object.keys(headers)) {
    const value: unknown = headers[name];
    if (CR_LF_OR_NUL.test(name) || (typeof value === 'string' && CR_LF_OR_NUL.test(value))) {
      return {
        jsonPath: `/interactions/${i}/response/headers/${pointer(name)}`,
        problem:
          'holds a CR, LF or NUL character, which would split the replayed answer into another HTTP response; remove it from the header (a header value is one line)',
      };
    }
  }
  return undefined;
}

const CR_LF_OR_NUL = /[\r\n\0]/;

/** The problem of a `json` body of interaction `i` nested too deep; `part` is where it is in the interaction. */
function tooDeepBody(holder: Body, i: number, part: string): LoadProblem | undefined {
  if (!('json' in holder) || !isTooDeep(holder.json)) return undefined;
  return {
    jsonPath: tooDeep(holder.json, `/interactions/${i}/${part}/json`)!,
    problem: `is nested more than ${MAX_RECORDED_DEPTH} levels deep, deeper than lambda-cassette can replay; re-record it with a flatter payload, or delete the interaction`,
  };
}

/** A place in a loaded cassette and what is wrong there. */
export interface LoadProblem {
  jsonPath: string;
  problem: string;
}
