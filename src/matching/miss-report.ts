import { lazyModule } from '../common/lazy-module.js';
import { canonicalJson } from '../common/canonical-json.js';
import type { MatchableRequest } from './request-key.js';
import { describeSuggestion, type IgnoreSuggestion } from './ignore-suggestion.js';
import { functionLabel } from '../wire/lambda-address.js';
import { playbackRepeatsSetting, rerecordAdvice } from './hint-style.js';

const textDiff = lazyModule<typeof import('diff')>('diff');

const SHOWN = 3;

function payloadText(p: MatchableRequest['payload']): string {
  if ('json' in p) return `${canonicalJson(p.json, 2)}\n`;
  if ('text' in p) return `${JSON.stringify(p.text)} (not JSON)\n`;
  return `<${p.base64.length} base64 chars> (binary)\n`;
}

function summary(req: MatchableRequest): string {
  const fn = functionLabel(req);
  let payload = 'json' in req.payload ? canonicalJson(req.payload.json) : payloadText(req.payload).trim();
  if (payload.length > 120) payload = `${payload.slice(0, 119)}…`;
  return `${operationOf(req)} ${fn} (${req.region}) ${payload}`;
}

/** The operation as a person reads it: "InvokeAsync", or "Invoke (Event)" / "(RequestResponse)" / "(DryRun)". */
function operationOf(req: MatchableRequest): string {
  return req.operation === 'Invoke' ? `Invoke (${req.invocationType ?? 'Event'})` : 'InvokeAsync';
}

interface Difference {
  position: number;
  cost: number;
  fields: string[];
  diff: string[];
}

function compare(incoming: MatchableRequest, recorded: MatchableRequest, position: number): Difference {
  const fields: string[] = [];
  let cost = 0;
  // Weights rank a different function far from a different payload of the same function.
  const differs = (cond: boolean, what: string, weight: number) => {
    if (!cond) return;
    fields.push(what);
    cost += weight;
  };
  const operation = (r: MatchableRequest) => r.operation ?? 'InvokeAsync';
  differs(operation(incoming) !== operation(recorded), `operation ${operationOf(recorded)}`, 500);
  const type = (r: MatchableRequest) => r.invocationType ?? 'Event';
  differs(type(incoming) !== type(recorded), `invocation type ${type(recorded)}`, 500);
  differs(incoming.functionName !== recorded.functionName, `function "${recorded.functionName}"`, 1000);
  differs(
    (incoming.qualifier ?? '') !== (recorded.qualifier ?? ''),
    `qualifier ${JSON.stringify(recorded.qualifier ?? null)}`,
    100,
  );
  differs(incoming.region !== recorded.region, `region ${recorded.region}`, 10);
  const diff: string[] = [];
  const a = payloadText(recorded.payload);
  const b = payloadText(incoming.payload);
  if (a !== b) {
    fields.push('payload');
    for (const part of textDiff().diffLines(a, b)) {
      if (!part.added && !part.removed) continue;
      cost += part.count ?? 1;
      for (const line of part.value.replace(/\n$/, '').split('\n')) diff.push(`${part.added ? '+' : '-'} ${line}`);
    }
  }
  return { position, cost, fields, diff: diff.slice(0, 12) };
}

/** 0: same function and operation; 1: same function, other operation; 2: another function. */
function kinship(a: MatchableRequest, b: MatchableRequest): number {
  if (a.functionName !== b.functionName) return 2;
  return operationOf(a) === operationOf(b) ? 0 : 1;
}

/**
 * Why a request found no recorded answer: the request, how to record it, and the closest recorded
 * interactions with what differs (`-` recorded, `+` this request). Interactions of the same function
 * and operation come first, then the same function's other operation (an InvokeAsync recording for
 * an Invoke Event); other functions only when the cassette has none of this one, as a payload diff
 * against another function helps nobody.
 */
export function describeMiss(
  cassette: string,
  incoming: MatchableRequest,
  recorded: readonly MatchableRequest[],
  suggestion?: IgnoreSuggestion,
): string {
  const lines = [`lambda-cassette: no recorded answer in ${cassette} for ${summary(incoming)}`];
  if (suggestion) lines.push(`  Hint: ${describeSuggestion(suggestion)}.`);
  lines.push(`  ${rerecordAdvice()}`);
  if (recorded.length === 0) {
    lines.push('  The cassette has no interactions.');
    return lines.join('\n');
  }
  const ranked = recorded
    .map((r, i) => ({ ...compare(incoming, r, i), kin: kinship(incoming, r) }))
    .sort((x, y) => x.kin - y.kin || x.cost - y.cost || x.position - y.position);
  const related = ranked.filter((c) => c.kin < 2);
  const shown = (related.length ? related : ranked).slice(0, SHOWN);
  lines.push(
    related.length
      ? `  Closest of the ${related.length} recorded ${incoming.functionName} interaction(s) (${recorded.length} in the cassette), the same operation first:`
      : `  The cassette has no interaction of ${incoming.functionName}; closest of ${recorded.length} recorded interaction(s):`,
  );
  for (const c of shown) {
    lines.push(`  #${c.position + 1} ${summary(recorded[c.position]!)}`);
    lines.push(`     differs in: ${c.fields.length ? c.fields.join(', ') : 'nothing that is matched on'}`);
    for (const d of c.diff) lines.push(`       ${d}`);
  }
  return lines.join('\n');
}

/** Why a request whose recorded answers were all played found none. */
export function describeExhausted(cassette: string, incoming: MatchableRequest, played: number): string {
  return (
    `lambda-cassette: no recorded answer left in ${cassette} for ${summary(incoming)}: ` +
    `its ${played} recorded answer(s) were already played. ${playbackRepeatsSetting()} to repeat the last one. ${rerecordAdvice()}`
  );
}
