/**
 * `lambda-cassette validate <paths...>`: every cassette loads (JSON, schema, format version) and
 * holds no credential. Exit code 1 on any finding, so it works as a pre-commit hook.
 */
import { readFile } from 'node:fs/promises';
import { CassetteError, parseCassette } from '../cassette/index.js';
import type { CliIo } from './cli-io.js';
import { cassettePaths } from './cassette-paths.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';
import { startProgress } from './progress.js';
import { scanForSecrets } from './secret-scan.js';
import { conformanceOf } from './conformance-findings.js';

/** One problem in one file. */
export interface Finding {
  file: string;
  /** JSON Pointer of the value at fault (`""` for the whole file), or `line L, column C` for a syntax error. */
  where: string;
  kind: 'invalid' | 'secret' | 'conformance';
  message: string;
  /** For a secret: the character (or body byte) of the value where it starts. */
  offset?: number;
  /** For a secret: the encodings undone to see it, outermost first (empty: as it is). */
  forms?: readonly string[];
}

/** What is wrong with one cassette file (nothing, when the list is empty). */
export async function validateFile(file: string, conformance = false): Promise<Finding[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return [{ file, where: '', kind: 'invalid', message: `cannot read: ${(e as Error).message}` }];
  }
  const findings: Finding[] = [];
  try {
    parseCassette(text, file);
  } catch (e) {
    if (!(e instanceof CassetteError)) throw e;
    const where = e.line !== undefined ? `line ${e.line}, column ${e.column ?? 1}` : (e.jsonPath ?? '');
    // The message starts with the file name; the finding names it already.
    findings.push({
      file,
      where,
      kind: 'invalid',
      message: e.message.startsWith(`${file}: `) ? e.message.slice(file.length + 2) : e.message,
    });
  }
  let document: unknown;
  try {
    document = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return findings; // already reported; nothing to scan
  }
  for (const secret of scanForSecrets(document)) {
    findings.push({
      file,
      where: secret.jsonPath,
      kind: 'secret',
      message: `${secret.rule}: ${secret.message}`,
      ...(secret.offset !== undefined ? { offset: secret.offset } : {}),
      ...(secret.forms !== undefined ? { forms: secret.forms } : {}),
    });
  }
  if (conformance && findings.length === 0) findings.push(...conformanceOf(file, parseCassette(text, file)));
  return findings;
}

interface ValidateOptions {
  /** Print findings as JSON. */
  json?: boolean;
  /** Also flag recorded answers that do not look like AWS's (emulator answers). */
  conformance?: boolean;
}

export async function validateCommand(paths: readonly string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const files = await cassettePaths(paths);
  const progress = startProgress(io, files.length, 'validating');
  const findings: Finding[] = [];
  for (const file of files) {
    findings.push(...(await validateFile(file, options.conformance === true)));
    progress.tick(file);
  }
  progress.stop();
  if (options.json) {
    io.out(`${JSON.stringify({ files: files.length, findings }, null, 2)}\n`);
    return findings.length ? EXIT_FINDINGS : EXIT_OK;
  }
  const c = io.color;
  for (const f of findings) {
    const label =
      f.kind === 'secret' ? c.red('secret') : f.kind === 'conformance' ? c.yellow('not AWS-like') : c.yellow('invalid');
    io.out(`${c.bold(f.file)} ${c.cyan(f.where === '' ? '(root)' : f.where)} ${label} ${f.message}\n`);
  }
  const withFindings = new Set(findings.map((f) => f.file)).size;
  io.out(
    findings.length === 0
      ? `${c.green('ok')}: ${files.length} cassette(s) valid, no secrets found\n`
      : `${c.red('failed')}: ${findings.length} finding(s) in ${withFindings} of ${files.length} cassette(s)\n`,
  );
  return findings.length ? EXIT_FINDINGS : EXIT_OK;
}
