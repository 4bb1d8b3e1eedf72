/**
 * What is scrubbed before a recording touches disk: payload fields named by JSON path, and, on
 * request, 12-digit AWS account ids.
 */
import { forEachJsonPathHit } from '../common/json-path.js';

/** What every redacted value is replaced with. */
export const REDACTED = '[REDACTED]';
/** What a masked account id becomes; still 12 digits, so ARNs keep their shape. */
export const MASKED_ACCOUNT_ID = '000000000000';

const ACCOUNT_ID = /(?<!\d)\d{12}(?!\d)/g;

/** A copy of `payload` with every value at one of `paths` (JSONPath, e.g. `$.card.number`, `$..password`) replaced. */
export function redactPayload(payload: unknown, paths: readonly string[]): unknown {
  if (paths.length === 0 || payload === null || typeof payload !== 'object') return payload;
  const copy: unknown = structuredClone(payload);
  for (const path of paths) {
    forEachJsonPathHit(copy as object, path, (hit) => {
      if (hit.parent) (hit.parent as Record<string | number, unknown>)[hit.parentProperty] = REDACTED;
    });
  }
  return copy;
}

/** Replaces every 12-digit account id in `text` (ARNs, messages) with {@link MASKED_ACCOUNT_ID}. */
export function maskAccountIds(text: string): string {
  return text.replace(ACCOUNT_ID, MASKED_ACCOUNT_ID);
}
