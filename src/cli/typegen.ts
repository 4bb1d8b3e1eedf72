/**
 * `lambda-cassette typegen`: payload types per function from JSON Schemas (one
 * `<function-name>.schema.json` per function), registered with lambda-cassette so the helpers and
 * matchers type-check payloads. `--infer` derives schemas from the payloads recorded in cassettes.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeBody, loadCassette, type Interaction } from '../cassette/index.js';
import { parseJsonBody } from '../wire/parse-request.js';
import type { CliIo } from './cli-io.js';
import { cassettePaths } from './cassette-paths.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';
import { DEFAULT_CASSETTES_DIR, DEFAULT_OUT, DEFAULT_SCHEMAS_DIR } from './defaults.js';
import { inferSchema } from './infer-schema.js';
import {
  isFunctionName,
  payloadTypesSource,
  readSchemaDir,
  SCHEMA_SUFFIX,
  type PayloadSchema,
} from './payload-types-source.js';
import { UsageError } from '../common/cli-errors.js';

interface TypegenOptions {
  schemas?: string;
  /** File to write, or `-` for stdout. */
  out?: string;
  infer?: boolean;
  cassettes?: string;
  /** With `--infer`: also write each inferred schema to the schemas folder (never over an existing one). */
  saveSchemas?: boolean;
  /** Do not write; exit 1 when the output file is missing or differs. */
  check?: boolean;
}

const isDir = (p: string) =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** A RequestResponse answer's JSON result, when the function succeeded and answered JSON. */
function recordedResult(interaction: Interaction): { ok: true; value: unknown } | undefined {
  const { request, response } = interaction;
  if (
    request.invocationType !== 'RequestResponse' ||
    response.status !== 200 ||
    response.headers['x-amz-function-error'] !== undefined
  )
    return undefined;
  const json = parseJsonBody(decodeBody(response.body));
  return json.ok ? json : undefined;
}

/** Recorded JSON payloads (and RequestResponse results) per function name, from every cassette under `dir`. */
async function recordedPayloads(
  dir: string,
): Promise<{ payloads: Map<string, unknown[]>; results: Map<string, unknown[]>; skipped: number; cassettes: number }> {
  const files = await cassettePaths([dir]);
  const payloads = new Map<string, unknown[]>();
  const results = new Map<string, unknown[]>();
  let skipped = 0;
  for (const file of files) {
    const cassette = (await loadCassette(file))!;
    for (const interaction of cassette.interactions) {
      const { request } = interaction;
      const result = recordedResult(interaction);
      if (result) results.set(request.functionName, [...(results.get(request.functionName) ?? []), result.value]);
      if (!('json' in request.payload)) {
        skipped++;
        continue;
      }
      const list = payloads.get(request.functionName) ?? [];
      list.push(request.payload.json);
      payloads.set(request.functionName, list);
    }
  }
  return { payloads, results, skipped, cassettes: files.length };
}

/** Result schemas inferred from the RequestResponse answers recorded under `dir`. */
async function inferredResults(dir: string): Promise<PayloadSchema[]> {
  const { results, cassettes } = await recordedPayloads(dir);
  return [...results]
    .filter(([functionName]) => isFunctionName(functionName))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([functionName, samples]) => ({
      functionName,
      schema: { ...inferSchema(samples) },
      origin: `inferred from ${samples.length} result(s) in ${cassettes} cassette(s) under ${dir}`,
    }));
}

async function inferred(
  options: Required<Pick<TypegenOptions, 'cassettes' | 'schemas'>> & TypegenOptions,
  known: ReadonlySet<string>,
  io: CliIo,
): Promise<PayloadSchema[]> {
  const { payloads, skipped, cassettes } = await recordedPayloads(options.cassettes);
  if (skipped > 0) io.err(`typegen: ${skipped} recorded payload(s) are not JSON and were left out of the inference\n`);
  const out: PayloadSchema[] = [];
  for (const [functionName, samples] of [...payloads].sort(([a], [b]) => a.localeCompare(b))) {
    if (known.has(functionName) || !isFunctionName(functionName)) continue; // a hand-written schema wins
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      description: `Inferred by lambda-cassette typegen from ${samples.length} payload(s) recorded in ${options.cassettes}; edit as needed.`,
      ...inferSchema(samples),
    };
    let origin = `inferred from ${samples.length} payload(s) in ${cassettes} cassette(s) under ${options.cassettes}`;
    if (options.saveSchemas) {
      const file = path.join(options.schemas, `${functionName}${SCHEMA_SUFFIX}`);
      await mkdir(options.schemas, { recursive: true });
      await writeFile(file, `${JSON.stringify(schema, null, 2)}\n`, { flag: 'wx' });
      origin = `${file} (inferred)`;
    }
    out.push({ functionName, schema, origin });
  }
  return out;
}

/** The command that regenerates `out` as this run would check it (the flags that shape the result, --check dropped). */
function rerun(options: TypegenOptions, out: string, infer: boolean): string {
  const flags = [
    infer ? '--infer' : '',
    options.schemas ? `--schemas ${options.schemas}` : '',
    infer && options.cassettes ? `--cassettes ${options.cassettes}` : '',
    out !== DEFAULT_OUT ? `--out ${out}` : '',
  ];
  return ['lambda-cassette typegen', ...flags.filter(Boolean)].join(' ');
}

export async function typegenCommand(options: TypegenOptions, io: CliIo): Promise<number> {
  const schemasDir = options.schemas ?? DEFAULT_SCHEMAS_DIR;
  const cassettesDir = options.cassettes ?? DEFAULT_CASSETTES_DIR;
  const out = options.out ?? DEFAULT_OUT;
  if (options.saveSchemas && !options.infer) throw new UsageError('--save-schemas only makes sense with --infer');
  if (options.cassettes !== undefined && !options.infer)
    throw new UsageError('--cassettes only makes sense with --infer');
  if (options.check && out === '-')
    throw new UsageError('--check compares with an output file; it cannot be used with --out -');

  const hasSchemaDir = await isDir(schemasDir);
  // A file generated with --infer is only reproduced with --infer: say so rather than call it stale.
  const inferredBefore =
    !options.infer && out !== '-' && /: inferred from \d+ payload/.test(await readFile(out, 'utf8').catch(() => ''));
  const withInfer = inferredBefore ? ` (${out} was generated with --infer: run ${rerun(options, out, true)})` : '';
  if (!hasSchemaDir && !options.infer) {
    throw new UsageError(
      `${schemasDir}: no such folder. Put one <function-name>${SCHEMA_SUFFIX} per function there (or pass --schemas DIR), or use --infer${withInfer}`,
    );
  }
  if (options.infer && !(await isDir(cassettesDir)))
    throw new UsageError(`${cassettesDir}: no such folder of cassettes (pass --cassettes DIR)`);

  const written = hasSchemaDir ? await readSchemaDir(schemasDir) : [];
  const known = new Set(written.map((s) => s.functionName));
  const schemas = options.infer
    ? [...written, ...(await inferred({ ...options, schemas: schemasDir, cassettes: cassettesDir }, known, io))]
    : written;
  if (schemas.length === 0) {
    io.err(
      options.infer
        ? `typegen: nothing to generate: no *${SCHEMA_SUFFIX} in ${schemasDir} and no JSON payloads recorded under ${cassettesDir}\n`
        : `typegen: nothing to generate: no *${SCHEMA_SUFFIX} files in ${schemasDir}\n`,
    );
    return EXIT_FINDINGS;
  }

  const results = options.infer ? await inferredResults(cassettesDir) : [];
  const source = await payloadTypesSource(schemas, hasSchemaDir ? schemasDir : process.cwd(), results);
  if (out === '-') {
    io.out(source);
    return EXIT_OK;
  }
  const names = schemas
    .map((s) => s.functionName)
    .sort()
    .join(', ');
  if (options.check) {
    const current = await readFile(out, 'utf8').catch(() => undefined);
    if (current === source) {
      io.out(`${out} is up to date (${names})\n`);
      return EXIT_OK;
    }
    io.out(
      `${out} is ${current === undefined ? 'missing' : 'stale'}: run ${rerun(options, out, options.infer === true)} and commit the result${withInfer}\n`,
    );
    return EXIT_FINDINGS;
  }
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await writeFile(out, source);
  io.out(
    `wrote ${out}: payload types for ${names}${results.length > 0 ? `; result types for ${results.map((r) => r.functionName).join(', ')}` : ''}\n`,
  );
  return EXIT_OK;
}
