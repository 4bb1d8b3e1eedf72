/**
 * `lambda-cassette verify <cassette-or-dir...> --target URL [--sign] [--json]`: re-sends each recorded
 * request to a live endpoint and prints, per interaction, whether the answer still matches the
 * recording. Exit 0 when nothing drifted, 1 when anything drifted or could not be checked.
 */
import { verifyCassette } from '../verify/verify-cassette.js';
import { formatInteraction, formatSummary } from '../verify/verify-report.js';
import type { CliIo } from './cli-io.js';
import { cassettePaths } from './cassette-paths.js';
import { UsageError } from '../common/cli-errors.js';
import { isHttpUrl, notHttpUrl } from '../common/http-url.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';
import { startProgress } from './progress.js';

interface VerifyCommandOptions {
  target?: string;
  sign?: boolean;
  json?: boolean;
  region?: string;
  dryRun?: boolean;
}

export async function verifyCommand(
  paths: readonly string[],
  options: VerifyCommandOptions,
  io: CliIo,
): Promise<number> {
  const target = options.target;
  if (!target)
    throw new UsageError(
      'verify needs --target <url>: the endpoint to re-send recorded requests to (e.g. http://127.0.0.1:5000)',
    );
  if (!isHttpUrl(target))
    throw new UsageError(notHttpUrl('--target', target, 'https://lambda.us-east-1.amazonaws.com'));
  const files = await cassettePaths(paths);
  if (files.length === 0) throw new UsageError(`no cassette (*.json) found in ${paths.join(', ')}`);
  let progress: ReturnType<typeof startProgress> | undefined;
  const report = await verifyCassette(files, {
    target,
    sign: options.sign === true,
    dryRun: options.dryRun === true,
    ...(options.region ? { region: options.region } : {}),
    onProgress: (done, total) => {
      progress ??= startProgress(io, total, 'verifying');
      progress.tick(`${done}/${total}`);
    },
  });
  (progress as ReturnType<typeof startProgress> | undefined)?.stop();
  if (options.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const line of report.interactions) io.out(`${formatInteraction(line, io.color)}\n`);
    io.out(`${formatSummary(report, io.color)}\n`);
  }
  return report.summary.drifted + report.summary.failed > 0 ? EXIT_FINDINGS : EXIT_OK;
}
