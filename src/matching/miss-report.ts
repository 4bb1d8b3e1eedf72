import { lazyModule } from '../common/lazy-module.js';
import { canonicalJson } from '../common/canonical-json.js';
import type { MatchableRequest } from './request-key.js';
import { describeSuggestion, type IgnoreSuggestion } from './ignore-suggestion.js';
import { functionLabel } from '../wire/lambda-address.js';

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
  const type = req.invocationType && req.invocationType !== 'Event' ? `(${req.invocationType}) ` : '';
  return `${req.operation === 'Invoke' ? `Invoke ${type}` : ''}${fn} (${req.region}) ${payload}`;
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
  differs(operation(incoming) !== operation(recorded), `operation ${operation(recorded)}`, 500);
  const type = (r: MatchableRequest) => r.invocationType ?? 'Event';
  differs(type(incoming) !== type(recorded), `invocation type ${type(recorded)}`, 500);
  differs(incoming.functionName !== recorded.functionName, `function "${recorded.functionName}"`, 1000);
  differs((incoming.qualifier ?? '') !== (recorded.qualifier ?? ''), `qualifier ${JSON.stringify(recorded.qualifier ?? null)}`, 100);
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

/**
 * Why a request found no recorded answer: the request, and the closest recorded interactions with
 * what differs (`-` recorded, `+` this request).
 */
export function describeMiss(cassette: string, incoming: MatchableRequest, recorded: readonly MatchableRequest[], suggestion?: IgnoreSuggestion): string {
  const lines = [`lambda-cassette: no recorded answer in ${cassette} for InvokeAsync ${summary(incoming)}`];
  if (suggestion) lines.push(`  Hint: ${describeSuggestion(suggestion)}.`);
  if (recorded.length === 0) {
    lines.push('  The cassette has no interactions.');
    return lines.join('\n');
  }
  const closest = recorded
    .map((r, i) => compare(incoming, r, i))
    .sort((x, y) => x.cost - y.cost || x.position - y.position)
    .slice(0, SHOWN);
  lines.push(`  Closest of ${recorded.length} recorded interaction(s):`);
  for (const c of closest) {
    lines.push(`  #${c.position + 1} ${summary(recorded[c.position]!)}`);
    lines.push(`     differs in: ${c.fields.length ? c.fields.join(', ') : 'nothing that is matched on'}`);
    for (const d of c.diff) lines.push(`       ${d}`);
  }
  return lines.join('\n');
}

/** Why a request whose recorded answers were all played found none. */
export function describeExhausted(cassette: string, incoming: MatchableRequest, played: number): string {
  return (
    `lambda-cassette: no recorded answer left in ${cassette} for InvokeAsync ${summary(incoming)}: ` +
    `its ${played} recorded answer(s) were already played. Record again, or set allowPlaybackRepeats: true to repeat the last one.`
  );
}
