/**
 * Whether a live answer still says what its recording says: status, error type, and the body (JSON
 * compared structurally). Request ids, dates and other per-call values never count as drift.
 */
import { decodeBody, type RecordedResponse } from '../cassette/index.js';
import { errorTypeOf } from '../engine/call-log.js';
import { describeDifference, jsonDifferences } from '../common/json-differences.js';
import { maskAccountIds } from '../recording/redaction.js';
import type { WireResponse } from '../wire/wire-types.js';

/** The parts of an answer a drift check reads. */
export interface OutcomeSummary {
  status: number;
  /** The error's name (`x-amzn-ErrorType`, else the body's `__type` / `code`); absent on success. */
  errorType?: string;
}

/** Shown changes per interaction; more are counted, not listed. */
const SHOWN = 5;

const VOLATILE_KEY = /^(x-amzn-)?request-?id$|^date$|^timestamp$|^time$/i;
const DATE_TEXT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$|^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function bodyText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** The outcome a response stands for. */
export function summarize(status: number, headers: Record<string, string>, body: Uint8Array): OutcomeSummary {
  const summary: OutcomeSummary = { status };
  let errorType = errorTypeOf(headers);
  if (!errorType && status >= 300) {
    const parsed = parseJson(bodyText(body));
    const value = parsed.ok ? (parsed.value as { __type?: unknown; code?: unknown } | null) : null;
    const named = value?.__type ?? value?.code;
    if (typeof named === 'string') errorType = named.split('#').at(-1)!.split(':')[0];
  }
  if (errorType) summary.errorType = errorType;
  return summary;
}

/** Same when both are per-call values: a request id under any casing, two dates. */
function volatile(segments: readonly (string | number)[], a: unknown, b: unknown): boolean {
  const last = segments.at(-1);
  if (typeof last === 'string' && VOLATILE_KEY.test(last)) return true;
  return typeof a === 'string' && typeof b === 'string' && DATE_TEXT.test(a) && DATE_TEXT.test(b);
}

function quote(text: string): string {
  const shown = JSON.stringify(text);
  return shown.length > 70 ? `${shown.slice(0, 69)}…` : shown;
}

function bodyChanges(recorded: string, live: string): string[] {
  if (recorded === live) return [];
  const a = parseJson(recorded);
  const b = parseJson(live);
  if (!a.ok || !b.ok) return [`body ${quote(recorded)} → ${quote(live)}`];
  const differences = jsonDifferences(a.value, b.value, { same: volatile });
  const lines = differences.slice(0, SHOWN).map((d) => `body ${describeDifference(d)}`);
  if (differences.length > SHOWN) lines.push(`body: ${differences.length - SHOWN} more difference(s)`);
  return lines;
}

/**
 * What changed between the recorded answer and the live one, one entry per change; empty when the
 * live answer still says the same. `maskAccountIds`: the cassette was recorded with account ids
 * masked, so the live body is masked the same way before comparing.
 */
export function compareOutcome(
  recorded: RecordedResponse,
  live: WireResponse,
  maskAccounts: boolean,
): { recorded: OutcomeSummary; live: OutcomeSummary; changes: string[] } {
  const recordedBytes = decodeBody(recorded.body);
  const was = summarize(recorded.status, recorded.headers, recordedBytes);
  const now = summarize(live.status, live.headers, live.body);
  const changes: string[] = [];
  if (was.status !== now.status) changes.push(`status ${was.status} → ${now.status}`);
  if (was.errorType !== now.errorType)
    changes.push(`error type ${was.errorType ?? 'none'} → ${now.errorType ?? 'none'}`);
  const liveText = maskAccounts ? maskAccountIds(bodyText(live.body)) : bodyText(live.body);
  const body = bodyChanges(bodyText(recordedBytes), liveText);
  // With the status or the error changed, the body's details are noise: say only that it differs.
  if (changes.length > 0 && body.length > 0) changes.push('body differs too');
  else changes.push(...body);
  return { recorded: was, live: now, changes };
}
