import { canonicalJson } from '../common/canonical-json.js';
import type { Body } from '../cassette/index.js';
import { InvalidOptionError } from '../common/seal-errors.js';

/** A request as matching sees it, recorded or incoming. */
export interface MatchableRequest {
  /** `'Invoke'` for an Invoke Event; absent (or `'InvokeAsync'`) for InvokeAsync. Always decides a match. */
  operation?: 'InvokeAsync' | 'Invoke';
  /** `'RequestResponse'` or `'DryRun'`; absent (or `'Event'`) for Event invocations and InvokeAsync. Always decides a match. */
  invocationType?: 'Event' | 'RequestResponse' | 'DryRun';
  functionName: string;
  qualifier?: string;
  region: string;
  /** The payload as a cassette stores it: `{ json }`, or `{ text }` / `{ base64 }` for a body that is not JSON. */
  payload: Body;
}

/** Parts of a request that can decide a match. */
export type MatchField = 'functionName' | 'qualifier' | 'region' | 'payload';

/**
 * How requests are compared: the fields that must be equal (default `functionName`, `qualifier`,
 * `payload`), or a function mapping a request to a value; requests with canonically equal values match.
 */
export type MatchOption = readonly MatchField[] | ((request: MatchableRequest) => unknown);

/** The default: function, qualifier and canonical JSON payload; region is left out so one cassette serves every region. */
export const DEFAULT_MATCH: readonly MatchField[] = ['functionName', 'qualifier', 'payload'];

const FIELDS: readonly MatchField[] = ['functionName', 'qualifier', 'region', 'payload'];

/** Checks a `match` option, naming the bad field. */
export function checkMatchOption(match: MatchOption): void {
  if (typeof match === 'function') return;
  if (!Array.isArray(match))
    throw new InvalidOptionError('lambda-cassette: option "match" must be an array of fields or a function');
  for (const field of match) {
    if (!FIELDS.includes(field)) {
      throw new InvalidOptionError(
        `lambda-cassette: option "match" has unknown field "${String(field)}"; use ${FIELDS.join(', ')}`,
      );
    }
  }
}

/**
 * The index key of a request: canonical JSON of what `match` says decides a match, so key order in
 * payloads never matters. The operation always decides too, whatever `match` says: an Invoke is
 * never answered with an InvokeAsync recording, nor the other way round (InvokeAsync keys are as
 * they were before Invoke was served).
 */
export function requestKey(request: MatchableRequest, match: MatchOption = DEFAULT_MATCH): string {
  const key =
    typeof match === 'function'
      ? canonicalJson(match(request) ?? null)
      : canonicalJson(match.map((field) => request[field] ?? null));
  // Event keys are as they were before the other invocation types were served.
  const type =
    request.invocationType === undefined || request.invocationType === 'Event' ? '' : `${request.invocationType} `;
  return request.operation === 'Invoke' ? `Invoke ${type}${key}` : key;
}
