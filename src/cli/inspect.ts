/**
 * `lambda-cassette inspect <cassette>`: what a cassette holds, one row per interaction. The cassette
 * is a file, or a name inside --dir as `serve` takes it.
 */
import Table from 'cli-table3';
import { decodeBody, loadCassette, type Body, type Cassette, type Interaction } from '../cassette/index.js';
import { canonicalJson } from '../common/canonical-json.js';
import { errorTypeOf } from '../engine/call-log.js';
import type { CliIo, Colors } from './cli-io.js';
import { EXIT_OK } from './exit-codes.js';
import { oneCassetteFile } from './cassette-paths.js';

interface InspectOptions {
  /** Print the rows as JSON instead of a table. */
  json?: boolean;
  /** Widest payload summary, in characters (default 60). */
  width?: number;
  /** Folder a cassette name is resolved in (default "cassettes"). */
  dir?: string;
}

/** One table row: what a reader of the cassette wants to know about an interaction. */
interface InteractionSummary {
  index: number;
  /** Set for an Invoke Event interaction; absent for InvokeAsync. */
  operation?: 'Invoke';
  functionName: string;
  qualifier?: string;
  payload: string;
  status: number;
  errorType?: string;
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text;
}

/** A one-line summary of a payload: compact JSON, a quoted string, or the size of binary bytes. */
function summarizeBody(body: Body, width: number): string {
  if ('json' in body) return truncate(canonicalJson(body.json), width);
  if ('text' in body) return truncate(`${JSON.stringify(body.text)} (text)`, width);
  return `<${decodeBody(body).byteLength} bytes, binary>`;
}

/** The error name the SDK would raise: `x-amzn-ErrorType`, else the body's `code` or `__type`. */
function errorTypeOfResponse(response: Interaction['response']): string | undefined {
  const fromHeader = errorTypeOf(response.headers);
  if (fromHeader) return fromHeader;
  if (response.status < 300 || !('json' in response.body)) return undefined;
  const body = response.body.json as Record<string, unknown> | null;
  const name = body && typeof body === 'object' ? (body['code'] ?? body['__type']) : undefined;
  return typeof name === 'string' ? name.split('#').at(-1) : undefined;
}

/** The rows `inspect` prints. */
export function summarizeCassette(cassette: Cassette, width = 60): InteractionSummary[] {
  return cassette.interactions.map((interaction, i) => {
    const row: InteractionSummary = {
      index: i + 1,
      functionName: interaction.request.functionName,
      payload: summarizeBody(interaction.request.payload, width),
      status: interaction.response.status,
    };
    if (interaction.request.qualifier !== undefined) row.qualifier = interaction.request.qualifier;
    if (interaction.request.operation === 'Invoke') row.operation = 'Invoke';
    const errorType = errorTypeOfResponse(interaction.response);
    if (errorType !== undefined) row.errorType = errorType;
    return row;
  });
}

function colorStatus(status: number, c: Colors): string {
  const text = String(status);
  if (status >= 500) return c.red(text);
  if (status >= 400) return c.yellow(text);
  return c.green(text);
}

function describeFilters(cassette: Cassette): string {
  const parts: string[] = [];
  if (cassette.filters?.redact?.length) parts.push(`redact ${cassette.filters.redact.join(', ')}`);
  if (cassette.filters?.maskAccountIds) parts.push('account ids masked');
  return parts.length ? parts.join('; ') : 'none';
}

export async function inspectCommand(given: string, options: InspectOptions, io: CliIo): Promise<number> {
  const file = await oneCassetteFile(given, options.dir);
  // A cassette that does not load (invalid JSON, schema, version) throws a CassetteError naming the path at fault.
  const cassette = (await loadCassette(file))!;
  const rows = summarizeCassette(cassette, options.width ?? 60);
  if (options.json) {
    io.out(
      `${JSON.stringify({ file, version: cassette.version, recordedWith: cassette.recordedWith, filters: cassette.filters ?? {}, interactions: rows }, null, 2)}\n`,
    );
    return EXIT_OK;
  }
  const c = io.color;
  const { recordedWith } = cassette;
  io.out(
    `${c.bold(file)}: ${rows.length} interaction(s), format v${cassette.version}, ` +
      `recorded with ${recordedWith.library} ${recordedWith.libraryVersion} on Node ${recordedWith.node}; filters: ${describeFilters(cassette)}\n`,
  );
  if (rows.length === 0) return EXIT_OK;
  const table = new Table({
    head: ['#', 'function', 'qualifier', 'payload', 'status', 'error type'],
    style: { head: io.color.isColorSupported ? ['cyan'] : [], border: io.color.isColorSupported ? ['grey'] : [] },
  });
  for (const row of rows) {
    table.push([
      row.index,
      row.operation ? `${row.functionName} (Invoke)` : row.functionName,
      row.qualifier ?? '',
      row.payload,
      colorStatus(row.status, c),
      row.errorType ? c.red(row.errorType) : '',
    ]);
  }
  io.out(`${table.toString()}\n`);
  return EXIT_OK;
}
