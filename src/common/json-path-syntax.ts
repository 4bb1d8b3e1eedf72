/**
 * A syntax check for the JSONPath expressions users write in options (`ignore`, `redact`).
 * jsonpath-plus evaluates almost anything (`$[`, `$.a..`, a bare `sentAt`) without complaint and
 * simply matches nothing, which would turn a typo into a cassette that silently stops matching; this
 * check refuses such expressions at open, with the reason.
 */

// One step after `$`: `.name`, `..name`, `.*`, `..*`, `[selector]` or `..[selector]`.
const STEP =
  /^(?:\.\.?(?:[A-Za-z_$][\w$-]*|\*)|(?:\.\.)?\[(?:\*|-?\d+(?:\s*,\s*-?\d+)*|-?\d*:-?\d*(?::-?\d+)?|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\?\(.+?\)|\(.+?\))\])/;

/** Why `path` is not a JSONPath this library accepts, or `undefined` when it is one. */
export function jsonPathProblem(path: unknown): string | undefined {
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
