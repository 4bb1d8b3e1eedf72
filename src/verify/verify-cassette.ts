/**
 * `verifyCassette()`: re-sends every recorded request of some cassettes to a live endpoint and says,
 * for each, whether the answer still matches the recording. The check behind `lambda-cassette verify`.
 */
import { CassetteError, decodeBody, loadCassette, type Interaction } from '../cassette/index.js';
import { UpstreamError } from '../common/upstream-errors.js';
import { forwardUpstream } from '../recording/forward-upstream.js';
import { signRequest, type SigningCredentials } from '../recording/sign-request.js';
import { compareOutcome, summarize } from './compare-outcome.js';
import { compareDryRun } from './compare-dry-run.js';
import { functionLabel } from '../wire/lambda-address.js';
import { recordedRequest } from './recorded-request.js';
import { summarizeReport, type VerifiedInteraction, type VerifyReport } from './verify-report.js';
import { checkHttpUrlOption } from '../common/http-url.js';

/** Options of {@link verifyCassette}. */
export interface VerifyOptions {
  /** The endpoint to re-send requests to (an origin: `https://lambda.us-east-1.amazonaws.com`, `http://127.0.0.1:5000`). */
  target: string;
  /** Sign each request with SigV4 for the target (needed by real AWS; moto and LocalStack check nothing). */
  sign?: boolean;
  /** Credentials to sign with; default: the AWS SDK's default credential chain. */
  credentials?: SigningCredentials | (() => Promise<SigningCredentials>);
  /** Region to sign for instead of each interaction's recorded one. */
  region?: string;
  /**
   * Re-send each request as `Invoke` with `InvocationType: DryRun` instead: the function never runs
   * (safe against production); drift is a function, alias or version that is gone, or a permission
   * that no longer holds. Answers are not compared, as nothing ran.
   */
  dryRun?: boolean;
  /** Called after each interaction, for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

/** Checks `target` is an absolute http(s) URL. */
export function checkVerifyTarget(target: unknown): asserts target is string {
  checkHttpUrlOption('verify target', target, 'http://127.0.0.1:5000 or https://lambda.us-east-1.amazonaws.com');
}

async function verifyOne(
  cassette: string,
  index: number,
  interaction: Interaction,
  masked: boolean,
  options: VerifyOptions,
): Promise<VerifiedInteraction> {
  const base = { cassette, index, function: functionLabel(interaction.request) };
  const recorded = summarize(
    interaction.response.status,
    interaction.response.headers,
    decodeBody(interaction.response.body),
  );
  try {
    let request = recordedRequest(interaction, options.target, new Date(), options.dryRun === true);
    if (options.sign)
      request = await signRequest(request, {
        region: options.region ?? interaction.request.region,
        ...(options.credentials ? { credentials: options.credentials } : {}),
      });
    const live = await forwardUpstream(request);
    const compared = options.dryRun
      ? compareDryRun(interaction.response, live)
      : compareOutcome(interaction.response, live, masked);
    return {
      ...base,
      outcome: compared.changes.length ? 'drifted' : 'same',
      recorded: compared.recorded,
      live: compared.live,
      changes: compared.changes,
    };
  } catch (e) {
    const error =
      e instanceof UpstreamError
        ? `could not reach ${new URL(options.target).origin}: ${(e.cause as Error | undefined)?.message ?? e.message}`
        : (e as Error).message;
    return { ...base, outcome: 'failed', recorded, changes: [], error };
  }
}

/**
 * Re-sends each recorded request of `files` to `options.target`, one at a time, in cassette order,
 * and compares each answer with its recording (status, error type, body).
 *
 * InvokeAsync runs the function: without `dryRun`, verify against a staging account, never production.
 * @throws {CassetteError} when a cassette cannot be read; {@link TypeError} for a bad target.
 */
export async function verifyCassette(files: string | readonly string[], options: VerifyOptions): Promise<VerifyReport> {
  checkVerifyTarget(options.target);
  const list = typeof files === 'string' ? [files] : [...files];
  const loaded: { file: string; interactions: Interaction[]; masked: boolean }[] = [];
  for (const file of list) {
    const cassette = await loadCassette(file);
    if (!cassette) throw new CassetteError('LC_CASSETTE_READ', file, 'no such cassette file');
    loaded.push({ file, interactions: cassette.interactions, masked: cassette.filters?.maskAccountIds === true });
  }
  const total = loaded.reduce((n, c) => n + c.interactions.length, 0);
  const interactions: VerifiedInteraction[] = [];
  for (const { file, interactions: recorded, masked } of loaded) {
    for (const [index, interaction] of recorded.entries()) {
      interactions.push(await verifyOne(file, index, interaction, masked, options));
      options.onProgress?.(interactions.length, total);
    }
  }
  return {
    target: options.target,
    signed: options.sign === true,
    ...(options.dryRun ? { dryRun: true } : {}),
    cassettes: list,
    interactions,
    summary: summarizeReport(interactions),
  };
}
