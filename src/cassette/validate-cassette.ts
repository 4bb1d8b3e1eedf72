import { CassetteError } from '../common/cassette-errors.js';
import type { Cassette } from './cassette-types.generated.js';
import {
  validateLoad,
  validateLoadInteraction,
  validateLoadShell,
  validateWrite,
} from './cassette-validators.generated.js';
import { isStackOverflow } from '../common/deep-json.js';
import { firstNonJsonInBodies } from './json-value-check.js';

/**
 * The fields of ajv's `ErrorObject` this module reads. Declared here because ajv is only a
 * development dependency (the validators are generated code): nothing at run time imports it.
 */
interface ErrorObject {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  propertyName?: string;
  message?: string;
}

/** A validator as ajv generates it: true or false, and the errors of the last call. */
interface GeneratedValidator {
  (value: unknown, context?: { instancePath: string }): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * The validators are generated from the schema ahead of time (scripts/gen-validators.mjs, `npm run
 * gen`): importing ajv and compiling the schema took longer than loading a large cassette, and every
 * test worker paid it again.
 *
 * Loaded files are checked by `validateLoad`, which skips the recursive `JsonValue` check:
 * everything in a loaded file came out of `JSON.parse`, so every payload and body value is JSON by
 * construction and that check, which visits every node of every payload (four fifths of the time
 * validation took on a large cassette), can only pass. The one value it would refuse, a number too
 * large for a double such as `1e999`, parses to Infinity and is written back as null. Writes keep the
 * full check, since an in-memory cassette can hold anything.
 */
const VALIDATORS: Record<'load' | 'write', GeneratedValidator> = {
  load: validateLoad as GeneratedValidator,
  write: validateWrite as GeneratedValidator,
};

/**
 * Throws a `LC_CASSETTE_SCHEMA` {@link CassetteError} naming `file` and the JSON path at fault when
 * `value` does not follow schema/cassette.schema.json (current format version).
 *
 * @param doing `'load'` for a file read from disk, `'write'` for a cassette about to be written
 * (the message then says the write was refused, since the fault is the caller's, not the file's).
 */
export function validateCassette(value: unknown, file: string, doing: 'load' | 'write'): asserts value is Cassette {
  let validate = VALIDATORS[doing];
  let valid: boolean;
  try {
    valid = validate(value);
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    // A payload too deep for the generated (recursive) JsonValue check: the rest of the schema,
    // then that check without recursion.
    validate = VALIDATORS.load;
    valid = validate(value);
    const bad = valid ? firstNonJsonInBodies(value as Cassette) : undefined;
    if (bad !== undefined) {
      throw new CassetteError(
        'LC_CASSETTE_SCHEMA',
        file,
        `refusing to write an invalid cassette: ${bad} must be a JSON value`,
        { jsonPath: bad },
      );
    }
  }
  if (valid) return;
  throw schemaError(validate, value, file, doing);
}

/**
 * What {@link validateCassette} checks on load, except the interactions: each is checked by
 * {@link validateInteraction} when first needed. Throws as `validateCassette(value, file, 'load')` does.
 */
export function validateCassetteShell(value: unknown, file: string): asserts value is Cassette {
  const validate = validateLoadShell as GeneratedValidator;
  if (!validate(value)) throw schemaError(validate, value, file, 'load');
}

/**
 * Checks `cassette.interactions[position]` of a cassette that passed {@link validateCassetteShell},
 * with the error (file, JSON path, message) that `validateCassette(cassette, file, 'load')` gives
 * when that interaction is the first fault in the file.
 */
export function validateInteraction(cassette: Cassette, position: number, file: string): void {
  const validate = validateLoadInteraction as GeneratedValidator;
  if (!validate(cassette.interactions[position], { instancePath: `/interactions/${position}` }))
    throw schemaError(validate, cassette, file, 'load');
}

/** Whether `cassette.interactions[position]` passes {@link validateInteraction}, without building its error. */
export function interactionFollowsSchema(cassette: Cassette, position: number): boolean {
  return (validateLoadInteraction as GeneratedValidator)(cassette.interactions[position], QUIET);
}

/** The context of a check whose errors are not read: their paths need not name the interaction. */
const QUIET = { instancePath: '' };

function schemaError(
  validate: GeneratedValidator,
  root: unknown,
  file: string,
  doing: 'load' | 'write',
): CassetteError {
  const error = mostSpecific(validate.errors ?? []);
  const jsonPath = error?.instancePath ?? '';
  const problem = error === undefined ? 'does not follow the cassette schema' : describe(error, root);
  return new CassetteError(
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
    case 'format':
      if (params.format === 'base64') return `${where} must be standard base64 with padding (RFC 4648)`;
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
