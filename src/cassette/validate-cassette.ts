import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../schema/cassette.schema.json' with { type: 'json' };
import { CassetteError } from './cassette-error.js';
import type { Cassette } from './cassette-types.generated.js';

// Compiling the schema costs milliseconds; every load and write reuses one compiled validator.
let compiled: ValidateFunction<Cassette> | undefined;

function validator(): ValidateFunction<Cassette> {
  if (compiled === undefined) {
    // allErrors stays off: the first problem is the one worth fixing, and it is much faster on
    // big cassettes. Strict mode catches mistakes in the schema itself at compile time.
    const ajv = new Ajv({ allErrors: false, strict: true });
    // ajv-formats is not a dependency; "date-time" is the only format the schema uses.
    ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
    compiled = ajv.compile<Cassette>(schema);
  }
  return compiled;
}

/**
 * Throws a `LC_CASSETTE_SCHEMA` {@link CassetteError} naming `file` and the JSON path at fault when
 * `value` does not follow schema/cassette.schema.json (current format version).
 *
 * @param doing `'load'` for a file read from disk, `'write'` for a cassette about to be written
 * (the message then says the write was refused, since the fault is the caller's, not the file's).
 */
export function validateCassette(value: unknown, file: string, doing: 'load' | 'write'): asserts value is Cassette {
  const validate = validator();
  if (validate(value)) return;
  const error = mostSpecific(validate.errors ?? []);
  const jsonPath = error?.instancePath ?? '';
  const problem = error === undefined ? 'does not follow the cassette schema' : describe(error, value);
  throw new CassetteError(
    'LC_CASSETTE_SCHEMA',
    file,
    doing === 'load' ? problem : `refusing to write an invalid cassette: ${problem}`,
    { jsonPath },
  );
}

/**
 * The error to show. Without allErrors ajv stops at the first failing keyword, except inside
 * `oneOf` (a Body), where it reports every branch's failure and then the oneOf itself. The deepest
 * one is the most useful (`/body/text must be string` beats "must match exactly one schema");
 * when all are at the same depth the oneOf error, described in {@link describe}, is clearest.
 */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const depth = (e: ErrorObject): number => (e.instancePath === '' ? 0 : e.instancePath.split('/').length - 1);
  let best: ErrorObject | undefined;
  for (const e of errors) {
    if (best === undefined || depth(e) > depth(best) || (depth(e) === depth(best) && e.keyword === 'oneOf')) best = e;
  }
  return best;
}

function describe(error: ErrorObject, root: unknown): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'oneOf':
      return (
        `${where} must be a body with exactly one key, {"json": <value>}, {"text": "<string>"} or ` +
        `{"base64": "<bytes>"} (found ${summarize(at(root, error.instancePath))})`
      );
    case 'additionalProperties':
      return `${where} must NOT have additional properties (found ${JSON.stringify(params.additionalProperty)})`;
    case 'pattern':
      // propertyNames failures (an upper-case header name) carry the offending name.
      if (error.propertyName !== undefined) {
        return `${where} property name ${JSON.stringify(error.propertyName)} ${error.message ?? 'is invalid'}`;
      }
      return `${where} ${error.message ?? 'is invalid'}`;
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

function summarize(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'an array';
  if (typeof data !== 'object') return typeof data;
  const keys = Object.keys(data);
  return keys.length === 0 ? 'no keys' : `keys ${keys.map((k) => JSON.stringify(k)).join(', ')}`;
}

/** The value at a JSON Pointer, or undefined. */
function at(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** RFC 3339 date-time (what JSON Schema's "date-time" format means), with real calendar checks. */
function isDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (m === null) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offH = 0, offM = 0] = m
    .slice(1)
    .map((x) => (x === undefined ? 0 : Number(x)));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  // Second 60 is a leap second, which RFC 3339 allows.
  return day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 60 && offH <= 23 && offM <= 59;
}
