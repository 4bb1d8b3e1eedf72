/**
 * A JSON Schema from sample JSON values, honest about what the samples show and nothing more:
 * - each value's JSON type (`integer` for whole numbers; `number` once any sample has a fraction);
 * - objects list every key seen; a key is `required` only when every sample object has it; no
 *   other keys are allowed (`additionalProperties: false`): none was seen;
 * - an array's items are the union of every element's schema, across all samples; an array that
 *   was always empty says nothing about its items;
 * - values of different types give an `anyOf` of each type's merged schema.
 */

/** The subset of JSON Schema the inference produces. */
interface InferredSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';
  properties?: Record<string, InferredSchema>;
  required?: string[];
  additionalProperties?: false;
  items?: InferredSchema;
  anyOf?: InferredSchema[];
}

type TypeName = NonNullable<InferredSchema['type']>;
const TYPE_ORDER: readonly TypeName[] = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'];

function schemaOf(value: unknown): InferredSchema {
  if (value === null) return { type: 'null' };
  if (Array.isArray(value)) {
    const items = mergeAll(value.map(schemaOf));
    return items ? { type: 'array', items } : { type: 'array' };
  }
  switch (typeof value) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: Number.isInteger(value) ? 'integer' : 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object': {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      return {
        type: 'object',
        properties: Object.fromEntries(keys.map((k) => [k, schemaOf(record[k])])),
        required: keys,
        additionalProperties: false,
      };
    }
    default:
      throw new TypeError(`not a JSON value: ${typeof value}`);
  }
}

function branches(schema: InferredSchema): InferredSchema[] {
  return schema.anyOf ? schema.anyOf : [schema];
}

function mergeSameType(a: InferredSchema, b: InferredSchema): InferredSchema {
  if (a.type === 'object') {
    const keys = [...new Set([...Object.keys(a.properties ?? {}), ...Object.keys(b.properties ?? {})])].sort();
    const properties: Record<string, InferredSchema> = {};
    for (const key of keys) {
      const pa = a.properties?.[key];
      const pb = b.properties?.[key];
      properties[key] = pa && pb ? merge(pa, pb) : (pa ?? pb)!;
    }
    const inB = new Set(b.required ?? []);
    return {
      type: 'object',
      properties,
      required: (a.required ?? []).filter((k) => inB.has(k)),
      additionalProperties: false,
    };
  }
  if (a.type === 'array') {
    const items = a.items && b.items ? merge(a.items, b.items) : (a.items ?? b.items);
    return items ? { type: 'array', items } : { type: 'array' };
  }
  return a;
}

function merge(a: InferredSchema, b: InferredSchema): InferredSchema {
  const byType = new Map<TypeName, InferredSchema>();
  for (const branch of [...branches(a), ...branches(b)]) {
    const type = branch.type!;
    const seen = byType.get(type);
    byType.set(type, seen ? mergeSameType(seen, branch) : branch);
  }
  // An integer is a number: once both were seen, the number branch covers both.
  if (byType.has('integer') && byType.has('number')) byType.delete('integer');
  const merged = TYPE_ORDER.filter((t) => byType.has(t)).map((t) => byType.get(t)!);
  return merged.length === 1 ? merged[0]! : { anyOf: merged };
}

function mergeAll(schemas: readonly InferredSchema[]): InferredSchema | undefined {
  return schemas.reduce<InferredSchema | undefined>((acc, s) => (acc ? merge(acc, s) : s), undefined);
}

/** The schema of `samples` (at least one JSON value). */
export function inferSchema(samples: readonly unknown[]): InferredSchema {
  const schema = mergeAll(samples.map(schemaOf));
  if (!schema) throw new RangeError('inferSchema needs at least one sample');
  return schema;
}
