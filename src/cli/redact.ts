/**
 * `lambda-cassette redact <paths...> --path <json-path> [--mask-account-ids]`: scrubs cassettes
 * that are already on disk the way the recorder scrubs new ones, and records the filters in the
 * cassette so replay applies them to incoming requests too (redacted payloads keep matching).
 */
import {
  loadCassette,
  serializeCassette,
  writeCassetteAtomic,
  type Cassette,
  type Interaction,
} from '../cassette/index.js';
import { scrubInteraction } from '../recording/scrub-interaction.js';
import type { CliIo } from './cli-io.js';
import { cassettePaths } from './cassette-paths.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';
import { startProgress } from './progress.js';
import { UsageError } from '../common/cli-errors.js';
import { checkJsonPathFlag } from './json-path-flag.js';

interface RedactOptions {
  /** JSONPath expressions of payload fields, e.g. `$.card.number`, `$..password`. */
  path?: string[];
  maskAccountIds?: boolean;
}

/** What redacting one cassette changed. */
interface RedactResult {
  /** Payload values replaced with `[REDACTED]`. */
  redacted: number;
  /** Values in which account ids were masked (references, header values, bodies). */
  masked: number;
  /** Whether the file was rewritten. */
  written: boolean;
}

/** The cassette with `paths` redacted from every JSON payload (and account ids masked, if asked). */
function redactCassette(
  cassette: Cassette,
  paths: readonly string[],
  mask: boolean,
): { cassette: Cassette; redacted: number; masked: number } {
  let redacted = 0;
  let masked = 0;
  const interactions = cassette.interactions.map((interaction): Interaction => {
    const result = scrubInteraction(interaction, { redact: paths, maskAccountIds: mask });
    redacted += result.redacted;
    masked += result.masked;
    return result.interaction;
  });
  const redact = [...new Set([...(cassette.filters?.redact ?? []), ...paths])];
  const filters: NonNullable<Cassette['filters']> = { ...cassette.filters };
  if (redact.length) filters.redact = redact;
  if (mask) filters.maskAccountIds = true;
  const next: Cassette = { ...cassette, interactions };
  if (Object.keys(filters).length) next.filters = filters;
  return { cassette: next, redacted, masked };
}

/** Redacts one file in place, atomically; leaves it untouched when nothing would change. */
async function redactFile(file: string, paths: readonly string[], mask: boolean): Promise<RedactResult> {
  const cassette = await loadCassette(file);
  if (!cassette) throw new UsageError(`${file}: no such file`);
  const { cassette: next, redacted, masked } = redactCassette(cassette, paths, mask);
  // Compared as cassettes, not text: a file that only differs in layout is not rewritten.
  if (serializeCassette(next) === serializeCassette(cassette)) return { redacted, masked, written: false };
  await writeCassetteAtomic(file, next);
  return { redacted, masked, written: true };
}

export async function redactCommand(paths: readonly string[], options: RedactOptions, io: CliIo): Promise<number> {
  const jsonPaths = options.path ?? [];
  const mask = options.maskAccountIds === true;
  if (jsonPaths.length === 0 && !mask)
    throw new UsageError('nothing to do: give at least one --path <json-path>, or --mask-account-ids');
  checkJsonPathFlag('--path', jsonPaths);
  const files = await cassettePaths(paths);
  const progress = startProgress(io, files.length, 'redacting');
  const lines: string[] = [];
  let failed = 0;
  const c = io.color;
  for (const file of files) {
    try {
      const result = await redactFile(file, jsonPaths, mask);
      const what = [
        `${result.redacted} value(s) redacted`,
        ...(mask ? [`account ids masked in ${result.masked} value(s)`] : []),
      ].join(', ');
      lines.push(`${c.bold(file)}: ${result.written ? c.green(`rewritten (${what})`) : c.dim('unchanged')}\n`);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      failed++;
      lines.push(`${c.red('error')} ${(e as Error).message}\n`);
    }
    progress.tick(file);
  }
  progress.stop();
  for (const line of lines) io.out(line);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
